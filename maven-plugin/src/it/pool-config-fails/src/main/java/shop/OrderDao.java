package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Order queries; one method leaks its connection, its twin does not. */
public class OrderDao {
  private final DataSource dataSource;

  public OrderDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int countOrders(long customerId) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try (PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM orders WHERE customer_id = ?")) {
      ps.setLong(1, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
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
}
