package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Writes audit entries on a connection of their own, so an entry survives the rollback of the
 * business transaction that wrote it (the "requires new" pattern). A caller inside a transaction
 * therefore holds two connections at once: the reason a pool of one deadlocks.
 */
public final class AuditLog {
  private final DataSource dataSource;

  public AuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void record(String message) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(OrderSql.INSERT_AUDIT)) {
      insert.setString(1, message);
      insert.executeUpdate();
    }
  }
}
