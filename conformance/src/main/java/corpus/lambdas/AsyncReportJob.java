package corpus.lambdas;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Lambdas and anonymous classes are methods of their own: a resource acquired in a Runnable or
 * Callable body and not closed there is reported at its line in the body; one closed in the body
 * is fine. The enclosing method acquires nothing.
 */
public class AsyncReportJob {
  private static final String COUNT = "SELECT COUNT(*) FROM reports";
  private static final String REFRESH = "UPDATE reports SET stale = TRUE";
  private static final String PURGE = "DELETE FROM reports WHERE stale";

  private final DataSource dataSource;
  private final ExecutorService executor;

  public AsyncReportJob(DataSource dataSource, ExecutorService executor) {
    this.dataSource = dataSource;
    this.executor = executor;
  }

  public Future<Long> countLambdaLeaky() {
    return executor.submit(() -> {
      Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  public Future<Long> countLambda() {
    return executor.submit(() -> {
      try (Connection con = dataSource.getConnection();
          Statement st = con.createStatement();
          ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  public void refreshRunnableLeaky() {
    executor.execute(() -> {
      try {
        Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
        Statement st = con.createStatement(); // LEAK JdbcStatementLeak
        st.executeUpdate(REFRESH);
      } catch (SQLException e) {
        System.err.println("refresh failed: " + e.getMessage());
      }
    });
  }

  public void refreshRunnable() {
    executor.execute(() -> {
      try (Connection con = dataSource.getConnection();
          Statement st = con.createStatement()) {
        st.executeUpdate(REFRESH);
      } catch (SQLException e) {
        System.err.println("refresh failed: " + e.getMessage());
      }
    });
  }

  public Callable<Integer> purgeAnonymousLeaky() {
    return new Callable<Integer>() {
      @Override
      public Integer call() throws SQLException {
        Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
        try (Statement st = con.createStatement()) {
          return st.executeUpdate(PURGE);
        }
      }
    };
  }

  public Callable<Integer> purgeAnonymous() {
    return new Callable<Integer>() {
      @Override
      public Integer call() throws SQLException {
        try (Connection con = dataSource.getConnection();
            Statement st = con.createStatement()) {
          return st.executeUpdate(PURGE);
        }
      }
    };
  }

  /** A named task class: the same rules as for any method. */
  static final class PurgeTask implements Runnable {
    private final DataSource dataSource;

    PurgeTask(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public void run() {
      try (Connection con = dataSource.getConnection();
          Statement st = con.createStatement()) {
        st.executeUpdate(PURGE);
      } catch (SQLException e) {
        System.err.println("purge failed: " + e.getMessage());
      }
    }
  }

  public void schedulePurge() {
    executor.execute(new PurgeTask(dataSource));
  }
}
