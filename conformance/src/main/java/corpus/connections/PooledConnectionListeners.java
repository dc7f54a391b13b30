package corpus.connections;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * A pool hands out the logical handle of an XA connection and registers a listener on the XA
 * connection: when the handle is closed, the listener closes the XA connection. The listener owns
 * it from then on. Without a listener, or on a path that fails before it is registered, nothing
 * closes the XA connection.
 */
public class PooledConnectionListeners implements ConnectionEventListener {
  private final XADataSource xaSource;

  public PooledConnectionListeners(XADataSource xaSource) {
    this.xaSource = xaSource;
  }

  /** The listener closes the XA connection with its handle. */
  public Connection open() throws SQLException {
    XAConnection xa = xaSource.getXAConnection();
    Connection handle;
    try {
      handle = xa.getConnection();
    } catch (SQLException e) {
      xa.close();
      throw e;
    }
    xa.addConnectionEventListener(this);
    return handle;
  }

  /** No listener: closing the handle returned leaves the XA connection open. */
  public Connection openUnwatched() throws SQLException {
    XAConnection xa = xaSource.getXAConnection(); // LEAK JdbcConnectionLeak
    Connection handle;
    try {
      handle = xa.getConnection();
    } catch (SQLException e) {
      xa.close();
      throw e;
    }
    return handle;
  }

  /** The handle can fail before the listener is registered: the XA connection is then left open. */
  public Connection openCareless() throws SQLException {
    XAConnection xa = xaSource.getXAConnection(); // LEAK JdbcConnectionLeak
    Connection handle = xa.getConnection();
    xa.addConnectionEventListener(this);
    return handle;
  }

  @Override
  public void connectionClosed(ConnectionEvent event) {
    try {
      ((PooledConnection) event.getSource()).close();
    } catch (SQLException ignored) {
      // already gone
    }
  }

  @Override
  public void connectionErrorOccurred(ConnectionEvent event) {
    connectionClosed(event);
  }
}
