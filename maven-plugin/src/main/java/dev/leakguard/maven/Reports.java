package dev.leakguard.maven;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.core.report.SarifWriter;
import dev.leakguard.maven.engine.EngineResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a module's result: console lines, the summary, SARIF, the text report, workflow annotations. */
public final class Reports {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Reports() {}

  /** The console line of a finding: {@code path:line: [Id] message} (the log level carries the severity). */
  public static String consoleLine(ReportedFinding f) {
    return f.path() + ":" + f.line() + ": [" + f.id().name() + "] " + f.message();
  }

  /** "3 findings (1 error, 2 warnings)". */
  public static String count(List<ReportedFinding> findings) {
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (ReportedFinding f : findings) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
    }
    String total = plural(findings.size(), "finding");
    if (bySeverity.isEmpty()) {
      return total;
    }
    List<String> parts = new ArrayList<>();
    bySeverity.forEach((s, n) -> parts.add(plural(n, s.sarifLevel())));
    return total + " (" + String.join(", ", parts) + ")";
  }

  /** The one-line summary of a module. */
  public static String summary(String module, AnalysisResult r) {
    StringBuilder sb = new StringBuilder("LeakGuard: ");
    sb.append(count(r.findings())).append(" in ").append(module)
        .append(" (").append(plural(r.files(), "source file"));
    if (r.configFiles() > 0) {
      sb.append(", ").append(plural(r.configFiles(), "configuration file"));
    }
    List<String> ran = r.enginesRan();
    sb.append(ran.isEmpty() ? ", no engine ran" : ", engines: " + String.join(", ", ran)).append(')');
    if (r.acceptedByBaseline() > 0) {
      sb.append("; ").append(r.acceptedByBaseline()).append(" accepted by the baseline");
    }
    if (r.excluded() > 0) {
      sb.append("; ").append(r.excluded()).append(" in excluded files");
    }
    return sb.toString();
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** SARIF 2.1.0: core's writer (rules, results, fingerprints) plus which engines ran and which could not. */
  public static String sarif(List<ReportedFinding> findings, List<EngineResult> engines) {
    String base = SarifWriter.write(PluginInfo.version(), withUris(findings));
    if (engines.isEmpty()) {
      return base;
    }
    JsonNode tree = MAPPER.readTree(base);
    ObjectNode run = (ObjectNode) tree.get("runs").get(0);
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (EngineResult e : engines) {
      if (!e.ran()) {
        ObjectNode n = notes.addObject();
        n.put("level", "warning");
        n.putObject("message").put("text", "The " + e.engine() + " engine did not run: "
            + (e.notes().isEmpty() ? "no reason given" : e.notes().get(0)));
        n.putObject("descriptor").put("id", "engine-not-run");
      }
    }
    ArrayNode ran = invocation.putObject("properties").putArray("engines");
    engines.stream().filter(EngineResult::ran).forEach(e -> ran.add(e.engine()));
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
  }

  /** Findings whose paths are written as relative URI references (percent-encoded UTF-8). */
  static List<ReportedFinding> withUris(List<ReportedFinding> findings) {
    return findings.stream()
        .map(f -> f.withPath(uriOf(f.path())))
        .toList();
  }

  /** A path as a relative URI: bytes outside RFC 3986's unreserved characters and '/' are percent-encoded. */
  static String uriOf(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 8);
    for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return sb.toString();
  }

  /** The plain-text report: javac-style lines, then the summary and what each engine did. */
  public static String text(String module, AnalysisResult r) {
    StringBuilder sb = new StringBuilder();
    for (ReportedFinding f : r.findings()) {
      sb.append(f.toTextLine()).append("  {").append(String.join(", ", f.engines())).append("}\n");
    }
    sb.append(summary(module, r)).append('\n');
    for (EngineResult e : r.engineResults()) {
      sb.append("engine ").append(e.engine()).append(": ");
      if (e.ran()) {
        sb.append(plural(e.findings().size(), "finding")).append(" in ").append(e.units()).append(' ').append(e.unitName());
      } else {
        sb.append("did not run: ").append(e.notes().isEmpty() ? "" : e.notes().get(0));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * GitHub Actions workflow commands, one per finding ({@code ::error file=..,line=..,title=..::message}),
   * which GitHub shows as annotations on the pull request.
   */
  public static List<String> githubAnnotations(List<ReportedFinding> findings) {
    List<String> out = new ArrayList<>();
    for (ReportedFinding f : findings) {
      String level = switch (f.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case NOTE -> "notice";
      };
      out.add("::" + level + " file=" + escapeProperty(f.path()) + ",line=" + Math.max(1, f.line())
          + ",title=" + escapeProperty("[" + f.id().name() + "]") + "::" + escapeData(f.message()));
    }
    return out;
  }

  static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * Checkstyle XML, the format review bots such as reviewdog read ({@code -f=checkstyle}): one
   * {@code <file>} per path (relative to the repository root), one {@code <error>} per finding.
   */
  public static String checkstyle(List<ReportedFinding> findings) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    String open = null;
    for (ReportedFinding f : findings) {
      if (!f.path().equals(open)) {
        if (open != null) {
          sb.append("  </file>\n");
        }
        open = f.path();
        sb.append("  <file name=\"").append(xml(open)).append("\">\n");
      }
      String severity = switch (f.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case NOTE -> "info";
      };
      sb.append("    <error line=\"").append(Math.max(1, f.line())).append("\" severity=\"").append(severity)
          .append("\" message=\"").append(xml("[" + f.id().name() + "] " + f.message()))
          .append("\" source=\"leakguard.").append(f.id().name()).append("\"/>\n");
    }
    if (open != null) {
      sb.append("  </file>\n");
    }
    return sb.append("</checkstyle>\n").toString();
  }

  private static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\n' -> sb.append("&#10;");
        case '\r' -> sb.append("&#13;");
        case '\t' -> sb.append("&#9;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** The check ids among {@code findings}, for the failure message. */
  static String ids(List<ReportedFinding> findings) {
    return findings.stream().map(f -> f.id()).distinct().sorted().map(CheckId::name)
        .collect(Collectors.joining(", "));
  }

  static void write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
