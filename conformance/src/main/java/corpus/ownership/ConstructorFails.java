package corpus.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A constructor that stores a connection in a field its class closes, then fails: the object
 * never exists, so nothing will ever close the connection.
 */
public final class ConstructorFails {

  public static final class Session implements AutoCloseable {
    private final Connection connection;

    public Session(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      this.connection.setAutoCommit(false);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** Configured before it is stored, closed if that fails. */
  public static final class ConfiguredSession implements AutoCloseable {
    private final Connection connection;

    public ConfiguredSession(DataSource dataSource) throws SQLException {
      Connection con = dataSource.getConnection();
      try {
        con.setAutoCommit(false);
      } catch (SQLException e) {
        con.close();
        throw e;
      }
      this.connection = con;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** Stored first, closed through the field when the configuration fails. */
  public static final class GuardedSession implements AutoCloseable {
    private final Connection connection;

    public GuardedSession(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection();
      try {
        this.connection.setAutoCommit(false);
      } catch (SQLException e) {
        this.connection.close();
        throw e;
      }
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
