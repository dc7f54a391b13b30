package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The bug: each attempt borrows a connection, and the catch block that decides to retry forgets
 * the failed attempt's connection. Every collision costs the pool a connection for good.
 */
public final class PaymentServiceLeaky implements PaymentService {
  private final DataSource dataSource;
  private final Supplier<String> references;

  public PaymentServiceLeaky(DataSource dataSource, Supplier<String> references) {
    this.dataSource = dataSource;
    this.references = references;
  }

  @Override
  public String recordPayment(long orderId, long amountCents) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      String reference = references.get();
      Connection connection = dataSource.getConnection();
      try {
        try (PreparedStatement insert = connection.prepareStatement(OrderSql.INSERT_PAYMENT)) {
          insert.setLong(1, orderId);
          insert.setString(2, reference);
          insert.setLong(3, amountCents);
          insert.executeUpdate();
        }
        connection.close();
        return reference;
      } catch (SQLException e) {
        if (!PaymentService.isReferenceTaken(e) || attempt == MAX_ATTEMPTS) {
          throw e;
        }
        // retry with a new reference; this attempt's connection is abandoned
      }
    }
  }
}
