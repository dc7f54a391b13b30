package dev.leakguard.sampleapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leakguard.verifier.LeakRecord;
import dev.leakguard.verifier.SourceLines;
import dev.leakguard.verifier.VerifyingDataSource;
import dev.leakguard.verifier.junit.AllowLeaks;
import dev.leakguard.verifier.junit.VerifierPool;
import dev.leakguard.verifier.junit.VerifyNoLeaks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch import in a transaction: a statement reassigned in a loop, a rejected line. */
@VerifyNoLeaks
@VerifierPool(maximumPoolSize = 3, connectionTimeoutMillis = 250)
class OrderImportTest {
  private static final List<OrderLine> GOOD =
      List.of(new OrderLine("TEA", 2, 450), new OrderLine("MUG", 1, 1200), new OrderLine("SPOON", 4, 150));
  /** The third line repeats a SKU: the order_lines primary key rejects it (SQLState 23505). */
  private static final List<OrderLine> REPEATED_SKU =
      List.of(new OrderLine("TEA", 2, 450), new OrderLine("MUG", 1, 1200), new OrderLine("TEA", 1, 450));

  private VerifyingDataSource db;

  @BeforeEach
  void openShop(VerifyingDataSource db) throws SQLException {
    this.db = db;
    Schema.create(db);
  }

  @Test
  @AllowLeaks("reproduces the leak")
  void leakyImportLeavesEveryReassignedStatementToTheConnection() throws SQLException {
    long orderId = new OrderImportLeaky(db).importOrder(1, GOOD);
    assertEquals(3, count("select count(*) from order_lines where order_id = " + orderId));

    // Three statements for three lines; the last is closed, the first two only by connection.close().
    String prepare = ExpectedLeaks.at("JdbcStatementLeftToConnectionClose", OrderImportLeaky.class,
        "importOrder", "connection.prepareStatement(OrderSql.INSERT_LINE)");
    List<LeakRecord> leaks = db.leaks();
    assertEquals(ExpectedLeaks.times(2, prepare), ExpectedLeaks.of(leaks));
    int closeLine = SourceLines.lineOf(OrderImportLeaky.class, "importOrder", "connection.close();");
    for (LeakRecord leak : leaks) {
      assertEquals(closeLine, leak.resource().closedAt().lineNumber());
    }
  }

  @Test
  @AllowLeaks("reproduces the leak")
  void leakyImportLeaksTheConnectionWithItsTransactionWhenALineIsRejected() throws SQLException {
    SQLException rejected =
        assertThrows(SQLException.class, () -> new OrderImportLeaky(db).importOrder(1, REPEATED_SKU));
    assertEquals("23505", rejected.getSQLState());

    String method = "importOrder";
    assertEquals(
        List.of(
            ExpectedLeaks.at("JdbcConnectionLeak", OrderImportLeaky.class, method, "dataSource.getConnection()"),
            ExpectedLeaks.at("JdbcStatementLeak", OrderImportLeaky.class, method, "connection.prepareStatement("),
            ExpectedLeaks.at("JdbcStatementLeak", OrderImportLeaky.class, method, "connection.prepareStatement("),
            ExpectedLeaks.at("JdbcStatementLeak", OrderImportLeaky.class, method, "connection.prepareStatement(")),
        ExpectedLeaks.of(db.leaks()));
    // The half-imported order is uncommitted: invisible to others, its locks held by the lost connection.
    assertEquals(0, count("select count(*) from orders"));
  }

  @Test
  void fixedImportCommitsAllOrNothingAndNeverLeaks() throws SQLException {
    OrderImport importer = new OrderImportFixed(db);
    List<Long> imported = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      if (i % 5 == 4) {
        assertThrows(SQLException.class, () -> importer.importOrder(2, REPEATED_SKU));
      } else {
        imported.add(importer.importOrder(2, GOOD));
      }
    }
    assertEquals(160, imported.size());
    assertEquals(160, count("select count(*) from orders"));
    assertEquals(480, count("select count(*) from order_lines"));
    assertEquals(List.of(), db.leaks());
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
