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

  /** LeakGuard has no web address of its own: no link unless an absolute docs base is configured. */
  @Test
  void linksOnlyWhereAnAbsoluteDocsBaseIsConfigured() {
    String prior = System.getProperty(CheckId.DOCS_BASE_PROPERTY);
    try {
      System.clearProperty(CheckId.DOCS_BASE_PROPERTY);
      String plain = SarifWriter.write("0.1.0", List.of());
      assertTrue(!plain.contains("helpUri") && !plain.contains("informationUri"), plain);
      assertTrue(plain.contains("\"help\": {\"text\": \"See docs/checks/JdbcConnectionLeak.md in LeakGuard's repository.\"}"), plain);
      assertEquals("docs/checks/JdbcCloseChain.md", CheckId.JdbcCloseChain.docsUrl());

      System.setProperty(CheckId.DOCS_BASE_PROPERTY, "not a url");
      assertEquals("docs/checks/JdbcCloseChain.md", CheckId.JdbcCloseChain.docsUrl());

      System.setProperty(CheckId.DOCS_BASE_PROPERTY, "https://docs.example.com/leakguard/checks");
      String linked = SarifWriter.write("0.1.0", List.of());
      assertTrue(linked.contains("\"informationUri\": \"https://docs.example.com/leakguard/checks/\""), linked);
      assertTrue(linked.contains("\"helpUri\": \"https://docs.example.com/leakguard/checks/JdbcConnectionLeak.md\""), linked);
    } finally {
      if (prior == null) {
        System.clearProperty(CheckId.DOCS_BASE_PROPERTY);
      } else {
        System.setProperty(CheckId.DOCS_BASE_PROPERTY, prior);
      }
    }
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
