package dev.leakguard.maven.engine;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads back the results of a SARIF file that a forked LeakGuard engine wrote with core's writer. */
public final class SarifResults {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private SarifResults() {}

  /**
   * The findings of the file's first run, each tagged with {@code engine}. Results whose rule is
   * not a LeakGuard check id are ignored.
   */
  public static List<ReportedFinding> read(Path sarif, String engine) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(sarif));
    } catch (RuntimeException e) {
      throw new IOException(sarif + ": not valid JSON (" + e.getMessage() + ")", e);
    }
    List<ReportedFinding> out = new ArrayList<>();
    JsonNode runs = root.path("runs");
    if (!runs.isArray() || runs.isEmpty()) {
      return out;
    }
    for (JsonNode r : runs.get(0).path("results")) {
      CheckId id;
      try {
        id = CheckId.byName(r.path("ruleId").asString(""));
      } catch (IllegalArgumentException unknown) {
        continue;
      }
      JsonNode loc = r.path("locations").path(0).path("physicalLocation");
      String path = loc.path("artifactLocation").path("uri").asString("");
      int line = loc.path("region").path("startLine").asInt(0);
      String message = r.path("message").path("text").asString("");
      String fingerprint = r.path("partialFingerprints").path("leakguard/v1").asString("");
      Severity severity = id.severity();
      try {
        severity = Severity.parse(r.path("level").asString(severity.sarifLevel())).atMost(id.severity());
      } catch (IllegalArgumentException unknownLevel) {
        // "none" or a level of another tool: the id's own
      }
      out.add(new ReportedFinding(path, line, id, message, fingerprint, List.of(engine), severity));
    }
    return out;
  }
}
