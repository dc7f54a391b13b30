package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.pool.PoolRules;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.engine.EngineResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The goals' own decisions: the ceiling, what there is to analyse, and the failure message. */
class CheckMojoTest {
  private static final Path SARIF = Path.of("/r/m/target/leakguard/leakguard.sarif");
  private static final Path TEXT = Path.of("/r/m/target/leakguard/leakguard.txt");
  private static final ReportedFinding LEAK = new ReportedFinding("m/src/main/java/a/Dao.java", 12,
      CheckId.JdbcConnectionLeak, "Connection 'c' is not closed", "f1", List.of("errorprone", "source"));
  private static final ReportedFinding SIZE = new ReportedFinding("m/src/main/resources/application.yml", 5,
      CheckId.JdbcPoolSizeOutOfRange, "maximum-pool-size 500 is above 100", "f2", List.of("config"));
  private static final ReportedFinding WAIT = new ReportedFinding("m/src/main/resources/dbcp.properties", 2,
      CheckId.JdbcPoolUnboundedWait, "maxWaitMillis=-1 waits forever", "f3", List.of("config"));
  private static final ReportedFinding SIZE_IN_CODE = new ReportedFinding("m/src/main/java/a/Pools.java", 9,
      CheckId.JdbcPoolSizeOutOfRange, "setMaximumPoolSize(500) is above 100", "f4", List.of("errorprone"));

  @Test
  void theCeilingMustLeaveTwoConnections() throws Exception {
    AbstractLeakGuardMojo.checkPoolSizeCeiling(2);
    AbstractLeakGuardMojo.checkPoolSizeCeiling(PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING);
    MojoExecutionException e =
        assertThrows(MojoExecutionException.class, () -> AbstractLeakGuardMojo.checkPoolSizeCeiling(1));
    assertEquals("LeakGuard: leakguard.poolSizeCeiling must be at least 2, not 1 (it is the largest maximum"
        + " pool size accepted without a JdbcPoolSizeOutOfRange finding; default 100)", e.getMessage());
    assertThrows(MojoExecutionException.class, () -> AbstractLeakGuardMojo.checkPoolSizeCeiling(-5));
  }

  @Test
  void aModuleWithOnlyConfigurationFilesIsAnalysed() {
    InputFile app = TestRequests.configFile(Path.of("/r/m/src/main/resources/application.yml"), "application.yml");
    InputFile dao = new InputFile(Path.of("/r/m/src/main/java/a/Dao.java"), "a/Dao.java", "src/main/java/a/Dao.java",
        "m/src/main/java/a/Dao.java", false);
    PathFilter all = new PathFilter(null, null);
    assertTrue(AbstractLeakGuardMojo.nothingToAnalyse(TestRequests.request(List.of(), List.of(), List.of("source"), all, 100)));
    assertFalse(AbstractLeakGuardMojo.nothingToAnalyse(TestRequests.request(List.of(), List.of(app), List.of("source"), all, 100)));
    assertFalse(AbstractLeakGuardMojo.nothingToAnalyse(TestRequests.request(List.of(dao), List.of(), List.of("source"), all, 100)));
  }

