package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SarifReportTest {
  private static final List<Skipped> SKIPPED =
      List.of(
          new Skipped("src/main/java/shop/Broken.java", "does not parse: ';' expected at line 7"),
          new Skipped("src/main/java/shop/Latin1.java", "not valid UTF-8"));

  @Test
  void validAgainstTheSarifSchemaWithRulesResultsAndFingerprints() {
    String sarif =
        OutputFormat.SARIF.render(
            Fixtures.report(List.of(Fixtures.CONNECTION, Fixtures.STATEMENT, Fixtures.NOTE), SKIPPED));
    SarifSchema.assertValid(sarif);

    JsonNode run = JsonReport.MAPPER.readTree(sarif).get("runs").get(0);
    assertEquals("2.1.0", JsonReport.MAPPER.readTree(sarif).get("version").asString());
    JsonNode driver = run.get("tool").get("driver");
    assertEquals("LeakGuard", driver.get("name").asString());
    assertEquals("9.9.9-test", driver.get("version").asString());
    List<String> ruleIds = new ArrayList<>();
    driver.get("rules").forEach(r -> ruleIds.add(r.get("id").asString()));
    List<String> expected = new ArrayList<>();
    for (CheckId id : CheckId.values()) {
      expected.add(id.name());
    }
    assertEquals(expected, ruleIds, "every check id is a rule, in registry order");

    JsonNode results = run.get("results");
    assertEquals(3, results.size());
    JsonNode first = results.get(0);
    assertEquals("JdbcConnectionLeak", first.get("ruleId").asString());
    assertEquals(
        "JdbcConnectionLeak",
        driver.get("rules").get(first.get("ruleIndex").asInt()).get("id").asString(),
        "ruleIndex points at the rule");
    assertEquals("error", first.get("level").asString());
    assertEquals(Fixtures.CONNECTION.message(), first.get("message").get("text").asString());
    JsonNode location = first.get("locations").get(0).get("physicalLocation");
    assertEquals("src/main/java/shop/OrderDao.java", location.get("artifactLocation").get("uri").asString());
    assertEquals("%SRCROOT%", location.get("artifactLocation").get("uriBaseId").asString());
    assertEquals(42, location.get("region").get("startLine").asInt());
    assertEquals(Fixtures.CONNECTION.fingerprint(), first.get("partialFingerprints").get("leakguard/v1").asString());
    assertEquals("note", results.get(2).get("level").asString());
  }

  @Test
  void skippedInputsAreToolExecutionNotifications() {
    String sarif = OutputFormat.SARIF.render(Fixtures.report(List.of(), SKIPPED));
    SarifSchema.assertValid(sarif);
    JsonNode invocation = JsonReport.MAPPER.readTree(sarif).get("runs").get(0).get("invocations").get(0);
    assertTrue(invocation.get("executionSuccessful").asBoolean());
    JsonNode notes = invocation.get("toolExecutionNotifications");
    assertEquals(2, notes.size());
    assertEquals("Not analysed: not valid UTF-8.", notes.get(1).get("message").get("text").asString());
    assertEquals(
        "src/main/java/shop/Latin1.java",
        notes.get(1).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString());
  }

  @Test
  void awkwardPathsBecomeValidUriReferences() {
    String sarif = OutputFormat.SARIF.render(Fixtures.report(List.of(Fixtures.AWKWARD), List.of()));
    SarifSchema.assertValid(sarif);
    JsonNode result = JsonReport.MAPPER.readTree(sarif).get("runs").get(0).get("results").get(0);
    assertEquals(
        "src/main/java/odd%20dir/Caf%C3%A9%2C%20%22Q%22.java",
        result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString());
    assertEquals(Fixtures.AWKWARD.message(), result.get("message").get("text").asString());
  }

  @Test
  void emptyRunIsValid() {
    String sarif = OutputFormat.SARIF.render(Fixtures.report(List.of(), List.of()));
    SarifSchema.assertValid(sarif);
    assertEquals(0, JsonReport.MAPPER.readTree(sarif).get("runs").get(0).get("results").size());
  }

  @Test
  void theValidatorRejectsBrokenSarif() {
    String sarif = OutputFormat.SARIF.render(Fixtures.report(List.of(Fixtures.CONNECTION), List.of()));
    ObjectNode tree = (ObjectNode) JsonReport.MAPPER.readTree(sarif);
    ObjectNode result = (ObjectNode) tree.get("runs").get(0).get("results").get(0);
    result.put("level", "fatal");
    ((ObjectNode) result.get("locations").get(0).get("physicalLocation").get("region")).put("startLine", 0);
    assertEquals(2, SarifSchema.violations(tree.toString()), "bad level and startLine 0");
  }

  @Test
  void uriEncoding() {
    assertEquals("a/b/C.java", SarifReport.uriOf("a/b/C.java"));
    assertEquals("a/b%20c/%C3%A9.java", SarifReport.uriOf("a/b c/\u00e9.java"));
    assertEquals("a/b/C.java", SarifReport.uriOf("a\\b\\C.java"));
    assertEquals("..%3A/x%25y%23z%3F.java", SarifReport.uriOf("..:/x%y#z?.java"));
  }
}
