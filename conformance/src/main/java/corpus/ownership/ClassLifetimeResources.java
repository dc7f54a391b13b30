package corpus.ownership;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A static field's initialiser keeps its value for as long as the class lives: a connection
 * opened when the class loads is shared, not leaked. A static field that a method fills later
 * and nothing closes is still an owning field left unclosed.
 */
public class ClassLifetimeResources {
  private static final String URL = "jdbc:h2:mem:shared";

  /** Opened once, when the class loads. */
  static final Connection SHARED = connect();

  private static Connection reconnected;

  private static Connection connect() {
    try {
      return DriverManager.getConnection(URL);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void reconnect() throws SQLException {
    reconnected = DriverManager.getConnection(URL); // LEAK JdbcUnclosedOwningField
  }

  static boolean sharedValid() throws SQLException {
    return SHARED.isValid(1);
  }
}
