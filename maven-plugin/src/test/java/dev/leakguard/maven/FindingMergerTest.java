package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingMergerTest {
  private static final List<String> ORDER = List.of("errorprone", "spotbugs", "source");

  private static ReportedFinding f(String engine, String path, int line, CheckId id, String message) {
    return new ReportedFinding(path, line, id, message, engine + "-" + line, List.of(engine));
  }

  @Test
  void sameFileLineAndIdFromSeveralEnginesIsOneFinding() {
    List<MergedFinding> merged =
        FindingMerger.merge(
            List.of(
                f("source", "A.java", 12, CheckId.JdbcConnectionLeak, "from source"),
                f("errorprone", "A.java", 12, CheckId.JdbcConnectionLeak, "from javac"),
                f("spotbugs", "A.java", 12, CheckId.JdbcConnectionLeak, "from bytecode")),
            ORDER);
    assertEquals(1, merged.size());
    ReportedFinding m = merged.get(0).finding();
    assertEquals(List.of("errorprone", "spotbugs", "source"), m.engines());
    assertEquals("from javac", m.message());
    assertEquals("errorprone-12", m.fingerprint());
    assertEquals(List.of("errorprone-12", "spotbugs-12", "source-12"), merged.get(0).fingerprints());
  }

  @Test
  void aFindingKeepsTheSeverityOfTheEngineWhoseMessageItShows() {
    List<MergedFinding> merged =
        FindingMerger.merge(
            List.of(
                new ReportedFinding("A.java", 7, CheckId.JdbcConnectionLeak, "disputed", "s-7", List.of("source"),
                    Severity.WARNING),
                new ReportedFinding("A.java", 7, CheckId.JdbcConnectionLeak, "disputed", "e-7", List.of("errorprone"),
                    Severity.WARNING)),
            ORDER);
    assertEquals(1, merged.size());
    assertEquals(Severity.WARNING, merged.get(0).finding().severity());
    assertEquals(List.of("errorprone", "source"), merged.get(0).finding().engines());
  }

  @Test
  void differentIdOrLineStaySeparateInReportOrder() {
    List<MergedFinding> merged =
        FindingMerger.merge(
            List.of(
                f("source", "B.java", 3, CheckId.JdbcConnectionLeak, "b3"),
                f("errorprone", "A.java", 12, CheckId.JdbcStatementLeak, "a12 statement"),
                f("errorprone", "A.java", 12, CheckId.JdbcConnectionLeak, "a12 connection"),
                f("source", "A.java", 13, CheckId.JdbcConnectionLeak, "a13")),
            ORDER);
    assertEquals(
        List.of("a12 connection", "a12 statement", "a13", "b3"),
        merged.stream().map(m -> m.finding().message()).toList());
    assertEquals(List.of("source"), merged.get(3).finding().engines());
  }

  @Test
  void oneFindingAtTheStatementLineAndAtTheCreationLineIsOneFinding() {
    // bytecode puts "new" on the statement's first line; a syntax tree on the creation's line
    String message = "ClientPreparedStatement 'ps' acquired by new ClientPreparedStatement(..) is not closed";
    List<MergedFinding> merged =
        FindingMerger.merge(
            List.of(
                f("spotbugs", "A.java", 97, CheckId.JdbcStatementLeak, message),
                f("errorprone", "A.java", 98, CheckId.JdbcStatementLeak, message),
                f("source", "A.java", 98, CheckId.JdbcStatementLeak, message)),
            ORDER);
    assertEquals(1, merged.size());
    ReportedFinding m = merged.get(0).finding();
    assertEquals(98, m.line());
    assertEquals(List.of("errorprone", "spotbugs", "source"), m.engines());
    assertEquals("errorprone-98", m.fingerprint());
  }

  @Test
  void nearbyFindingsStaySeparateWhenTheyDifferOrAnEngineSawBoth() {
    String message = "ResultSet 'rs' acquired by Statement.executeQuery(..) is not closed";
    List<MergedFinding> merged =
        FindingMerger.merge(
            List.of(
                // another message: another acquisition
                f("spotbugs", "A.java", 10, CheckId.JdbcResultSetLeak, message + " on the return"),
                f("errorprone", "A.java", 11, CheckId.JdbcResultSetLeak, message),
                // the same engine at both lines: two acquisitions
                f("source", "B.java", 20, CheckId.JdbcResultSetLeak, message),
                f("source", "B.java", 21, CheckId.JdbcResultSetLeak, message),
                f("errorprone", "B.java", 21, CheckId.JdbcResultSetLeak, message),
                // too far apart
                f("spotbugs", "C.java", 30, CheckId.JdbcResultSetLeak, message),
                f("errorprone", "C.java", 33, CheckId.JdbcResultSetLeak, message),
                // another check
                f("spotbugs", "D.java", 40, CheckId.JdbcStatementLeak, message),
                f("errorprone", "D.java", 41, CheckId.JdbcResultSetLeak, message)),
            ORDER);
    assertEquals(
        List.of("A.java:10", "A.java:11", "B.java:20", "B.java:21", "C.java:30", "C.java:33",
            "D.java:40", "D.java:41"),
        merged.stream().map(m -> m.finding().path() + ":" + m.finding().line()).toList());
  }
}
