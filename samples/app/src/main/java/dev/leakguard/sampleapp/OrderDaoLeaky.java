package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The bug: resources are closed at the end of the method, and a later change added an early
 * return above the closes. Every customer without orders (a new sign-up) leaks a connection, a
 * statement and a result set.
 */
public final class OrderDaoLeaky implements OrderDao {
  private final DataSource dataSource;

  public OrderDaoLeaky(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Optional<Order> latestOrder(long customerId) throws SQLException {
    Connection connection = dataSource.getConnection();
    PreparedStatement query = connection.prepareStatement(OrderSql.LATEST_ORDER);
    query.setLong(1, customerId);
    ResultSet row = query.executeQuery();
    if (!row.next()) {
      return Optional.empty(); // the early return skips the closes below
    }
    Order order = Order.read(row);
    row.close();
    query.close();
    connection.close();
    return Optional.of(order);
  }
}
