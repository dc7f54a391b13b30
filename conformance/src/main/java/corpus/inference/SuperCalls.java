package corpus.inference;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@code super.open()} runs the method of the superclass, never the override it is written in nor
 * any other override: what that one body returns decides. A data source adapter that opens its
 * connection through its superclass and then configures it must close it when configuring fails.
 * {@code Opener.super.open()} runs the interface's default method the same way.
 */
public class SuperCalls {

  /** Opens connections from a data source. */
  public static class Adapter {
    private final DataSource target;

    public Adapter(DataSource target) {
      this.target = target;
    }

    protected Connection open(String user) throws SQLException {
      if (user != null) {
        return target.getConnection(user, user);
      }
      return target.getConnection();
    }

    protected DataSource target() {
      return target;
    }
  }

  /** Sets each connection read-only. */
  public static class ReadOnlyAdapter extends Adapter {
    public ReadOnlyAdapter(DataSource target) {
      super(target);
    }

    @Override
    protected Connection open(String user) throws SQLException {
      Connection con = super.open(user); // LEAK JdbcConnectionLeak
      con.setReadOnly(true);
      return con;
    }
  }

  /** The same, closing the connection when configuring it fails. */
  public static class SafeReadOnlyAdapter extends Adapter {
    public SafeReadOnlyAdapter(DataSource target) {
      super(target);
    }

    @Override
    protected Connection open(String user) throws SQLException {
      Connection con = super.open(user);
      try {
        con.setReadOnly(true);
      } catch (SQLException e) {
        con.close();
        throw e;
      }
      return con;
    }
  }

  /** Shares one connection: what the superclass hands out is not the caller's. */
  public static class SharedAdapter extends Adapter {
    private final Connection shared;

    public SharedAdapter(DataSource target, Connection shared) {
      super(target);
      this.shared = shared;
    }

    @Override
    protected Connection open(String user) throws SQLException {
      return shared;
    }
  }

  /** Configures what the shared adapter hands out: the shared connection is not this class's. */
  public static class ConfiguredSharedAdapter extends SharedAdapter {
    public ConfiguredSharedAdapter(DataSource target, Connection shared) {
      super(target, shared);
    }

    @Override
    protected Connection open(String user) throws SQLException {
      Connection con = super.open(user);
      con.setAutoCommit(false);
      return con;
    }
  }

  /** Opens connections by a default method. */
  public interface Opener {
    DataSource source();

    default Connection open() throws SQLException {
      return source().getConnection();
    }
  }

  /** Tags each connection it opens through the interface's default method. */
  public static class TaggingOpener implements Opener {
    private final DataSource source;

    public TaggingOpener(DataSource source) {
      this.source = source;
    }

    @Override
    public DataSource source() {
      return source;
    }

    @Override
    public Connection open() throws SQLException {
      Connection con = Opener.super.open(); // LEAK JdbcConnectionLeak
      con.setClientInfo("tag", "batch");
      return con;
    }
  }
}
