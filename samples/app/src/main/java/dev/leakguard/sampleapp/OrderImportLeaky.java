package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Two bugs in one transaction. The statement variable is reassigned for every line, so only the
 * last statement is closed and the others are left to the connection's close. And nothing closes
 * the connection when a line is rejected: it stays borrowed with its transaction open, holding
 * the locks of the rows inserted so far.
 */
public final class OrderImportLeaky implements OrderImport {
  private final DataSource dataSource;

  public OrderImportLeaky(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public long importOrder(long customerId, List<OrderLine> lines) throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    long orderId = OrderImport.insertOrder(connection, customerId, lines);
    PreparedStatement insertLine = null;
    for (OrderLine line : lines) {
      insertLine = connection.prepareStatement(OrderSql.INSERT_LINE); // the previous one is lost
      insertLine.setLong(1, orderId);
      insertLine.setString(2, line.sku());
      insertLine.setInt(3, line.quantity());
      insertLine.setLong(4, line.priceCents());
      insertLine.executeUpdate(); // a rejected line throws: no rollback, no close
    }
    connection.commit();
    if (insertLine != null) {
      insertLine.close();
    }
    connection.close();
    return orderId;
  }
}
