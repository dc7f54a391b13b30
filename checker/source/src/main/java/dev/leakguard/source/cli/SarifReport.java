package dev.leakguard.source.cli;

import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.core.report.SarifWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 from core's {@link SarifWriter} (rules, stable rule ids, repository-relative URIs,
 * {@code partialFingerprints}), with what only the CLI knows added to the run: an invocation whose
 * {@code toolExecutionNotifications} name each skipped input, so that code-scanning shows which
 * files were not analysed.
 */
final class SarifReport {
  private SarifReport() {}

  static String render(ScanReport report) {
    List<ReportedFinding> findings = new ArrayList<>(report.findings().size());
    for (ReportedFinding f : report.findings()) {
      findings.add(f.withPath(uriOf(f.path())));
    }
    String sarif = SarifWriter.write(report.toolVersion(), findings);
    JsonNode tree = JsonReport.MAPPER.readTree(sarif);
    ObjectNode run = (ObjectNode) tree.get("runs").get(0);
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (Skipped s : report.skipped()) {
      ObjectNode note = notes.addObject();
      note.put("level", "warning");
      note.putObject("message").put("text", "Not analysed: " + s.reason() + ".");
      note.putArray("locations")
          .addObject()
          .putObject("physicalLocation")
          .putObject("artifactLocation")
          .put("uri", uriOf(s.path()))
          .put("uriBaseId", "%SRCROOT%");
      note.putObject("descriptor").put("id", "skipped");
    }
    return JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
  }

  /**
   * A report path as a relative URI reference: each byte outside RFC 3986's unreserved characters
   * and {@code /} is percent-encoded (UTF-8), so spaces and non-ASCII names stay valid.
   */
  static String uriOf(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 8);
    for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '/';
      if (plain) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return sb.toString();
  }
}
