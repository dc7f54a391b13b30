package corpus.inference;

import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/**
 * A pool's helpers take the resources they manage as plain Objects, so their bodies cannot be
 * followed for them: the helper's name decides, as for a helper with no body. destroyResource
 * closes what it is given; describeResource only looks at it.
 */
public abstract class UntypedHelpers {
  private final ConnectionPoolDataSource source;

  protected UntypedHelpers(ConnectionPoolDataSource source) {
    this.source = source;
  }

  /** Gets a new pooled connection ready; may fail. */
  protected abstract void prepare(PooledConnection pc) throws SQLException;

  public PooledConnection acquireResource() throws SQLException {
    PooledConnection out = source.getPooledConnection();
    try {
      prepare(out);
      return out;
    } catch (SQLException e) {
      destroyResource(out);
      throw e;
    }
  }

  public PooledConnection acquireLogged() throws SQLException {
    PooledConnection out = source.getPooledConnection(); // LEAK JdbcConnectionLeak
    try {
      prepare(out);
      return out;
    } catch (SQLException e) {
      describeResource(out);
      throw e;
    }
  }

  protected void destroyResource(Object resc) throws SQLException {
    if (resc instanceof PooledConnection) {
      ((PooledConnection) resc).close();
    }
  }

  protected String describeResource(Object resc) {
    return "resource " + resc;
  }
}
