package corpus.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A constructor or helper that declares SQLException but whose body cannot throw it: a call of it
 * does not fail, so a resource handed to it is not left open on an exception path. One whose body
 * can throw still leaves it open.
 */
public class DeclaredThrows {
  /** Declares SQLException for subclasses; this one only stores the connection. */
  public static class Handle implements AutoCloseable {
    private final Connection connection;
    private final boolean readOnly;

    public Handle(Connection connection, boolean readOnly) throws SQLException {
      this.connection = connection;
      this.readOnly = readOnly;
    }

    public boolean readOnly() {
      return readOnly;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** Checks the connection first: this one can throw. */
  public static class CheckedHandle implements AutoCloseable {
    private final Connection connection;

    public CheckedHandle(Connection connection) throws SQLException {
      if (!connection.isValid(1)) {
        throw new SQLException("stale connection");
      }
      this.connection = connection;
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  private final DataSource dataSource;

  public DeclaredThrows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Handle open() throws SQLException {
    Connection con = dataSource.getConnection();
    return new Handle(con, false);
  }

  public CheckedHandle openChecked() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    return new CheckedHandle(con);
  }
}
