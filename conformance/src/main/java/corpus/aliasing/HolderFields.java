package corpus.aliasing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A connection kept in a ThreadLocal or AtomicReference field is the object's, as one kept in a
 * list field is: the method that puts it there hands it over, and end() closes it. A holder that
 * is a local variable hands nothing over.
 */
public class HolderFields {
  private final DataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  private final AtomicReference<Connection> shared = new AtomicReference<>();

  public HolderFields(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void begin() throws SQLException {
    current.set(dataSource.getConnection());
  }

  public void share() throws SQLException {
    shared.set(dataSource.getConnection());
  }

  public void end() throws SQLException {
    Connection c = current.get();
    current.remove();
    if (c != null) {
      c.close();
    }
    Connection s = shared.getAndSet(null);
    if (s != null) {
      s.close();
    }
  }

  /** A local holder whose connection is closed through a variable. */
  public boolean probeClosedThroughAVariable() throws SQLException {
    AtomicReference<Connection> holder = new AtomicReference<>();
    holder.set(dataSource.getConnection());
    Connection c = holder.get();
    try {
      return c.isValid(1);
    } finally {
      c.close();
    }
  }

  /** A local holder: the connection in it is never closed. */
  public boolean probe() throws SQLException {
    AtomicReference<Connection> holder = new AtomicReference<>();
    holder.set(dataSource.getConnection()); // LEAK JdbcConnectionLeak
    return holder.get().isValid(1);
  }

  /** A local holder whose connection is closed. */
  public boolean probeClosed() throws SQLException {
    AtomicReference<Connection> holder = new AtomicReference<>();
    // KNOWN(source) unexpected JdbcConnectionLeak: a close called straight on what a holder returns (holder.get().close()) is not followed
    // KNOWN(source-classpath) unexpected JdbcConnectionLeak: a close called straight on what a holder returns (holder.get().close()) is not followed
    holder.set(dataSource.getConnection());
    try {
      return holder.get().isValid(1);
    } finally {
      holder.get().close();
    }
  }
}
