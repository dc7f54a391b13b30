package dev.leakguard.source.cli;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * LeakGuard's own JSON report, for scripts:
 *
 * <pre>
 * {
 *   "tool": {"name": "LeakGuard", "version": "..."},
 *   "findings": [{"id", "severity", "path", "line", "message", "fingerprint", "engines"}],
 *   "skipped": [{"path", "reason"}],
 *   "summary": {"findings", "files", "skipped", "lines", "acceptedByBaseline", "outsideDiff",
 *               "byId": {"JdbcConnectionLeak": 2}}
 * }
 * </pre>
 */
final class JsonReport {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonReport() {}

  static String render(ScanReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("tool").put("name", "LeakGuard").put("version", report.toolVersion());
    ArrayNode findings = root.putArray("findings");
    for (ReportedFinding f : report.findings()) {
      ObjectNode o = findings.addObject();
      o.put("id", f.id().name());
      o.put("severity", f.severity().sarifLevel());
      o.put("path", f.path());
      o.put("line", f.line());
      o.put("message", f.message());
      o.put("fingerprint", f.fingerprint());
      ArrayNode engines = o.putArray("engines");
      f.engines().forEach(engines::add);
    }
    ArrayNode skipped = root.putArray("skipped");
    for (Skipped s : report.skipped()) {
      skipped.addObject().put("path", s.path()).put("reason", s.reason());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("findings", report.findings().size());
    summary.put("files", report.files());
    summary.put("skipped", report.skipped().size());
    summary.put("lines", report.lines());
    summary.put("acceptedByBaseline", report.acceptedByBaseline());
    summary.put("outsideDiff", report.outsideDiff());
    ObjectNode byId = summary.putObject("byId");
    for (Map.Entry<CheckId, Integer> e : report.countsById().entrySet()) {
      byId.put(e.getKey().name(), e.getValue());
    }
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
