package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Returning a resource hands it to the caller: factory methods such as {@code openConnection()}
 * report nothing, but a factory that configures the resource must close it when the
 * configuration throws. Callers of a same-file factory own the result and must close it.
 */
public class ConnectionFactory {
  private static final String COUNT_USERS = "SELECT COUNT(*) FROM users";
  private static final String DISABLE = "UPDATE users SET enabled = FALSE WHERE id = ?";

  private final DataSource dataSource;

  public ConnectionFactory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Connection openConnection() throws SQLException {
    return dataSource.getConnection();
  }

  public Connection openConnectionViaLocal() throws SQLException {
    Connection con = dataSource.getConnection();
    return con;
  }

  /** setReadOnly can throw after the connection is open and before it is returned. */
  public Connection openReadOnlyLeaky() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    con.setReadOnly(true);
    return con;
  }

  public Connection openReadOnly() throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      con.setReadOnly(true);
      return con;
    } catch (SQLException e) {
      con.close();
      throw e;
    }
  }

  public PreparedStatement prepare(Connection con, String sql) throws SQLException {
    return con.prepareStatement(sql);
  }

  /** setQueryTimeout can throw after the statement is prepared and before it is returned. */
  public PreparedStatement prepareWithTimeoutLeaky(Connection con, String sql, int seconds)
      throws SQLException {
    PreparedStatement ps = con.prepareStatement(sql); // LEAK JdbcStatementLeak
    ps.setQueryTimeout(seconds);
    return ps;
  }

  public PreparedStatement prepareWithTimeout(Connection con, String sql, int seconds)
      throws SQLException {
    PreparedStatement ps = con.prepareStatement(sql);
    try {
      ps.setQueryTimeout(seconds);
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
    return ps;
  }

  public long countUsersViaFactory() throws SQLException {
    try (Connection con = openConnection();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(COUNT_USERS)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /** The factory's connection belongs to this caller, which never closes it. */
  public long countUsersFactoryNotClosed() throws SQLException {
    Connection con = openReadOnly(); // LEAK JdbcConnectionLeak
    try (Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(COUNT_USERS)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public int disableViaStatementFactory(Connection con, long userId) throws SQLException {
    try (PreparedStatement ps = prepareWithTimeout(con, DISABLE, 5)) {
      ps.setLong(1, userId);
      return ps.executeUpdate();
    }
  }

  /** The factory's statement belongs to this caller, which never closes it. */
  public int disableStatementFactoryNotClosed(Connection con, long userId) throws SQLException {
    PreparedStatement ps = prepare(con, DISABLE); // LEAK JdbcStatementLeak
    ps.setLong(1, userId);
    return ps.executeUpdate();
  }
}
