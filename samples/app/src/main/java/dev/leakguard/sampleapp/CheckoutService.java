package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Marks an order paid in a transaction and audits it. Correct code, leak-free: it needs {@value
 * PoolSizing#CONNECTIONS_PER_CHECKOUT} connections at once, which is what the hermit pool cannot
 * give.
 */
public final class CheckoutService {
  private final DataSource dataSource;
  private final AuditLog audit;

  public CheckoutService(DataSource dataSource, AuditLog audit) {
    this.dataSource = dataSource;
    this.audit = audit;
  }

  public void checkout(long orderId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement markPaid = connection.prepareStatement(OrderSql.MARK_PAID)) {
        markPaid.setLong(1, orderId);
        markPaid.executeUpdate();
      }
      audit.record("order " + orderId + " paid"); // a second connection while the first is held
      connection.commit();
    }
  }
}
