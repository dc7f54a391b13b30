package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Imports an order and its lines from a partner feed, all or nothing. */
public interface OrderImport {

  /**
   * Inserts the order and its lines in one transaction; returns the new order's id.
   *
   * @throws SQLException if a line is rejected (a repeated SKU, a quantity below 1)
   */
  long importOrder(long customerId, List<OrderLine> lines) throws SQLException;

  /** Inserts the order row on {@code connection}; shared by both twins. */
  static long insertOrder(Connection connection, long customerId, List<OrderLine> lines)
      throws SQLException {
    long total = lines.stream().mapToLong(OrderLine::totalCents).sum();
    try (PreparedStatement insert = connection.prepareStatement(OrderSql.INSERT_ORDER, Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, customerId);
      insert.setLong(2, total);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
