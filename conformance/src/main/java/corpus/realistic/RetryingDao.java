package corpus.realistic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;

/**
 * A retry loop around a transient failure. The leaky version opens a new connection for each
 * attempt and drops the failed one; the fixed version scopes each attempt's connection with
 * try-with-resources inside the loop.
 */
public class RetryingDao {
  private static final String UPDATE_STATUS = "UPDATE jobs SET status = ? WHERE id = ?";
  private static final int MAX_ATTEMPTS = 3;

  private final DataSource dataSource;

  public RetryingDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int updateStatusRetryLeaky(long jobId, String status) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      try {
        int rows = update(con, jobId, status);
        con.close();
        return rows;
      } catch (SQLTransientException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  public int updateStatusRetry(long jobId, String status) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Connection con = dataSource.getConnection()) {
        return update(con, jobId, status);
      } catch (SQLTransientException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Retries with one connection; the statement of a failed attempt is never closed. */
  public int updateStatusRetryStatementLeaky(Connection con, long jobId, String status)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      PreparedStatement ps = con.prepareStatement(UPDATE_STATUS); // LEAK JdbcStatementLeak
      try {
        ps.setString(1, status);
        ps.setLong(2, jobId);
        int rows = ps.executeUpdate();
        ps.close();
        return rows;
      } catch (SQLTransientException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private int update(Connection con, long jobId, String status) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(UPDATE_STATUS)) {
      ps.setString(1, status);
      ps.setLong(2, jobId);
      return ps.executeUpdate();
    }
  }
}
