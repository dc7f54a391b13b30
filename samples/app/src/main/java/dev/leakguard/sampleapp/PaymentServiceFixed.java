package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The fix: each attempt's connection lives in a try-with-resources inside the loop. */
public final class PaymentServiceFixed implements PaymentService {
  private final DataSource dataSource;
  private final Supplier<String> references;

  public PaymentServiceFixed(DataSource dataSource, Supplier<String> references) {
    this.dataSource = dataSource;
    this.references = references;
  }

  @Override
  public String recordPayment(long orderId, long amountCents) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      String reference = references.get();
      try (Connection connection = dataSource.getConnection();
          PreparedStatement insert = connection.prepareStatement(OrderSql.INSERT_PAYMENT)) {
        insert.setLong(1, orderId);
        insert.setString(2, reference);
        insert.setLong(3, amountCents);
        insert.executeUpdate();
        return reference;
      } catch (SQLException e) {
        if (!PaymentService.isReferenceTaken(e) || attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
