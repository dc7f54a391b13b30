package dev.leakguard.verifier.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifTest {
  @TempDir Path temp;

  /** The shape LeakGuard's SARIF writer produces, trimmed to what is read. */
  private static final String ERROR_PRONE =
      """
      {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
       "runs": [{"tool": {"driver": {"name": "LeakGuard", "rules": []}},
         "results": [
           {"ruleId": "JdbcConnectionLeak", "level": "error",
            "message": {"text": "Connection 'c' acquired by DataSource.getConnection() is not closed."},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/src/main/java/com/acme/Dao.java",
              "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 24}}}],
            "properties": {"engines": ["errorprone"]}},
           {"ruleId": "JdbcStatementLeak", "message": {"text": "s"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/src/main/java/com/acme/Dao.java"},
              "region": {"startLine": 25}}}], "properties": {"engines": ["errorprone"]}}
         ]}]}
      """;

  @Test
  void readsRuleLocationLineMessageAndEngines() {
    List<StaticFinding> findings = Sarif.parse(ERROR_PRONE);
    assertEquals(
        List.of(
            new StaticFinding("JdbcConnectionLeak", "app/src/main/java/com/acme/Dao.java", 24,
                "Connection 'c' acquired by DataSource.getConnection() is not closed.", List.of("errorprone")),
            new StaticFinding("JdbcStatementLeak", "app/src/main/java/com/acme/Dao.java", 25, "s",
                List.of("errorprone"))),
        findings);
    assertEquals("Dao.java:24", findings.get(0).location());
  }

  @Test
  void acceptsRuleObjectsFileUrisAndResultsWithoutLocation() {
    String sarif =
        """
        {"runs": [{"tool": {"driver": {"name": "SpotBugs"}}, "results": [
          {"rule": {"id": "JdbcResultSetLeak"}, "message": {"text": "r"},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///work/my%20app/com/acme/Dao.java"},
             "region": {"startLine": 30}}}]},
          {"ruleId": "JdbcConnectionLeak", "message": {"text": "no location"}}
        ]}]}
        """;
    assertEquals(
        List.of(
            new StaticFinding("JdbcResultSetLeak", "/work/my app/com/acme/Dao.java", 30, "r", List.of("SpotBugs")),
            new StaticFinding("JdbcConnectionLeak", "", -1, "no location", List.of("SpotBugs"))),
        Sarif.parse(sarif));
    assertEquals("?", Sarif.parse(sarif).get(1).location());
  }

  @Test
  void theSameFindingFromTwoReportsIsKeptOnceWithBothEngines() throws Exception {
    String spotbugs =
        """
        {"runs": [{"tool": {"driver": {"name": "LeakGuard"}}, "results": [
          {"ruleId": "JdbcConnectionLeak", "message": {"text": "from bytecode"},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "com/acme/Dao.java"},
             "region": {"startLine": 24}}}], "properties": {"engines": ["spotbugs"]}},
          {"ruleId": "JdbcConnectionLeak", "message": {"text": "elsewhere"},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": "com/acme/Other.java"},
             "region": {"startLine": 24}}}], "properties": {"engines": ["spotbugs"]}}
        ]}]}
        """;
    Path first = Files.writeString(temp.resolve("errorprone.sarif"), ERROR_PRONE);
    Path second = Files.writeString(temp.resolve("spotbugs.sarif"), spotbugs);

    List<StaticFinding> merged = Sarif.read(List.of(first, second));
    assertEquals(3, merged.size());
    assertEquals(List.of("errorprone", "spotbugs"), merged.get(0).engines());
    assertEquals("app/src/main/java/com/acme/Dao.java", merged.get(0).path(), "the longer path is kept");
    assertEquals("com/acme/Other.java", merged.get(2).path());
  }

  @Test
  void aFileThatIsNotSarifIsNamed() throws Exception {
    Path file = Files.writeString(temp.resolve("leaks.json"), "{\"results\": []}");
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Sarif.read(List.of(file)));
    assertTrue(error.getMessage().startsWith(file + ": not SARIF"), error.getMessage());
  }
}
