package corpus.connections;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * DriverManager.getConnection(url), (url, properties) and (url, user, password), and
 * Driver.connect(url, properties), which may return null (try-with-resources accepts a null
 * resource): leaky and fixed.
 */
public class DriverManagerConnections {
  private static final String URL = "jdbc:h2:mem:inventory;DB_CLOSE_DELAY=-1";
  private static final String REMOTE_URL = "jdbc:postgresql://db.internal:5432/inventory";

  private final Driver driver;

  public DriverManagerConnections(Driver driver) {
    this.driver = driver;
  }

  public boolean urlOnlyLeaky() throws SQLException {
    Connection con = DriverManager.getConnection(URL); // LEAK JdbcConnectionLeak
    return con.isValid(1);
  }

  public boolean urlOnlyFixed() throws SQLException {
    try (Connection con = DriverManager.getConnection(URL)) {
      return con.isValid(1);
    }
  }

  public boolean withPropertiesLeaky(Properties props) throws SQLException {
    Connection con = DriverManager.getConnection(REMOTE_URL, props); // LEAK JdbcConnectionLeak
    return con.isReadOnly();
  }

  public boolean withPropertiesFixed(Properties props) throws SQLException {
    try (Connection con = DriverManager.getConnection(REMOTE_URL, props)) {
      return con.isReadOnly();
    }
  }

  public String withUserLeaky(String user, String password) throws SQLException {
    Connection con = DriverManager.getConnection(REMOTE_URL, user, password); // LEAK JdbcConnectionLeak
    return con.getCatalog();
  }

  public String withUserFixed(String user, String password) throws SQLException {
    try (Connection con = DriverManager.getConnection(REMOTE_URL, user, password)) {
      return con.getCatalog();
    }
  }

  public boolean driverConnectLeaky(Properties props) throws SQLException {
    Connection con = driver.connect(URL, props); // LEAK JdbcConnectionLeak
    return con != null && con.isValid(1);
  }

  public boolean driverConnectFixed(Properties props) throws SQLException {
    try (Connection con = driver.connect(URL, props)) {
      return con != null && con.isValid(1);
    }
  }
}
