package corpus.implicitclose;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A script runner that executes statements on the caller's connection and returns the last
 * result set: it cannot close its statement (that would close the result set it returns), so the
 * statement leaks there. The result set descends from the caller's connection through that
 * statement: a caller that closes its connection closes the result set with it, even one it
 * drops. A caller that never closes its connection leaks it: that finding covers the result set
 * dropped under it.
 */
public class ScriptRunnerResults {

  /** Runs every statement; returns the result set of the last query, or null. */
  static ResultSet execute(Connection con, String[] script) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    ResultSet last = null;
    for (String sql : script) {
      if (st.execute(sql)) {
        if (last != null) {
          last.close();
        }
        last = st.getResultSet();
      }
    }
    return last;
  }

  /** The result set is dropped, and closed with the connection. */
  public void restore(String url, String[] script) throws SQLException {
    try (Connection con = DriverManager.getConnection(url)) {
      execute(con, script);
    }
  }

  /** The same, with the result set read first. */
  public boolean restoreAndCheck(String url, String[] script) throws SQLException {
    try (Connection con = DriverManager.getConnection(url)) {
      ResultSet rs = execute(con, script);
      return rs != null && rs.next();
    }
  }

  /**
   * The connection is never closed: the result set dropped under it goes with its finding.
   */
  public void restoreAndForget(String url, String[] script) throws SQLException {
    Connection con = DriverManager.getConnection(url); // LEAK JdbcConnectionLeak
    execute(con, script);
  }
}
