package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The fix: one statement for all lines, sent as a batch; the connection in try-with-resources; a
 * rejected line rolls the whole order back.
 */
public final class OrderImportFixed implements OrderImport {
  private final DataSource dataSource;

  public OrderImportFixed(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public long importOrder(long customerId, List<OrderLine> lines) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        long orderId = OrderImport.insertOrder(connection, customerId, lines);
        try (PreparedStatement insertLine = connection.prepareStatement(OrderSql.INSERT_LINE)) {
          for (OrderLine line : lines) {
            insertLine.setLong(1, orderId);
            insertLine.setString(2, line.sku());
            insertLine.setInt(3, line.quantity());
            insertLine.setLong(4, line.priceCents());
            insertLine.addBatch();
          }
          insertLine.executeBatch();
        }
        connection.commit();
        return orderId;
      } catch (SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }
}
