package dev.leakguard.sampleapp;

import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** Records payments under a short random reference that customers quote on the phone. */
public interface PaymentService {

  /** Attempts per payment: a reference collision is retried with a new reference. */
  int MAX_ATTEMPTS = 3;

  /**
   * Records the payment; returns its reference.
   *
   * @throws SQLException if {@value #MAX_ATTEMPTS} references in a row were taken, or the
   *     insert fails otherwise
   */
  String recordPayment(long orderId, long amountCents) throws SQLException;

  /** Short references: eight characters, so collisions happen and are retried. */
  static Supplier<String> randomReferences() {
    return () ->
        "PAY-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36)
            .toUpperCase(Locale.ROOT);
  }

  /** Whether the insert failed because the reference is taken (unique constraint). */
  static boolean isReferenceTaken(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
