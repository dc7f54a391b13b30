package dev.leakguard.source.cli;

import dev.leakguard.core.report.ReportedFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle's XML report, which reviewdog reads with {@code -f=checkstyle}: a {@code <file>}
 * element per file with an {@code <error>} per finding. {@code source} is the check id; severity
 * is {@code error}, {@code warning} or {@code info}.
 */
final class CheckstyleReport {
  /** The Checkstyle report format version this output follows. */
  static final String FORMAT_VERSION = "8.0";

  private CheckstyleReport() {}

  static String render(ScanReport report) {
    Map<String, List<ReportedFinding>> byFile = new LinkedHashMap<>();
    for (ReportedFinding f : report.findings()) {
      byFile.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<checkstyle version=\"").append(FORMAT_VERSION).append("\">\n");
    for (Map.Entry<String, List<ReportedFinding>> e : byFile.entrySet()) {
      sb.append("  <file name=\"").append(attribute(e.getKey())).append("\">\n");
      for (ReportedFinding f : e.getValue()) {
        String severity =
            switch (f.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case NOTE -> "info";
            };
        sb.append("    <error line=\"")
            .append(Math.max(1, f.line()))
            .append("\" severity=\"")
            .append(severity)
            .append("\" message=\"")
            .append(attribute(f.message()))
            .append("\" source=\"")
            .append(attribute(f.id().name()))
            .append("\"/>\n");
      }
      sb.append("  </file>\n");
    }
    sb.append("</checkstyle>\n");
    return sb.toString();
  }

  /**
   * Escapes an attribute value. Tabs and line breaks become character references so that XML
   * parsers keep them; characters XML 1.0 cannot carry become U+FFFD.
   */
  static String attribute(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\t' -> sb.append("&#9;");
        case '\n' -> sb.append("&#10;");
        case '\r' -> sb.append("&#13;");
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            sb.append('\uFFFD');
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
