package corpus.temporaries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A resource passed straight into an owning wrapper, {@code new Handle(con.prepareStatement(sql))},
 * where the wrapper is an AutoCloseable class of this file whose close() closes what it wraps.
 * Closing the wrapper (try-with-resources) closes the resource; a wrapper that is never closed
 * leaks it.
 */
public class WrapperDao {
  private static final String TOUCH = "UPDATE carts SET touched_at = CURRENT_TIMESTAMP WHERE id = ?";
  private static final String COUNT_ITEMS = "SELECT COUNT(*) FROM cart_items WHERE cart_id = ?";

  /** Owns a prepared statement: closing the handle closes the statement. */
  static final class UpdateHandle implements AutoCloseable {
    private final PreparedStatement statement;

    UpdateHandle(PreparedStatement statement) {
      this.statement = statement;
    }

    int run(long id) throws SQLException {
      statement.setLong(1, id);
      return statement.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }

  /** Owns a connection: closing the session closes the connection. */
  static final class Session implements AutoCloseable {
    private final Connection connection;

    Session(Connection connection) {
      this.connection = connection;
    }

    long count(String sql, long id) throws SQLException {
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  private final DataSource dataSource;

  public WrapperDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int touchWithWrapper(Connection con, long cartId) throws SQLException {
    try (UpdateHandle handle = new UpdateHandle(con.prepareStatement(TOUCH))) {
      return handle.run(cartId);
    }
  }

  /** The wrapper, and with it the statement, is never closed. */
  public int touchWrapperNotClosed(Connection con, long cartId) throws SQLException {
    UpdateHandle handle = new UpdateHandle(con.prepareStatement(TOUCH)); // LEAK JdbcStatementLeak
    return handle.run(cartId);
  }

  public long countItemsWithSession(long cartId) throws SQLException {
    try (Session session = new Session(dataSource.getConnection())) {
      return session.count(COUNT_ITEMS, cartId);
    }
  }
}