  @Test
  void theConfigurationChecksAloneDoNotAnalyseJavaSources() throws Exception {
    InputFile app = TestRequests.configFile(Path.of("/r/m/src/main/resources/application.yml"), "application.yml");
    InputFile dao = new InputFile(Path.of("/r/m/src/main/java/a/Dao.java"), "a/Dao.java", "src/main/java/a/Dao.java",
        "m/src/main/java/a/Dao.java", false);
    PathFilter all = new PathFilter(null, null);
    AnalysisResult onlyConfig = new AnalysisResult(List.of(), 0, 0, List.of(
        EngineResult.unavailable("errorprone", "no JDK"),
        EngineResult.ran("config", List.of(), 1, "files", List.of())), 1, 1);
    MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> AbstractLeakGuardMojo.requireAnEngine(
        TestRequests.request(List.of(dao), List.of(app), List.of("errorprone"), all, 100), onlyConfig));
    assertEquals("LeakGuard: no engine could analyse m; see the warnings above", e.getMessage());
    // without Java sources the configuration checks are all there is to run
    AbstractLeakGuardMojo.requireAnEngine(TestRequests.request(List.of(), List.of(app), List.of("errorprone"), all, 100),
        new AnalysisResult(List.of(), 0, 0, List.of(EngineResult.ran("config", List.of(), 1, "files", List.of())), 0, 1));
  }

  @Test
  void failureMessageForLeaksNamesEveryWayOut() {
    String m = CheckMojo.failureMessage("m", List.of(LEAK), Severity.ERROR, SARIF, TEXT);
    assertEquals(
        "LeakGuard found 1 leak at or above severity 'error' in m (JdbcConnectionLeak):\n"
            + "  m/src/main/java/a/Dao.java:12: [JdbcConnectionLeak] Connection 'c' is not closed\n"
            + "Reports: " + SARIF + " and " + TEXT + "\n"
            + "Fix each leak (usually: open the resource in a try-with-resources header; see "
            + CheckId.JdbcConnectionLeak.docsUrl() + "), or\n"
            + "  - if a call returns a resource that someone else owns and closes (a transaction's or a pool's"
            + " connection), say so in a model file named by -Dleakguard.modelFiles=<file>, one line per method,"
            + " e.g. 'borrow com.acme.TxContext.currentConnection() none' (docs/model-format.md),\n"
            + "  - suppress a finding you have reviewed with @SuppressWarnings(\"JdbcConnectionLeak\") on its method or class,\n"
            + "  - accept all current findings with 'mvn leakguard:baseline' (writes leakguard-baseline.txt; commit it)"
            + " so that only new leaks fail the build,\n"
            + "  - or change the gate with -Dleakguard.failOnSeverity=error|warning|note|never.",
        m);
  }

  @Test
  void failureMessageForConfigurationFilesNamesPoolSettingsAndTheirSuppressionComment() {
    String m = CheckMojo.failureMessage("m", List.of(SIZE, WAIT), Severity.ERROR, SARIF, TEXT);
    assertEquals(
        "LeakGuard found 2 misconfigured pool settings at or above severity 'error' in m"
            + " (JdbcPoolSizeOutOfRange, JdbcPoolUnboundedWait):\n"
            + "  m/src/main/resources/application.yml:5: [JdbcPoolSizeOutOfRange] maximum-pool-size 500 is above 100\n"
            + "  m/src/main/resources/dbcp.properties:2: [JdbcPoolUnboundedWait] maxWaitMillis=-1 waits forever\n"
            + "Reports: " + SARIF + " and " + TEXT + "\n"
            + "Fix each pool setting (see " + CheckId.JdbcPoolSizeOutOfRange.docsUrl() + "), or\n"
            + "  - suppress a setting you have reviewed with the comment '# leakguard:ignore JdbcPoolSizeOutOfRange'"
            + " on the line before it,\n"
            + "  - accept all current findings with 'mvn leakguard:baseline' (writes leakguard-baseline.txt; commit it)"
            + " so that only new findings fail the build,\n"
            + "  - or change the gate with -Dleakguard.failOnSeverity=error|warning|note|never.",
        m);
  }

  @Test
  void failureMessageForBothCountsEachAndGivesBothSuppressions() {
    String m = CheckMojo.failureMessage("m", List.of(LEAK, SIZE_IN_CODE, SIZE), Severity.WARNING, SARIF, TEXT);
    assertTrue(m.startsWith("LeakGuard found 1 leak and 2 misconfigured pool settings at or above severity 'warning' in m"
        + " (JdbcConnectionLeak, JdbcPoolSizeOutOfRange):\n"), m);
    assertTrue(m.contains("Fix each leak (usually: open the resource in a try-with-resources header; see "
        + CheckId.JdbcConnectionLeak.docsUrl() + ") and each pool setting (see "
        + CheckId.JdbcPoolSizeOutOfRange.docsUrl() + "), or\n"), m);
    assertTrue(m.contains("@SuppressWarnings(\"JdbcConnectionLeak\") on its method or class,\n"), m);
    assertTrue(m.contains("'# leakguard:ignore JdbcPoolSizeOutOfRange' on the line before it,\n"), m);
    assertTrue(m.contains("so that only new findings fail the build"), m);
  }

  @Test
  void failureMessageSuppressesAPoolSettingInCodeLikeALeak() {
    String m = CheckMojo.failureMessage("m", List.of(SIZE_IN_CODE), Severity.ERROR, SARIF, TEXT);
    assertTrue(m.contains("@SuppressWarnings(\"JdbcPoolSizeOutOfRange\") on its method or class,\n"), m);
    assertFalse(m.contains("leakguard:ignore"), m);
  }

  @Test
  void theDescriptorDeclaresThePoolParametersWithTheirDefaults() throws Exception {
    Document d;
    try (InputStream in = CheckMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    NodeList mojos = d.getElementsByTagName("mojo");
    int checked = 0;
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
      if (!goal.equals("check") && !goal.equals("baseline")) {
        continue;
      }
      Element conf = (Element) mojo.getElementsByTagName("configuration").item(0);
      Element pool = (Element) conf.getElementsByTagName("poolConfig").item(0);
      Element ceiling = (Element) conf.getElementsByTagName("poolSizeCeiling").item(0);
      assertEquals("true", pool.getAttribute("default-value"), goal);
      assertEquals("${leakguard.poolConfig}", pool.getTextContent(), goal);
      assertEquals(String.valueOf(PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING), ceiling.getAttribute("default-value"), goal);
      assertEquals("${leakguard.poolSizeCeiling}", ceiling.getTextContent(), goal);
      checked++;
    }
    assertEquals(2, checked);
  }
}
