package corpus.lambdas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * A lambda body uses the parameters and locals of the method around it by their declared types: a
 * resource it acquires from a captured data source or connection is its own, and one the method
 * around it owns stays the method's.
 */
public class CapturedVariables {
  private static final String COUNT = "SELECT COUNT(*) FROM orders";

  private final ExecutorService executor;

  public CapturedVariables(ExecutorService executor) {
    this.executor = executor;
  }

  public Future<Long> countFromParameterLeaky(DataSource source) {
    return executor.submit(() -> {
      Connection con = source.getConnection(); // LEAK JdbcConnectionLeak
      try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  public Future<Long> countFromParameter(DataSource source) {
    return executor.submit(() -> {
      try (Connection con = source.getConnection();
          Statement st = con.createStatement();
          ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  public Future<Long> countFromLocalLeaky(DataSource primary, DataSource replica, boolean fresh) {
    DataSource from = fresh ? primary : replica;
    return executor.submit(() -> {
      Connection con = from.getConnection(); // LEAK JdbcConnectionLeak
      try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  /** The method owns the connection and closes it; the lambda borrows it and closes its statement. */
  public long countOnCapturedConnection(DataSource source) throws Exception {
    try (Connection con = source.getConnection()) {
      Callable<Long> count = () -> {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      };
      return count.call();
    }
  }

  /** The statement made in the lambda from the captured connection is the lambda's, and it leaks. */
  public long countOnCapturedConnectionLeaky(DataSource source) throws Exception {
    try (Connection con = source.getConnection()) {
      Callable<Long> count = () -> {
        Statement st = con.createStatement(); // LEAK JdbcStatementLeak
        try (ResultSet rs = st.executeQuery(COUNT)) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      };
      return count.call();
    }
  }

  /** A lambda that hands the statement it makes back to its caller: the caller owns it. */
  public PreparedStatement prepareThrough(Connection con) throws Exception {
    Callable<PreparedStatement> prepare = () -> con.prepareStatement(COUNT);
    PreparedStatement ps = prepare.call();
    ps.setQueryTimeout(5);
    return ps;
  }

  /** The lambda closes the captured connection the method hands to it: no leak anywhere. */
  public void closeLater(DataSource source) throws SQLException {
    Connection con = source.getConnection();
    executor.execute(() -> {
      try {
        con.close();
      } catch (SQLException e) {
        System.err.println("close failed: " + e.getMessage());
      }
    });
  }
}
