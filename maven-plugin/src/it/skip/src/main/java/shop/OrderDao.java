package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Order queries; two methods leak, their twins do not. */
public class OrderDao {
  private final DataSource dataSource;

  public OrderDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** When prepareStatement or executeQuery throws, the connection is never closed. */
  public int countOrders(long customerId) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM orders WHERE customer_id = ?"); // LEAK JdbcStatementLeak
    ps.setLong(1, customerId);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } finally {
      con.close();
    }
  }

  public int countOrdersFixed(long customerId) throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM orders WHERE customer_id = ?")) {
      ps.setLong(1, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Near miss: the result set is not closed when the table is empty, but closing the statement closes it. */
  public String newestOrder(Connection con) throws SQLException {
    try (Statement st = con.createStatement()) {
      ResultSet rs = st.executeQuery("SELECT id FROM orders ORDER BY created DESC");
      if (!rs.next()) {
        return null;
      }
      String id = rs.getString(1);
      rs.close();
      return id;
    }
  }
}
