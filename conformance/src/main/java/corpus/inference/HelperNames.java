package corpus.inference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Helpers with no body in the corpus that take a connection: a name that releases (release,
 * closeQuietly, returnConnection) closes it, a name that keeps it (register, put) takes it over;
 * any other name only uses it, and the caller still owns it.
 */
public class HelperNames {
  private static final String UPDATE = "UPDATE jobs SET state = 'done' WHERE id = ?";

  /** A pool's own API, implemented outside the corpus. */
  public interface ConnectionPool {
    Connection lease() throws SQLException;

    void release(Connection con);

    void recordUse(Connection con);
  }

  /** Keeps connections until the end of a request; implemented outside the corpus. */
  public interface RequestScope {
    void register(Connection con);
  }

  private final ConnectionPool pool;
  private final DataSource dataSource;

  public HelperNames(ConnectionPool pool, DataSource dataSource) {
    this.pool = pool;
    this.dataSource = dataSource;
  }

  public void finish(long id) throws SQLException {
    Connection con = pool.lease();
    try (PreparedStatement ps = con.prepareStatement(UPDATE)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    } finally {
      pool.release(con);
    }
  }

  public void finishNotReleased(long id) throws SQLException {
    Connection con = pool.lease(); // LEAK JdbcConnectionLeak
    try (PreparedStatement ps = con.prepareStatement(UPDATE)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    } finally {
      pool.recordUse(con);
    }
  }

  public void finishInRequest(long id, RequestScope scope) throws SQLException {
    Connection con = dataSource.getConnection();
    scope.register(con);
    try (PreparedStatement ps = con.prepareStatement(UPDATE)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }
}
