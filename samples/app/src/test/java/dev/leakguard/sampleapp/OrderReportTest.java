package dev.leakguard.sampleapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leakguard.verifier.LeakKind;
import dev.leakguard.verifier.LeakRecord;
import dev.leakguard.verifier.SourceLines;
import dev.leakguard.verifier.VerifyingDataSource;
import dev.leakguard.verifier.junit.AllowLeaks;
import dev.leakguard.verifier.junit.VerifierPool;
import dev.leakguard.verifier.junit.VerifyNoLeaks;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A paging query whose helper hands back its ResultSet. */
@VerifyNoLeaks
@VerifierPool(maximumPoolSize = 3, connectionTimeoutMillis = 250)
class OrderReportTest {
  private VerifyingDataSource db;

  @BeforeEach
  void openShop(VerifyingDataSource db) throws SQLException {
    this.db = db;
    Schema.create(db);
    Schema.addOrders(db, 1, 25);
  }

  @Test
  @AllowLeaks("reproduces the leak")
  void leakyReportLeaksTheResultSetWithItsStatementAndConnection() throws SQLException {
    OrderReport report = new OrderReportLeaky(db);
    assertEquals(10, report.page(0, 10).size());

    String helper = "openPage";
    List<LeakRecord> leaks = db.leaks();
    assertEquals(
        List.of(
            ExpectedLeaks.at("JdbcConnectionLeak", OrderReportLeaky.class, helper, "dataSource.getConnection()"),
            ExpectedLeaks.at("JdbcStatementLeak", OrderReportLeaky.class, helper, "connection.prepareStatement("),
            ExpectedLeaks.at("JdbcResultSetLeak", OrderReportLeaky.class, helper, "query.executeQuery()")),
        ExpectedLeaks.of(leaks));
    // The helper returned the result set to page(), the method that owns it and should close it:
    // static analysis reports it there, and the record's next application frame is that line.
    LeakRecord resultSet = leaks.get(2);
    assertEquals(LeakKind.RESULT_SET_LEAK, resultSet.kind());
    assertEquals("page", resultSet.resource().appStack().get(1).methodName());
    assertEquals(SourceLines.lineOf(OrderReportLeaky.class, "page", "openPage(pageNumber, pageSize)"),
        resultSet.resource().appStack().get(1).lineNumber());

    assertEquals(10, report.page(1, 10).size());
    assertEquals(5, report.page(2, 10).size());
    assertThrows(SQLTransientConnectionException.class, () -> report.page(0, 10));
  }

  @Test
  void fixedReportPagesThroughEverythingRepeatedly() throws SQLException {
    OrderReport report = new OrderReportFixed(db);
    for (int run = 0; run < 300; run++) {
      assertEquals(10, report.page(0, 10).size());
      assertEquals(10, report.page(1, 10).size());
      assertEquals(5, report.page(2, 10).size());
      assertEquals(0, report.page(3, 10).size());
    }
    assertEquals(List.of(), db.leaks());
  }
}
