package corpus.realistic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An order repository with a transaction: setAutoCommit(false), insert the order and its lines,
 * commit, roll back in the catch. The leaky version rolls back but never closes on failure; the
 * fixed version scopes the connection with try-with-resources around the transaction. Helpers
 * take the caller's connection and close only what they open.
 */
public class OrderRepository {
  private static final String INSERT_ORDER = "INSERT INTO orders (customer_id, status) VALUES (?, 'NEW')";
  private static final String INSERT_LINE = "INSERT INTO order_lines (order_id, sku, quantity) VALUES (?, ?, ?)";
  private static final String FIND_ORDER = "SELECT customer_id, status FROM orders WHERE id = ?";
  private static final String FIND_LINES = "SELECT sku, quantity FROM order_lines WHERE order_id = ?";
  private static final String CANCEL = "UPDATE orders SET status = 'CANCELLED' WHERE id = ?";
  private static final String RELEASE_STOCK =
      "UPDATE stock SET reserved = reserved - ? WHERE sku = ?";

  /** One line of an order. */
  public record Line(String sku, int quantity) {}

  /** An order with its lines. */
  public record Order(long id, long customerId, String status, List<Line> lines) {}

  private final DataSource dataSource;

  public OrderRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Rolls back on failure but never closes then; also leaks if setAutoCommit throws. */
  public long placeOrderLeaky(long customerId, List<Line> lines) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    con.setAutoCommit(false);
    try {
      long orderId = insertOrder(con, customerId);
      insertLines(con, orderId, lines);
      con.commit();
      con.close();
      return orderId;
    } catch (SQLException e) {
      con.rollback();
      throw e;
    }
  }

  public long placeOrder(long customerId, List<Line> lines) throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      con.setAutoCommit(false);
      try {
        long orderId = insertOrder(con, customerId);
        insertLines(con, orderId, lines);
        con.commit();
        return orderId;
      } catch (SQLException e) {
        con.rollback();
        throw e;
      }
    }
  }

  private long insertOrder(Connection con, long customerId) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(INSERT_ORDER, Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, customerId);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no key generated for new order");
        }
        return keys.getLong(1);
      }
    }
  }

  private void insertLines(Connection con, long orderId, List<Line> lines) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(INSERT_LINE)) {
      for (Line line : lines) {
        ps.setLong(1, orderId);
        ps.setString(2, line.sku());
        ps.setInt(3, line.quantity());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Releases the reserved stock of each line; the statement is never closed. */
  private void releaseStockLeaky(Connection con, List<Line> lines) throws SQLException {
    PreparedStatement ps = con.prepareStatement(RELEASE_STOCK); // LEAK JdbcStatementLeak
    for (Line line : lines) {
      ps.setInt(1, line.quantity());
      ps.setString(2, line.sku());
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private void releaseStock(Connection con, List<Line> lines) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(RELEASE_STOCK)) {
      for (Line line : lines) {
        ps.setInt(1, line.quantity());
        ps.setString(2, line.sku());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public void cancelLeakyHelper(long orderId) throws SQLException {
    Optional<Order> order = find(orderId);
    if (order.isEmpty()) {
      return;
    }
    try (Connection con = dataSource.getConnection()) {
      con.setAutoCommit(false);
      try {
        try (PreparedStatement ps = con.prepareStatement(CANCEL)) {
          ps.setLong(1, orderId);
          ps.executeUpdate();
        }
        releaseStockLeaky(con, order.get().lines());
        con.commit();
      } catch (SQLException e) {
        con.rollback();
        throw e;
      }
    }
  }

  public void cancel(long orderId) throws SQLException {
    Optional<Order> order = find(orderId);
    if (order.isEmpty()) {
      return;
    }
    try (Connection con = dataSource.getConnection()) {
      con.setAutoCommit(false);
      try {
        try (PreparedStatement ps = con.prepareStatement(CANCEL)) {
          ps.setLong(1, orderId);
          ps.executeUpdate();
        }
        releaseStock(con, order.get().lines());
        con.commit();
      } catch (SQLException e) {
        con.rollback();
        throw e;
      }
    }
  }

  public Optional<Order> find(long orderId) throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(FIND_ORDER)) {
      ps.setLong(1, orderId);
      long customerId;
      String status;
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        customerId = rs.getLong(1);
        status = rs.getString(2);
      }
      return Optional.of(new Order(orderId, customerId, status, findLines(con, orderId)));
    }
  }

  private List<Line> findLines(Connection con, long orderId) throws SQLException {
    List<Line> lines = new ArrayList<>();
    try (PreparedStatement ps = con.prepareStatement(FIND_LINES)) {
      ps.setLong(1, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(new Line(rs.getString(1), rs.getInt(2)));
        }
      }
    }
    return lines;
  }
}
