package corpus.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A helper that runs work on a connection and closes it in a finally when the caller says it
 * is new there, through a local copy of the flag that a normal path may clear when it hands the
 * connection on: when the work throws, the copy still holds the caller's value, so a caller that
 * created the connection and passed true has it closed on every path. A helper whose failing
 * path closes nothing, whatever its flags, still leaves a caller's new connection open there.
 */
public class FlaggedCloseHelpers implements AutoCloseable {
  private final DataSource dataSource;
  private Connection shared;

  public FlaggedCloseHelpers(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void close() throws SQLException {
    if (shared != null) {
      shared.close();
    }
  }

  /** Runs the statement on the shared connection, or on a new one that is closed afterwards. */
  public int run(String sql) throws SQLException {
    Connection target = shared;
    boolean created = false;
    if (target == null) {
      target = dataSource.getConnection();
      created = true;
    }
    return runOn(target, sql, created);
  }

  /** The same work through a helper whose failure leaves the connection open. */
  public int runUnguarded(String sql) throws SQLException {
    Connection target = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    return runClosingOnSuccess(target, sql, true);
  }

  /**
   * Closes {@code con} in its finally when {@code newTarget} is true, unless a batch statement
   * keeps it open for a later flush: then the connection is kept in a field this object closes.
   */
  int runOn(Connection con, String sql, boolean newTarget) throws SQLException {
    boolean close = newTarget;
    try (Statement st = con.createStatement()) {
      if (sql.startsWith("batch:") && newTarget) {
        shared = con;
        close = false;
        return 0;
      }
      return st.executeUpdate(sql);
    } finally {
      if (close) {
        con.close();
      }
    }
  }

  /** Closes {@code con} after the work when asked to; a failing statement leaves it open. */
  int runClosingOnSuccess(Connection con, String sql, boolean log) throws SQLException {
    int n;
    try (Statement st = con.createStatement()) {
      n = st.executeUpdate(sql);
    } catch (SQLException e) {
      if (log) {
        System.err.println("failed: " + sql);
      }
      throw e;
    }
    con.close();
    return n;
  }
}
