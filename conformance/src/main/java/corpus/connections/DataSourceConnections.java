package corpus.connections;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** DataSource.getConnection() and getConnection(user, password): leaky and fixed. */
public class DataSourceConnections {
  private final DataSource dataSource;
  private final String reportUser;
  private final String reportPassword;

  public DataSourceConnections(DataSource dataSource, String reportUser, String reportPassword) {
    this.dataSource = dataSource;
    this.reportUser = reportUser;
    this.reportPassword = reportPassword;
  }

  public String catalogLeaky() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    return con.getCatalog();
  }

  public String catalogFixed() throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      return con.getCatalog();
    }
  }

  public String reportSchemaLeaky() throws SQLException {
    Connection con = dataSource.getConnection(reportUser, reportPassword); // LEAK JdbcConnectionLeak
    return con.getSchema();
  }

  public String reportSchemaFixed() throws SQLException {
    try (Connection con = dataSource.getConnection(reportUser, reportPassword)) {
      return con.getSchema();
    }
  }
}
