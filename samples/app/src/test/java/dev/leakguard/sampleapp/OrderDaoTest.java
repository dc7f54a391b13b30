package dev.leakguard.sampleapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.verifier.VerifyingDataSource;
import dev.leakguard.verifier.junit.AllowLeaks;
import dev.leakguard.verifier.junit.VerifierPool;
import dev.leakguard.verifier.junit.VerifyNoLeaks;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A close forgotten on an early return: only customers without orders take that path. */
@VerifyNoLeaks
@VerifierPool(maximumPoolSize = 3, connectionTimeoutMillis = 250)
class OrderDaoTest {
  private static final long REGULAR = 7;
  private static final long NEW_CUSTOMER = 404;

  private VerifyingDataSource db;
  private long latestOfRegular;

  @BeforeEach
  void openShop(VerifyingDataSource db) throws SQLException {
    this.db = db;
    Schema.create(db);
    latestOfRegular = Schema.addOrders(db, REGULAR, 3);
  }

  @Test
  @AllowLeaks("reproduces the leak")
  void leakyDaoLeaksAllThreeOnTheEarlyReturn() throws SQLException {
    OrderDao dao = new OrderDaoLeaky(db);
    assertEquals(Optional.empty(), dao.latestOrder(NEW_CUSTOMER));

    String method = "latestOrder";
    assertEquals(
        List.of(
            ExpectedLeaks.at("JdbcConnectionLeak", OrderDaoLeaky.class, method, "dataSource.getConnection()"),
            ExpectedLeaks.at("JdbcStatementLeak", OrderDaoLeaky.class, method, "connection.prepareStatement("),
            ExpectedLeaks.at("JdbcResultSetLeak", OrderDaoLeaky.class, method, "query.executeQuery()")),
        ExpectedLeaks.of(db.leaks()));

    dao.latestOrder(NEW_CUSTOMER);
    dao.latestOrder(NEW_CUSTOMER);
    assertThrows(SQLTransientConnectionException.class, () -> dao.latestOrder(REGULAR));
  }

  @Test
  void leakyDaoIsCleanOnThePathWithAnOrder() throws SQLException {
    OrderDao dao = new OrderDaoLeaky(db);
    for (int i = 0; i < 100; i++) {
      assertEquals(latestOfRegular, dao.latestOrder(REGULAR).orElseThrow().id());
    }
    assertEquals(List.of(), db.leaks());
  }

  @Test
  void fixedDaoNeverLeaks() throws SQLException {
    OrderDao dao = new OrderDaoFixed(db);
    for (int i = 0; i < 1000; i++) {
      assertTrue(dao.latestOrder(REGULAR).isPresent());
      assertEquals(Optional.empty(), dao.latestOrder(NEW_CUSTOMER));
    }
    assertEquals(List.of(), db.leaks());
  }
}
