package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The fix: try-with-resources closes all three on the early return as on every other path. */
public final class OrderDaoFixed implements OrderDao {
  private final DataSource dataSource;

  public OrderDaoFixed(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<Order> latestOrder(long customerId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(OrderSql.LATEST_ORDER)) {
      query.setLong(1, customerId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(Order.read(row));
      }
    }
  }
}
