package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.engine.EngineResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {
  private static final ReportedFinding LEAK =
      new ReportedFinding("my app/src/Dao,v2.java", 7, CheckId.JdbcConnectionLeak,
          "Connection 'c' is not closed: 100% sure\non line 9", "ff00", List.of("errorprone", "source"));

  @Test
  void consoleLineIsJavacStyleWithoutTheLevel() {
    assertEquals("my app/src/Dao,v2.java:7: [JdbcConnectionLeak] Connection 'c' is not closed: 100% sure\non line 9",
        Reports.consoleLine(LEAK));
  }

  @Test
  void uriIsPercentEncodedUtf8() {
    assertEquals("my%20app/src/Dao%2Cv2.java", Reports.uriOf("my app/src/Dao,v2.java"));
    assertEquals("src/%C3%A9t%C3%A9/A.java", Reports.uriOf("src/\u00e9t\u00e9/A.java"));
    assertEquals("a/b/C.java", Reports.uriOf("a\\b\\C.java"));
  }

  @Test
  void githubAnnotationEscapesPropertiesAndData() {
    assertEquals(
        List.of("::error file=my app/src/Dao%2Cv2.java,line=7,title=[JdbcConnectionLeak]::"
            + "Connection 'c' is not closed: 100%25 sure%0Aon line 9"),
        Reports.githubAnnotations(List.of(LEAK)));
  }

  @Test
  void sarifNamesEnginesThatDidNotRun() {
    String sarif =
        Reports.sarif(
            List.of(LEAK),
            List.of(
                EngineResult.ran("errorprone", List.of(LEAK), 1, "files", List.of()),
                EngineResult.unavailable("spotbugs", "no plugin jar")));
    assertTrue(sarif.contains("\"uri\" : \"my%20app/src/Dao%2Cv2.java\""), sarif);
    assertTrue(sarif.contains("The spotbugs engine did not run: no plugin jar"), sarif);
    assertTrue(sarif.contains("\"engines\" : [ \"errorprone\", \"source\" ]"), sarif);
  }

  @Test
  void checkstyleGroupsByFileAndEscapes() {
    ReportedFinding note = new ReportedFinding("b/B.java", 3, CheckId.JdbcStatementLeftToConnectionClose, "a <b> & \"c\"", "f", List.of("source"));
    assertEquals(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
            + "  <file name=\"my app/src/Dao,v2.java\">\n"
            + "    <error line=\"7\" severity=\"error\" message=\"[JdbcConnectionLeak] Connection 'c' is not closed: 100% sure&#10;on line 9\" source=\"leakguard.JdbcConnectionLeak\"/>\n"
            + "  </file>\n"
            + "  <file name=\"b/B.java\">\n"
            + "    <error line=\"3\" severity=\"info\" message=\"[JdbcStatementLeftToConnectionClose] a &lt;b&gt; &amp; &quot;c&quot;\" source=\"leakguard.JdbcStatementLeftToConnectionClose\"/>\n"
            + "  </file>\n</checkstyle>\n",
        Reports.checkstyle(List.of(LEAK, note)));
  }

  @Test
  void countsBySeverity() {
    ReportedFinding warning = new ReportedFinding("A.java", 1, CheckId.JdbcStatementLeak, "m", "f", List.of("source"));
    assertEquals("3 findings (1 error, 2 warnings)", Reports.count(List.of(LEAK, warning, warning)));
    assertEquals("0 findings", Reports.count(List.of()));
  }

  @Test
  void summaryAndTextReportCountConfigurationFilesAndTheirChecks() {
    ReportedFinding leak = new ReportedFinding("m/src/main/java/a/Dao.java", 7, CheckId.JdbcConnectionLeak,
        "Connection 'c' is not closed", "ff00", List.of("source"));
    ReportedFinding size = new ReportedFinding("m/src/main/resources/application.yml", 5, CheckId.JdbcPoolSizeOutOfRange,
        "too big", "f", List.of("config"));
    AnalysisResult r = new AnalysisResult(
        List.of(new MergedFinding(leak, List.of("ff00")), new MergedFinding(size, List.of("f"))), 0, 0,
        List.of(
            EngineResult.ran("source", List.of(leak), 1, "files", List.of()),
            EngineResult.ran("config", List.of(size), 2, "files", List.of("application-dev.yml:3: not valid YAML"))),
        1, 2);
    assertEquals("LeakGuard: 2 findings (2 errors) in m (1 source file, 2 configuration files, engines: source, config)",
        Reports.summary("m", r));
    List<String> text = Reports.text("m", r).lines().toList();
    assertEquals("m/src/main/resources/application.yml:5: error: [JdbcPoolSizeOutOfRange] too big  {config}", text.get(1));
    assertEquals("engine config: 1 finding in 2 files", text.get(4));
    String sarif = Reports.sarif(r.findings(), r.engineResults());
    assertTrue(sarif.contains("\"ruleId\" : \"JdbcPoolSizeOutOfRange\""), sarif);
    assertTrue(sarif.contains("\"engines\" : [ \"source\", \"config\" ]"), sarif);
  }

  @Test
  void summaryLeavesOutConfigurationFilesWhenThereAreNone() {
    AnalysisResult r = new AnalysisResult(List.of(), 0, 0,
        List.of(EngineResult.ran("source", List.of(), 1, "files", List.of())), 1, 0);
    assertEquals("LeakGuard: 0 findings in m (1 source file, engines: source)", Reports.summary("m", r));
  }
}
