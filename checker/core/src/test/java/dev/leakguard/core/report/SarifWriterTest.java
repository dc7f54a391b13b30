package dev.leakguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifWriterTest {
  @Test
  void writesRulesResultsAndFingerprints() {
    ReportedFinding f =
        new ReportedFinding(
            "src/main/java/a/Dao.java",
            42,
            CheckId.JdbcConnectionLeak,
            "Connection 'c' acquired by \"x\" is not closed",
            ReportedFinding.fingerprintOf(CheckId.JdbcConnectionLeak, "a.Dao.run()", "Connection", "ds.getConnection()"),
            List.of("errorprone"));
    String sarif = SarifWriter.write("0.1.0", List.of(f));
    assertTrue(sarif.contains("\"version\": \"2.1.0\""));
    for (CheckId id : CheckId.values()) {
      assertTrue(sarif.contains("{\"id\": \"" + id.name() + "\""), id.name());
    }
    assertTrue(sarif.contains("\"ruleId\": \"JdbcConnectionLeak\""));
    assertTrue(sarif.contains("\"uri\": \"src/main/java/a/Dao.java\""));
    assertTrue(sarif.contains("\"startLine\": 42"));
    assertTrue(sarif.contains("acquired by \\\"x\\\""), "quotes escaped");
    assertTrue(sarif.contains("\"partialFingerprints\": {\"leakguard/v1\": \"" + f.fingerprint() + "\"}"));
  }

  @Test
  void emptyResultsIsValidJsonShape() {
    String sarif = SarifWriter.write("0.1.0", List.of());
    assertTrue(sarif.contains("\"results\": []"), sarif);
  }

  @Test
  void fingerprintIgnoresLinesButNotTheCall() {
    String a = ReportedFinding.fingerprintOf(CheckId.JdbcStatementLeak, "a.Dao.run()", "Statement", "c.createStatement()");
    String b = ReportedFinding.fingerprintOf(CheckId.JdbcStatementLeak, "a.Dao.run()", "Statement", "c.createStatement()");
    String c = ReportedFinding.fingerprintOf(CheckId.JdbcStatementLeak, "a.Dao.run()", "Statement", "c.prepareStatement(sql)");
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void textLineIsJavacStyle() {
    ReportedFinding f = new ReportedFinding("A.java", 3, CheckId.JdbcResultSetLeak, "m", "fp", List.of("errorprone"));
    assertEquals("A.java:3: warning: [JdbcResultSetLeak] m", f.toTextLine());
  }
}
