package dev.leakguard.verifier.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.verifier.VerifierPools;
import dev.leakguard.verifier.VerifyingDataSource;
import dev.leakguard.verifier.confirm.Confirmation.PoolResult;
import dev.leakguard.verifier.confirm.Confirmation.PoolStatus;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pool-configuration findings against pools that really run dry. */
class PoolConfirmationTest {
  private static final String CONFIG = "app/src/main/java/com/acme/PoolConfirmationTest.java";

  private static StaticFinding finding(String checkId, String path, int line) {
    return new StaticFinding(checkId, path, line, "maximumPoolSize", List.of("errorprone"));
  }

  /** One connection held, a second borrowed: the pool of one runs dry. */
  private static RuntimeEvidence starve(Class<?> configuredBy) throws Exception {
    RuntimeEvidence evidence = new RuntimeEvidence();
    try (VerifyingDataSource db = VerifierPools.hikari(VerifierPools.h2HikariConfig(1, Duration.ofMillis(250)), b -> b.recordAcquisitionSites())) {
      try (Connection held = db.getConnection()) {
        assertThrows(SQLTransientConnectionException.class, db::getConnection);
        assertEquals(1, db.starvedBorrows().size());
        evidence.add("two borrows", db, configuredBy);
      }
    }
    return evidence;
  }

  @Test
  void aSizeFindingInTheFileThatConfiguredAStarvedPoolIsConfirmed() throws Exception {
    RuntimeEvidence evidence = starve(PoolConfirmationTest.class);
    assertEquals(1, evidence.starvations().size());
    assertEquals("PoolConfirmationTest.java", evidence.starvations().get(0).configuredIn());
    assertEquals(1, evidence.starvations().get(0).maximumPoolSize());

    StaticFinding size = finding("JdbcPoolSizeOutOfRange", CONFIG, 18);
    StaticFinding leak = finding("JdbcConnectionLeak", CONFIG, 30);
    Confirmation confirmation = Confirmation.compare(List.of(size, leak), evidence);

    assertEquals(1, confirmation.pools().size());
    PoolResult result = confirmation.pools().get(0);
    assertEquals(PoolStatus.CONFIRMED, result.status());
    assertEquals("two borrows", result.starvation().source());
    assertEquals(List.of(leak), confirmation.findings().stream().map(Confirmation.FindingResult::finding).toList(),
        "pool findings are not leak findings");
    assertTrue(confirmation.table().contains("Pool settings -> runtime (1)"), confirmation.table());
    assertTrue(confirmation.table().contains("pool ran dry in two borrows (maximumPoolSize 1 at runtime)"),
        confirmation.table());
    assertTrue(confirmation.summary().contains("Pool settings: 1 - 1 confirmed"), confirmation.summary());
  }

  @Test
  void nearMissesAreNotConfirmed() throws Exception {
    RuntimeEvidence evidence = starve(PoolConfirmationTest.class);
    StaticFinding otherFile = finding("JdbcPoolSizeOutOfRange", "app/src/main/java/com/acme/Other.java", 18);
    StaticFinding lifetime = finding("JdbcPoolLifetimeMisconfigured", CONFIG, 19);
    Confirmation confirmation = Confirmation.compare(List.of(otherFile, lifetime), evidence);
    for (PoolResult result : confirmation.pools()) {
      assertEquals(PoolStatus.NOT_EXERCISED, result.status(), result.toString());
      assertNull(result.starvation());
    }
    assertTrue(confirmation.table().contains("not observable as a starved pool"), confirmation.table());

    RuntimeEvidence unattributed = starve(null);
    Confirmation none = Confirmation.compare(List.of(finding("JdbcPoolSizeOutOfRange", CONFIG, 18)), unattributed);
    assertEquals(PoolStatus.NOT_EXERCISED, none.pools().get(0).status(), "a run that did not say what configured its pool");
  }

  @Test
  void aPoolThatServesEveryBorrowIsNotStarved() throws Exception {
    try (VerifyingDataSource db = VerifierPools.hikari(VerifierPools.h2HikariConfig(2, Duration.ofMillis(250)), b -> b.recordAcquisitionSites())) {
      try (Connection a = db.getConnection(); Connection b = db.getConnection()) {
        assertEquals(List.of(), db.starvedBorrows());
        RuntimeEvidence evidence = new RuntimeEvidence().add("two borrows", db, PoolConfirmationTest.class);
        assertEquals(List.of(), evidence.starvations());
      }
    }
  }
}
