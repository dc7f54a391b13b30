package dev.leakguard.core.report;

import dev.leakguard.core.finding.CheckId;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes SARIF 2.1.0: one run, every LeakGuard rule, results with repository-relative URIs and
 * {@code partialFingerprints}.
 */
public final class SarifWriter {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifWriter() {}

  /** Where the check's page is, as plain text (the only link when no absolute base is set). */
  static String helpText(CheckId id, String absoluteDocsBase) {
    return absoluteDocsBase != null
        ? "See " + id.docsUrl() + "."
        : "See " + id.docsUrl() + " in LeakGuard's repository.";
  }

  public static String write(String toolVersion, List<ReportedFinding> findings) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"$schema\": ").append(Json.quote(SCHEMA)).append(",\n");
    sb.append("  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n");
    sb.append("      \"tool\": {\n        \"driver\": {\n");
    sb.append("          \"name\": \"LeakGuard\",\n");
    sb.append("          \"version\": ").append(Json.quote(toolVersion)).append(",\n");
    // links only when they lead somewhere: an absolute docs base was configured
    String docsBase = CheckId.absoluteDocsBase();
    if (docsBase != null) {
      sb.append("          \"informationUri\": ").append(Json.quote(docsBase)).append(",\n");
    }
    sb.append("          \"rules\": [\n");
    StringJoiner rules = new StringJoiner(",\n");
    for (CheckId id : CheckId.values()) {
      rules.add(
          "            {\"id\": " + Json.quote(id.name())
              + ", \"name\": " + Json.quote(id.name())
              + ", \"shortDescription\": {\"text\": " + Json.quote(id.summary()) + "}"
              + (docsBase != null ? ", \"helpUri\": " + Json.quote(id.docsUrl()) : "")
              + ", \"help\": {\"text\": " + Json.quote(helpText(id, docsBase)) + "}"
              + ", \"defaultConfiguration\": {\"level\": " + Json.quote(id.severity().sarifLevel()) + "}}");
    }
    sb.append(rules).append("\n          ]\n        }\n      },\n");
    sb.append("      \"columnKind\": \"utf16CodeUnits\",\n");
    sb.append("      \"results\": [");
    StringJoiner results = new StringJoiner(",", "\n", "\n      ");
    results.setEmptyValue("");
    for (ReportedFinding f : findings) {
      StringBuilder r = new StringBuilder();
      r.append("        {\"ruleId\": ").append(Json.quote(f.id().name()));
      r.append(", \"ruleIndex\": ").append(f.id().ordinal());
      r.append(", \"level\": ").append(Json.quote(f.severity().sarifLevel()));
      r.append(", \"message\": {\"text\": ").append(Json.quote(f.message())).append("}");
      r.append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
          .append(Json.quote(f.path().replace('\\', '/')))
          .append(", \"uriBaseId\": \"%SRCROOT%\"}, \"region\": {\"startLine\": ")
          .append(Math.max(1, f.line()))
          .append("}}}]");
      r.append(", \"partialFingerprints\": {\"leakguard/v1\": ").append(Json.quote(f.fingerprint())).append("}");
      StringJoiner engines = new StringJoiner(", ", "[", "]");
      f.engines().forEach(e -> engines.add(Json.quote(e)));
      r.append(", \"properties\": {\"engines\": ").append(engines).append("}}");
      results.add(r);
    }
    sb.append(results).append("]\n    }\n  ]\n}\n");
    return sb.toString();
  }
}
