package corpus.connections;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Embedded Derby shuts a database down, or drops an in-memory one, when the connection URL asks
 * for it: the request then always fails with an SQLException (SQLState XJ015 or 08006) and never
 * returns a connection, so there is nothing to close. The URL may be a literal, a concatenation
 * or a format of constants. HSQLDB reads {@code shutdown=true} as "shut down when the last
 * connection closes" and returns a connection that must be closed, as does Derby for any other
 * URL.
 */
public class DerbyShutdown {
  private static final String URL_TEMPLATE = "jdbc:derby:memory:%s;%s";

  public void shutdownSystem() {
    try {
      DriverManager.getConnection("jdbc:derby:;shutdown=true");
    } catch (SQLException e) {
      if (!"XJ015".equals(e.getSQLState())) {
        throw new IllegalStateException(e);
      }
    }
  }

  public void shutdown(String name) {
    try {
      DriverManager.getConnection("jdbc:derby:" + name + ";shutdown=true");
    } catch (SQLException expected) {
      System.err.println("database " + name + " shut down: " + expected.getSQLState());
    }
  }

  public void drop(Driver driver, String name) {
    try {
      driver.connect(String.format(URL_TEMPLATE, name, "drop=true"), new Properties());
    } catch (SQLException expected) {
      System.err.println("database " + name + " dropped: " + expected.getSQLState());
    }
  }

  /** HSQLDB: the connection is open until closed, then the database shuts down. */
  public void openHsqldb(String path) throws SQLException {
    DriverManager.getConnection("jdbc:hsqldb:file:" + path + ";shutdown=true"); // LEAK JdbcConnectionLeak
  }

  /** Derby's URL that creates a database returns a connection like any other. */
  public boolean create(String name) throws SQLException {
    Connection con = DriverManager.getConnection("jdbc:derby:memory:" + name + ";create=true"); // LEAK JdbcConnectionLeak
    return con.isValid(1);
  }
}
