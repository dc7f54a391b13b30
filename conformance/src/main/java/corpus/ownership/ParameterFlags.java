package corpus.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A method that closes its resources only when a boolean parameter asks it to leaves them, when
 * the caller passes false, to what the caller arranged instead: a stream or cursor built by the
 * callback that closes them when it is closed. The close depends on the caller's choice, not on
 * this method. A method that fails hands nothing over, so its failing paths must close. A close
 * guarded by a parameter the body reassigns, or a parameter that guards something else, decides
 * nothing of the kind.
 */
public class ParameterFlags {
  private final DataSource dataSource;

  public ParameterFlags(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T execute(Function<Statement, T> action, boolean closeResources) throws SQLException {
    Connection con = dataSource.getConnection();
    Statement stmt = null;
    try {
      stmt = con.createStatement();
      return action.apply(stmt);
    } catch (SQLException | RuntimeException ex) {
      close(stmt);
      con.close();
      throw ex;
    } finally {
      if (closeResources) {
        close(stmt);
        con.close();
      }
    }
  }

  /** When the method fails, the caller has nothing to close later: the failing path must close. */
  public <T> T executeOrFail(Function<Statement, T> action, boolean closeResources) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    Statement stmt = null;
    try {
      stmt = con.createStatement();
      return action.apply(stmt);
    } finally {
      if (closeResources) {
        close(stmt);
        con.close();
      }
    }
  }

  /** A parameter that only says whether to log: the close it does not guard is missing. */
  public int count(String sql, boolean verbose) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    Statement stmt = con.createStatement();
    try {
      if (verbose) {
        System.out.println(sql);
      }
      return stmt.executeUpdate(sql);
    } finally {
      stmt.close();
    }
  }

  /** The parameter is overwritten before the test: the method, not the caller, decides. */
  public boolean valid(boolean close) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    close = con.isReadOnly();
    boolean ok = con.isValid(1);
    if (close) {
      con.close();
    }
    return ok;
  }

  private static void close(Statement s) {
    if (s != null) {
      try {
        s.close();
      } catch (SQLException ignored) {
        // nothing to do
      }
    }
  }
}
