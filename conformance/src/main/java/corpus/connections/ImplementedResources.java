package corpus.connections;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * Code that implements a JDBC interface itself (a pool, a driver): creating an instance of such a
 * class is an acquisition like any other, a wrapper around a connection is that connection, and
 * handing one out is a hand-over.
 */
public final class ImplementedResources {

  /** A pool's physical connection: opens it itself, or wraps one it is given. */
  public static final class PhysicalConnection implements PooledConnection {
    private final Connection physical;

    public PhysicalConnection(String url) throws SQLException {
      this.physical = DriverManager.getConnection(url);
    }

    public PhysicalConnection(Connection physical) {
      this.physical = physical;
    }

    /** Opens its own connection by delegating to the other constructor: nothing is created here. */
    public PhysicalConnection(String url, String user, String password) throws SQLException {
      this(DriverManager.getConnection(url, user, password));
    }

    @Override
    public Connection getConnection() {
      return physical;
    }

    @Override
    public void close() throws SQLException {
      physical.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {}

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {}

    @Override
    public void addStatementEventListener(StatementEventListener listener) {}

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {}
  }

  private final String url;

  public ImplementedResources(String url) {
    this.url = url;
  }

  public PooledConnection open() throws SQLException {
    return new PhysicalConnection(url);
  }

  public PooledConnection wrap() throws SQLException {
    return new PhysicalConnection(DriverManager.getConnection(url));
  }

  public void watchNotClosed(ConnectionEventListener listener) throws SQLException {
    PooledConnection pc = new PhysicalConnection(url); // LEAK JdbcConnectionLeak
    pc.addConnectionEventListener(listener);
  }

  public void watch(ConnectionEventListener listener) throws SQLException {
    PooledConnection pc = new PhysicalConnection(url);
    try {
      pc.addConnectionEventListener(listener);
    } finally {
      pc.close();
    }
  }

  /** A constructor call over several lines is reported where it starts. */
  public void watchAsUserNotClosed(ConnectionEventListener listener, String user, String password)
      throws SQLException {
    PooledConnection pc = new PhysicalConnection( // LEAK JdbcConnectionLeak
        url,
        user.trim(),
        password);
    pc.addConnectionEventListener(listener);
  }

  public void watchWrappedNotClosed(ConnectionEventListener listener) throws SQLException {
    PooledConnection pc = new PhysicalConnection(DriverManager.getConnection(url)); // LEAK JdbcConnectionLeak
    pc.addConnectionEventListener(listener);
  }
}
