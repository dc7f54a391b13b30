package corpus.connections;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.ConnectionEventListener;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * A pool whose pooled connections hand out the physical connection they hold: getConnection()
 * returns the same object on every call, and the pooled connection closes it when the pool closes
 * the pooled connection. The pool's own code that reads it (to test it, to log its catalog) opens
 * nothing; handing it out hands out the item it belongs to. A pooled connection that makes a new handle on each call, or any pooled connection
 * whose implementations do not all hand out what they hold, gives the caller a handle to close.
 */
public class PoolInternals {

  /** Hands out the physical connection it was made with. */
  public static class HeldPooledConnection implements PooledConnection {
    private final Connection physical;

    protected HeldPooledConnection(Connection physical) {
      this.physical = physical;
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

  /** Hands out a new logical handle on every call. */
  public abstract static class HandlePooledConnection implements PooledConnection {
    protected abstract Connection newHandle() throws SQLException;

    @Override
    public Connection getConnection() throws SQLException {
      return newHandle();
    }
  }

  private final Deque<HeldPooledConnection> idle = new ArrayDeque<>();
  private final DataSource physicalSource;

  public PoolInternals(DataSource physicalSource) {
    this.physicalSource = physicalSource;
  }

  /** A new item's connection goes to the caller, and the item with it. */
  public Connection checkOutNew() throws SQLException {
    return new HeldPooledConnection(physicalSource.getConnection()).getConnection();
  }

  /** A new item whose connection is only tested is dropped with it. */
  public boolean probeNewLeaky() throws SQLException {
    HeldPooledConnection item = new HeldPooledConnection(physicalSource.getConnection()); // LEAK JdbcConnectionLeak
    return item.getConnection().isValid(1);
  }

  /** Tests the first idle connection, which stays in the pool. */
  public boolean firstIdleValid() throws SQLException {
    HeldPooledConnection item = idle.peekFirst();
    if (item == null) {
      return false;
    }
    Connection con = item.getConnection();
    return con.isValid(1);
  }

  /** Logs the catalog of every idle connection. */
  public String idleCatalogs() throws SQLException {
    StringBuilder out = new StringBuilder();
    for (HeldPooledConnection item : idle) {
      out.append(item.getConnection().getCatalog()).append(' ');
    }
    return out.toString();
  }

  public boolean handleValidLeaky(HandlePooledConnection pooled) throws SQLException {
    Connection handle = pooled.getConnection(); // LEAK JdbcConnectionLeak
    return handle.isValid(1);
  }

  /** Any pooled connection: its handle is a new one to close. */
  public boolean anyValidLeaky(PooledConnection pooled) throws SQLException {
    Connection handle = pooled.getConnection(); // LEAK JdbcConnectionLeak
    return handle.isValid(1);
  }
}
