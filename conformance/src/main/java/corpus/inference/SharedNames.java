package corpus.inference;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A call whose name says it creates a shared instance (a proxy bound to the current transaction,
 * as Spring's createSharedEntityManager) does not hand the caller a resource to close; one that
 * creates a plain one does.
 */
public class SharedNames {
  /** Bodies live elsewhere (a library): only the names say who owns the result. */
  public interface Connections {
    Connection createConnection() throws SQLException;

    Connection createSharedConnection() throws SQLException;
  }

  private final Connections connections;

  public SharedNames(Connections connections) {
    this.connections = connections;
  }

  public boolean fresh() throws SQLException {
    Connection c = connections.createConnection(); // LEAK JdbcConnectionLeak
    return c.isValid(1);
  }

  public boolean shared() throws SQLException {
    Connection c = connections.createSharedConnection();
    return c.isValid(1);
  }
}
