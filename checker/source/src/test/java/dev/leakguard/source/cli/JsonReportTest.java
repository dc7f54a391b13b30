package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonReportTest {
  @Test
  void findingsSkippedAndSummary() {
    ScanReport report =
        new ScanReport(
            "9.9.9-test",
            List.of(Fixtures.CONNECTION, Fixtures.STATEMENT, Fixtures.AWKWARD),
            List.of(new Skipped("src/Broken.java", "does not parse: line 3")),
            12,
            3456,
            4,
            5);
    JsonNode json = JsonReport.MAPPER.readTree(OutputFormat.JSON.render(report));
    assertEquals("LeakGuard", json.get("tool").get("name").asString());
    assertEquals("9.9.9-test", json.get("tool").get("version").asString());
    JsonNode first = json.get("findings").get(0);
    assertEquals("JdbcConnectionLeak", first.get("id").asString());
    assertEquals("error", first.get("severity").asString());
    assertEquals(Fixtures.CONNECTION.path(), first.get("path").asString());
    assertEquals(42, first.get("line").asInt());
    assertEquals(Fixtures.CONNECTION.message(), first.get("message").asString());
    assertEquals(Fixtures.CONNECTION.fingerprint(), first.get("fingerprint").asString());
    assertEquals("source", first.get("engines").get(0).asString());
    assertEquals(Fixtures.AWKWARD.message(), json.get("findings").get(2).get("message").asString());
    assertEquals("src/Broken.java", json.get("skipped").get(0).get("path").asString());
    assertEquals("does not parse: line 3", json.get("skipped").get(0).get("reason").asString());
    JsonNode summary = json.get("summary");
    assertEquals(3, summary.get("findings").asInt());
    assertEquals(12, summary.get("files").asInt());
    assertEquals(1, summary.get("skipped").asInt());
    assertEquals(3456, summary.get("lines").asInt());
    assertEquals(4, summary.get("acceptedByBaseline").asInt());
    assertEquals(5, summary.get("outsideDiff").asInt());
    assertEquals(1, summary.get("byId").get("JdbcConnectionLeak").asInt());
    assertEquals(1, summary.get("byId").get("JdbcStatementLeak").asInt());
    assertEquals(1, summary.get("byId").get("JdbcResultSetLeak").asInt());
    List<String> ids = new ArrayList<>();
    summary.get("byId").properties().forEach(e -> ids.add(e.getKey()));
    assertEquals(List.of("JdbcConnectionLeak", "JdbcStatementLeak", "JdbcResultSetLeak"), ids);
  }

  @Test
  void emptyReportHasEmptyArrays() {
    JsonNode json =
        JsonReport.MAPPER.readTree(OutputFormat.JSON.render(Fixtures.report(List.of(), List.of())));
    assertTrue(json.get("findings").isArray());
    assertEquals(0, json.get("findings").size());
    assertEquals(0, json.get("skipped").size());
    assertEquals(0, json.get("summary").get("byId").size());
  }
}
