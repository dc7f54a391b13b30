package corpus.connections;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Connection.createStatement(), (type, concurrency) and (type, concurrency, holdability), on a
 * connection owned by the caller: leaky and fixed. The leaky forms close their result set, so
 * only the statement is in question.
 */
public class StatementFactories {
  private static final String COUNT = "SELECT COUNT(*) FROM parcels";
  private static final String LOST = "UPDATE parcels SET lost = TRUE WHERE last_scan < CURRENT_DATE - 30";

  public long countPlainLeaky(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    try (ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public long countPlainFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public long countScrollableLeaky(Connection con) throws SQLException {
    Statement st = con.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY); // LEAK JdbcStatementLeak
    try (ResultSet rs = st.executeQuery(COUNT)) {
      return rs.last() ? rs.getLong(1) : 0L;
    }
  }

  public long countScrollableFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet rs = st.executeQuery(COUNT)) {
      return rs.last() ? rs.getLong(1) : 0L;
    }
  }

  public long countHoldableLeaky(Connection con) throws SQLException {
    Statement st = con.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT); // LEAK JdbcStatementLeak
    try (ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public long countHoldableFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT);
        ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /** A statement used only for an update, never closed. */
  public int markLostLeaky(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    return st.executeUpdate(LOST);
  }

  public int markLostFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(LOST);
    }
  }
}
