package corpus.inference;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A call through an interface or an abstract method runs whichever implementation the object
 * has: the implementations in the corpus decide what the caller gets, whatever the name says.
 */
public class Implementations {

  /** Every implementation in the corpus returns a connection it opened. */
  public interface Connector {
    Connection connection() throws SQLException;
  }

  public static final class DataSourceConnector implements Connector {
    private final DataSource dataSource;

    public DataSourceConnector(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public Connection connection() throws SQLException {
      return dataSource.getConnection();
    }
  }

  /** One implementation returns the connection it was given: a caller does not own the result. */
  public interface Session {
    Connection openStatementConnection() throws SQLException;
  }

  public static final class SharedSession implements Session {
    private final Connection shared;

    public SharedSession(Connection shared) {
      this.shared = shared;
    }

    @Override
    public Connection openStatementConnection() {
      return shared;
    }
  }

  /** A template whose subclasses say where connections come from. */
  public abstract static class Job {
    protected abstract Connection connect() throws SQLException;

    public int runNotClosed(String sql) throws SQLException {
      Connection con = connect(); // LEAK JdbcConnectionLeak
      try (Statement st = con.createStatement()) {
        return st.executeUpdate(sql);
      }
    }

    public int run(String sql) throws SQLException {
      try (Connection con = connect(); Statement st = con.createStatement()) {
        return st.executeUpdate(sql);
      }
    }
  }

  public static final class NightlyJob extends Job {
    private final DataSource dataSource;

    public NightlyJob(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    protected Connection connect() throws SQLException {
      return dataSource.getConnection();
    }
  }

  public boolean validNotClosed(Connector connector) throws SQLException {
    Connection con = connector.connection(); // LEAK JdbcConnectionLeak
    return con.isValid(1);
  }

  public boolean valid(Connector connector) throws SQLException {
    try (Connection con = connector.connection()) {
      return con.isValid(1);
    }
  }

  /** The name says "open", but an implementation hands back a shared connection: borrowed. */
  public boolean sessionValid(Session session) throws SQLException {
    Connection con = session.openStatementConnection();
    return con.isValid(1);
  }

  /**
   * The implementations disagree: one opens a connection, one hands back the connection its user
   * provided. The name ("obtain") makes the result the caller's, but whether it is depends on the
   * implementation, so a leak of it is a warning, never a build-breaking error.
   */
  public interface ConnectionAccess {
    Connection obtainConnection() throws SQLException;
  }

  public static final class PooledAccess implements ConnectionAccess {
    private final DataSource dataSource;

    public PooledAccess(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public Connection obtainConnection() throws SQLException {
      return dataSource.getConnection();
    }
  }

  public static final class ProvidedAccess implements ConnectionAccess {
    private final Connection provided;

    public ProvidedAccess(Connection provided) {
      this.provided = provided;
    }

    @Override
    public Connection obtainConnection() {
      return provided;
    }
  }

  public boolean accessValidNotClosed(ConnectionAccess access) throws SQLException {
    Connection con = access.obtainConnection(); // LEAK JdbcConnectionLeak(warning)
    return con.isValid(1);
  }

  public boolean accessValid(ConnectionAccess access) throws SQLException {
    try (Connection con = access.obtainConnection()) {
      return con.isValid(1);
    }
  }

  /** A statement made here from such a connection is this method's own: its finding keeps its level. */
  public int countNotClosed(ConnectionAccess access) throws SQLException {
    try (Connection con = access.obtainConnection()) {
      Statement st = con.createStatement(); // LEAK JdbcStatementLeftToConnectionClose
      return st.executeUpdate("delete from audit");
    }
  }
}
