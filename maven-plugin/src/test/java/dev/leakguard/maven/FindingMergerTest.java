package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.core.finding.CheckId;
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
}
