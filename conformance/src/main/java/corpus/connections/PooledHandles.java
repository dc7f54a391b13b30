package corpus.connections;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.PooledConnection;

/**
 * A pooled connection keeps one logical handle open at a time: it closes the last one when asked
 * for the next and when it is closed itself. A handle the pooled connection asks of itself (an XA
 * subclass that sets up {@code super.getConnection()} before it hands it out) stays its own, even
 * when the set-up throws. A handle asked of another pooled connection is still the caller's to
 * close, and so is a statement a connection implementation asks of itself.
 */
public class PooledHandles {

  /** A driver's pooled connection: each getConnection() closes the handle it gave out before. */
  public abstract static class DriverPooledConnection implements PooledConnection {
    protected boolean inTransaction;
    private Connection last;

    /** A new logical handle over the physical connection. */
    protected abstract Connection openHandle() throws SQLException;

    @Override
    public Connection getConnection() throws SQLException {
      if (last != null) {
        last.close();
      }
      last = openHandle();
      return last;
    }

    @Override
    public void close() throws SQLException {
      if (last != null) {
        last.close();
        last = null;
      }
    }
  }

  /** Its XA subclass: outside a transaction a handle must be in auto-commit mode. */
  public abstract static class DriverXaConnection extends DriverPooledConnection {
    @Override
    public Connection getConnection() throws SQLException {
      Connection handle = super.getConnection();
      if (!inTransaction) {
        handle.setAutoCommit(true); // when this throws, the handle stays with this pooled connection
      }
      return handle;
    }

    /** The same through this: still the object's own handle. */
    public Connection readOnlyHandle() throws SQLException {
      Connection handle = this.getConnection();
      handle.setReadOnly(true);
      return handle;
    }

    /** An unqualified call: the handle it checks is the one its next getConnection() closes. */
    public boolean handleValid() throws SQLException {
      Connection handle = getConnection();
      return handle.isValid(1);
    }

    /** Its XA resource runs commands on the handle of the pooled connection it belongs to. */
    public class CommandRunner {
      public boolean run(String command) throws SQLException {
        Connection handle = getConnection();
        try (Statement st = handle.createStatement()) {
          return st.execute(command);
        }
      }
    }
  }

  /** A pooled connection that forwards to another one: that one's handle is this one's to close. */
  public abstract static class ForwardingPooledConnection implements PooledConnection {
    private final PooledConnection target;

    protected ForwardingPooledConnection(PooledConnection target) {
      this.target = target;
    }

    public boolean targetValidLeaky() throws SQLException {
      Connection handle = target.getConnection(); // LEAK JdbcConnectionLeak
      return handle.isValid(1);
    }

    public boolean targetValid() throws SQLException {
      try (Connection handle = target.getConnection()) {
        return handle.isValid(1);
      }
    }
  }

  /** A connection implementation keeps no statement it hands out: its own ones are to close. */
  public abstract static class DriverConnection implements Connection {
    public int savepointLeaky(String name) throws SQLException {
      Statement st = createStatement(); // LEAK JdbcStatementLeak
      return st.executeUpdate("SAVEPOINT " + name);
    }

    public int savepoint(String name) throws SQLException {
      try (Statement st = createStatement()) {
        return st.executeUpdate("SAVEPOINT " + name);
      }
    }
  }

  /** A pool's code that asks a pooled connection it was given leaves its handle open. */
  public String catalogLeaky(DriverXaConnection pooled) throws SQLException {
    Connection handle = pooled.getConnection(); // LEAK JdbcConnectionLeak
    return handle.getCatalog();
  }
}
