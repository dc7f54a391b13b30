package dev.leakguard.sampleapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.leakguard.verifier.VerifyingDataSource;
import dev.leakguard.verifier.junit.AllowLeaks;
import dev.leakguard.verifier.junit.VerifierPool;
import dev.leakguard.verifier.junit.VerifyNoLeaks;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A retry loop: every reference collision is retried, and the leaky version loses a connection each time. */
@VerifyNoLeaks
@VerifierPool(maximumPoolSize = 3, connectionTimeoutMillis = 250)
class PaymentServiceTest {
  private VerifyingDataSource db;
  private long orderId;

  @BeforeEach
  void openShop(VerifyingDataSource db) throws SQLException {
    this.db = db;
    Schema.create(db);
    orderId = Schema.addOrders(db, 1, 1);
  }

  /** Hands out the given references in order. */
  private static Supplier<String> references(String... values) {
    Deque<String> queue = new ArrayDeque<>(List.of(values));
    return queue::removeFirst;
  }

  @Test
  @AllowLeaks("reproduces the leak")
  void leakyRetryAbandonsAConnectionPerCollision() throws SQLException {
    PaymentService payments =
        new PaymentServiceLeaky(db, references("PAY-1", "PAY-1", "PAY-1", "PAY-2"));
    assertEquals("PAY-1", payments.recordPayment(orderId, 500));
    assertEquals("PAY-2", payments.recordPayment(orderId, 500)); // after two collisions

    String leak = ExpectedLeaks.at(
        "JdbcConnectionLeak", PaymentServiceLeaky.class, "recordPayment", "dataSource.getConnection()");
    assertEquals(ExpectedLeaks.times(2, leak), ExpectedLeaks.of(db.leaks()));

    // One more collision takes the last free connection, and its retry finds the pool empty.
    PaymentService next = new PaymentServiceLeaky(db, references("PAY-1", "PAY-4"));
    assertThrows(SQLTransientConnectionException.class, () -> next.recordPayment(orderId, 500));
    assertEquals(ExpectedLeaks.times(3, leak), ExpectedLeaks.of(db.leaks()));
  }

  @Test
  void fixedRetrySurvivesCollisions() throws SQLException {
    // After the first payment takes "PAY-TAKEN", every payment collides once or twice before
    // its fresh reference: 500 payments, 997 collisions, within the 3 attempts each.
    String[] refs = new String[1500];
    for (int i = 0; i < 500; i++) {
      refs[3 * i] = "PAY-TAKEN";
      refs[3 * i + 1] = "PAY-TAKEN";
      refs[3 * i + 2] = "PAY-" + i;
    }
    PaymentService payments = new PaymentServiceFixed(db, references(refs));
    assertEquals("PAY-TAKEN", payments.recordPayment(orderId, 100));
    for (int i = 0; i < 499; i++) {
      assertEquals("PAY-" + i, payments.recordPayment(orderId, 100));
    }
    assertEquals(List.of(), db.leaks());
    assertEquals(0, db.retainedRecords());
  }
}
