package corpus.temporaries;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A connection chosen by a switch expression is bound to the variable the switch assigns: it is
 * closed (or leaked) through that variable, like any other.
 */
public class SwitchExpressionDao {
  public enum Target {
    PRIMARY,
    REPLICA
  }

  private final DataSource primary;
  private final DataSource replica;

  public SwitchExpressionDao(DataSource primary, DataSource replica) {
    this.primary = primary;
    this.replica = replica;
  }

  public String catalog(Target target) throws SQLException {
    Connection con =
        switch (target) {
          case PRIMARY -> primary.getConnection();
          case REPLICA -> replica.getConnection();
        };
    try (con) {
      return con.getCatalog();
    }
  }

  public String catalogNotClosed(Target target) throws SQLException {
    Connection con =
        switch (target) {
          case PRIMARY -> primary.getConnection(); // LEAK JdbcConnectionLeak
          case REPLICA -> {
            Connection replicaConnection = replica.getConnection(); // LEAK JdbcConnectionLeak
            replicaConnection.setReadOnly(true);
            yield replicaConnection;
          }
        };
    return con.getCatalog();
  }
}
