package corpus.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A wrapper class that is not AutoCloseable but whose constructor stores the connection in a
 * field its release() closes: constructing it hands the connection over, and the factory that
 * returns it leaks nothing.
 */
public class PlainWrappers {
  /** The library's own connection handle; release() closes the connection. */
  public static final class Handle {
    private final Connection connection;

    public Handle(Connection connection) {
      this.connection = connection;
    }

    public void release() throws SQLException {
      connection.close();
    }
  }

  private final DataSource dataSource;

  public PlainWrappers(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Handle open() throws SQLException {
    return new Handle(dataSource.getConnection());
  }

  /** The handle is made, then dropped: nothing releases it. */
  public void openAndForget() throws SQLException {
    Handle h = new Handle(dataSource.getConnection()); // LEAK JdbcConnectionLeak
    h.toString();
  }
}
