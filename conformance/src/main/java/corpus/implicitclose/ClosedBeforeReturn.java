package corpus.implicitclose;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A helper that returns a result set from a try whose finally closes its statement hands the
 * caller a closed result set: the finally runs after the return, and closing the statement closes
 * its result set. The caller that drops it leaks nothing. A helper whose finally leaves the
 * statement open hands over a live one.
 */
public class ClosedBeforeReturn {
  private final Connection con;

  public ClosedBeforeReturn(Connection con) {
    this.con = con;
  }

  /** Runs an XA command, whose result (if any) nobody reads. */
  private ResultSet dispatch(String command) throws SQLException {
    Statement stmt = null;
    try {
      stmt = con.createStatement();
      stmt.execute(command);
      ResultSet rs = stmt.getResultSet();
      return rs;
    } finally {
      if (stmt != null) {
        try {
          stmt.close();
        } catch (SQLException ignored) {
          // nothing to do
        }
      }
    }
  }

  public void prepare(String xid) throws SQLException {
    dispatch("XA PREPARE " + xid);
  }

  /** Closes the statement only when the query fails: on success the live result set goes out. */
  private ResultSet executeQuery(String sql) throws SQLException {
    Statement stmt = con.createStatement(); // LEAK JdbcStatementLeak
    boolean ok = false;
    try {
      ResultSet rs = stmt.executeQuery(sql);
      ok = true;
      return rs;
    } finally {
      if (!ok) {
        stmt.close();
      }
    }
  }

  public boolean anyLeaky(String sql) throws SQLException {
    ResultSet rs = executeQuery(sql); // LEAK JdbcResultSetLeak
    return rs.next();
  }

  public boolean any(String sql) throws SQLException {
    try (ResultSet rs = executeQuery(sql)) {
      return rs.next();
    }
  }
}
