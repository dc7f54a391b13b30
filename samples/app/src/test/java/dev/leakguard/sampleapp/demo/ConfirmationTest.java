package dev.leakguard.sampleapp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.verifier.confirm.Confirmation;
import dev.leakguard.verifier.confirm.Confirmation.FindingStatus;
import dev.leakguard.verifier.confirm.RuntimeEvidence;
import dev.leakguard.verifier.confirm.Sarif;
import dev.leakguard.verifier.confirm.StaticFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static analysis and the runtime verifier agree on the whole sample app: every leak the sample
 * scenarios produce at runtime is a static finding, and every static finding whose line the
 * scenarios ran is confirmed by a runtime leak of its id. Findings no scenario reaches are listed
 * in the printed table, not hidden.
 *
 * <p>The static findings are the SARIF the build's process-classes step writes (system property
 * {@code leakguard.static.sarif}, comma-separated for several reports).
 */
class ConfirmationTest {
  private static Confirmation confirmation;

  @BeforeAll
  static void compare() throws Exception {
    String reports = System.getProperty("leakguard.static.sarif", Demo.DEFAULT_SARIF);
    List<Path> paths = Stream.of(reports.split(",")).map(String::trim).map(Path::of).toList();
    for (Path path : paths) {
      assertTrue(Files.isRegularFile(path),
          "no static findings at " + path + ": they are written in process-classes (mvn verify)");
    }
    List<StaticFinding> findings = Sarif.read(paths);
    RuntimeEvidence evidence = SampleScenarios.runAll();
    confirmation = Confirmation.compare(findings, evidence);
    System.out.print(confirmation.table());
  }

  @Test
  void everyRuntimeLeakIsFoundStatically() {
    assertEquals(List.of(), confirmation.missed(), confirmation::table);
  }

  @Test
  void everyExercisedStaticFindingIsConfirmedAtRuntime() {
    assertEquals(List.of(), confirmation.findings(FindingStatus.NOT_CONFIRMED), confirmation::table);
  }

  /**
   * The build reports the hermit pool's maximum size where PoolConfigHermit sets it, and the
   * runtime shows that very configuration running dry under a single checkout.
   */
  @Test
  void theHermitPoolFindingIsConfirmedByAStarvedPool() {
    List<Confirmation.PoolResult> hermit =
        confirmation.pools().stream()
            .filter(result -> result.finding().fileName().equals("PoolConfigHermit.java"))
            .toList();
    assertEquals(1, hermit.size(), confirmation::table);
    Confirmation.PoolResult result = hermit.get(0);
    assertEquals("JdbcPoolSizeOutOfRange", result.finding().checkId());
    assertTrue(result.finding().message().contains("setMaximumPoolSize(1)"), result.finding().message());
    assertEquals(Confirmation.PoolStatus.CONFIRMED, result.status(), confirmation::table);
    assertEquals(1, result.starvation().maximumPoolSize());
    assertTrue(result.starvation().failures().get(0).contains("Connection is not available"),
        result.starvation().failures().toString());
    assertTrue(confirmation.pools().stream()
            .noneMatch(p -> p.finding().fileName().equals("PoolConfigFixed.java")),
        "the fixed pool's size is not a constant and is sized by PoolSizing: " + confirmation.table());
  }

  /**
   * Outage 6: the build's HttpResponseLeak in StockClientLeaky is confirmed by the HTTP pool that
   * the leaky client drained (HttpStockOutage), and the fixed client has no finding.
   */
  @Test
  void theHttpResponseLeakIsConfirmedByTheDrainedHttpPool() {
    List<Confirmation.FindingResult> http =
        confirmation.findings().stream()
            .filter(result -> result.finding().checkId().equals("HttpResponseLeak"))
            .toList();
    assertEquals(1, http.size(), confirmation::table);
    assertEquals("StockClientLeaky.java", http.get(0).finding().fileName(), confirmation::table);
    assertEquals(FindingStatus.CONFIRMED, http.get(0).status(), confirmation::table);
  }

  @Test
  void theComparisonHasSomethingOnBothSides() {
    // Guards the two tests above against passing on an empty report or scenarios that stopped
    // leaking: every leaky class must show up confirmed.
    List<String> confirmedFiles =
        confirmation.findings(FindingStatus.CONFIRMED).stream()
            .map(result -> result.finding().fileName())
            .distinct()
            .sorted()
            .toList();
    assertEquals(
        List.of(
            "LoginServiceLeaky.java",
            "OrderDaoLeaky.java",
            "OrderImportLeaky.java",
            "OrderReportLeaky.java",
            "PaymentServiceLeaky.java",
            "StockClientLeaky.java"),
        confirmedFiles,
        confirmation::table);
    assertFalse(confirmation.leaks().isEmpty());
  }
}
