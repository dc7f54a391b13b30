package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The bug: a helper opens the query and hands the ResultSet back to its caller. The caller reads
 * the rows and forgets the result set, and nothing can close the statement and connection the
 * helper opened: every page viewed keeps a pooled connection.
 */
public final class OrderReportLeaky implements OrderReport {
  private final DataSource dataSource;

  public OrderReportLeaky(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<Order> page(int pageNumber, int pageSize) throws SQLException {
    ResultSet rows = openPage(pageNumber, pageSize);
    List<Order> orders = new ArrayList<>();
    while (rows.next()) {
      orders.add(Order.read(rows));
    }
    return orders; // rows is never closed, nor the statement and connection behind it
  }

  private ResultSet openPage(int pageNumber, int pageSize) throws SQLException {
    Connection connection = dataSource.getConnection();
    PreparedStatement query = connection.prepareStatement(OrderSql.PAGE);
    query.setInt(1, pageSize);
    query.setInt(2, pageNumber * pageSize);
    return query.executeQuery();
  }
}
