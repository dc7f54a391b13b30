package dev.leakguard.source.cli;

import dev.leakguard.core.report.ReportedFinding;

/** javac-style lines, {@code path:line: warning: [Id] message}, which IDEs and CI logs link. */
final class TextReport {
  private TextReport() {}

  static String render(ScanReport report) {
    StringBuilder sb = new StringBuilder();
    for (ReportedFinding f : report.findings()) {
      sb.append(f.toTextLine()).append('\n');
    }
    return sb.toString();
  }
}
