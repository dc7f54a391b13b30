package corpus.connections;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Result sets from Statement.executeQuery, Statement.getResultSet (after execute) and
 * Statement.getGeneratedKeys, on a connection owned by the caller. A result set whose statement
 * is closed is closed with it; the leaky forms leave both open, and the statement alone is
 * reported: closing it is the one fix.
 */
public class ResultSetSources {
  private static final String LATEST = "SELECT MAX(id) FROM shipments";
  private static final String INSERT = "INSERT INTO shipments (carrier) VALUES (?)";

  public long latestExecuteQueryLeaky(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    ResultSet rs = st.executeQuery(LATEST); // closed with its statement, which is reported
    return rs.next() ? rs.getLong(1) : 0L;
  }

  public long latestExecuteQueryFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(LATEST)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public long latestGetResultSetLeaky(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    if (!st.execute(LATEST)) {
      return 0L;
    }
    ResultSet rs = st.getResultSet(); // closed with its statement, which is reported
    return rs.next() ? rs.getLong(1) : 0L;
  }

  public long latestGetResultSetFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement()) {
      if (!st.execute(LATEST)) {
        return 0L;
      }
      try (ResultSet rs = st.getResultSet()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  /** The statement is closed; its result set from getResultSet goes with it. */
  public long latestGetResultSetStatementClosed(Connection con) throws SQLException {
    try (Statement st = con.createStatement()) {
      if (!st.execute(LATEST)) {
        return 0L;
      }
      ResultSet rs = st.getResultSet();
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public long insertGeneratedKeysLeaky(Connection con, String carrier) throws SQLException {
    PreparedStatement ps = con.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS); // LEAK JdbcStatementLeak
    ps.setString(1, carrier);
    ps.executeUpdate();
    ResultSet keys = ps.getGeneratedKeys(); // closed with its statement, which is reported
    return keys.next() ? keys.getLong(1) : -1L;
  }

  public long insertGeneratedKeysFixed(Connection con, String carrier) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, carrier);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : -1L;
      }
    }
  }

  /** The keys are closed, the statement is not. */
  public long insertOnlyKeysClosed(Connection con, String carrier) throws SQLException {
    PreparedStatement ps = con.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS); // LEAK JdbcStatementLeak
    ps.setString(1, carrier);
    ps.executeUpdate();
    try (ResultSet keys = ps.getGeneratedKeys()) {
      return keys.next() ? keys.getLong(1) : -1L;
    }
  }
}
