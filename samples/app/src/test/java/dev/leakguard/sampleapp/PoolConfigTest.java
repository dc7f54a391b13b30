package dev.leakguard.sampleapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import dev.leakguard.verifier.VerifierPools;
import dev.leakguard.verifier.VerifyingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Outages 1 and 3: a pool configuration far too small, and the check that catches it. */
class PoolConfigTest {

  private static String newDatabase() {
    return "jdbc:h2:mem:shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  @Test
  void hermitPoolCannotServeASingleCheckoutThoughNothingLeaks() throws Exception {
    HikariConfig config = PoolConfigHermit.create(newDatabase());
    config.setConnectionTimeout(250); // the test waits 250 ms, not the configured 30 s
    try (VerifyingDataSource db = VerifierPools.hikari(config, settings -> {})) {
      Schema.create(db);
      long orderId = Schema.addOrders(db, 1, 1);
      CheckoutService checkout = new CheckoutService(db, new AuditLog(db));

      SQLTransientConnectionException starved =
          assertThrows(SQLTransientConnectionException.class, () -> checkout.checkout(orderId));
      assertTrue(starved.getMessage().contains("Connection is not available, request timed out after"),
          starved.getMessage());
      assertTrue(starved.getMessage().contains("total=1"), starved.getMessage());
      db.assertNoLeaks(); // not a leak: a configuration outage
      assertEquals("NEW", status(db, orderId), "the checkout's transaction was rolled back");
    }
  }

  @Test
  void fixedPoolServesConcurrentCheckouts() throws Exception {
    HikariConfig config = PoolConfigFixed.create(newDatabase());
    try (VerifyingDataSource db = VerifierPools.hikari(config, settings -> {})) {
      Schema.create(db);
      long last = Schema.addOrders(db, 1, 200);
      CheckoutService checkout = new CheckoutService(db, new AuditLog(db));
      int threads = PoolConfigFixed.CONCURRENT_REQUESTS;
      ExecutorService workers = Executors.newFixedThreadPool(threads);
      try {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int worker = t;
          done.add(workers.submit(() -> {
            start.await();
            for (long id = last - 199 + worker; id <= last; id += threads) {
              checkout.checkout(id);
            }
            return null;
          }));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        workers.shutdown();
      }
      assertEquals(200, count(db, "select count(*) from orders where status = 'PAID'"));
      assertEquals(200, count(db, "select count(*) from audit_log"));
      db.assertNoLeaks();
    }
  }

  @Test
  void sizingCheckRejectsTheHermitConfigAndAcceptsTheFixedOne() {
    HikariConfig hermit = PoolConfigHermit.create(newDatabase());
    List<String> problems = PoolSizing.problems(hermit, PoolConfigFixed.CONCURRENT_REQUESTS);
    assertEquals(2, problems.size(), problems.toString());
    IllegalStateException rejected = assertThrows(IllegalStateException.class,
        () -> PoolSizing.check(hermit, PoolConfigFixed.CONCURRENT_REQUESTS));
    assertTrue(rejected.getMessage().contains("maximumPoolSize=1 is below 5"), rejected.getMessage());
    assertEquals(List.of(), PoolSizing.problems(PoolConfigFixed.create(newDatabase()), PoolConfigFixed.CONCURRENT_REQUESTS));
  }

  private static String status(VerifyingDataSource db, long orderId) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement query = connection.prepareStatement("select status from orders where id = ?")) {
      query.setLong(1, orderId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static long count(VerifyingDataSource db, String sql) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
