package dev.leakguard.source.cli;

import dev.leakguard.core.report.ReportedFinding;

/**
 * GitHub Actions workflow commands, one per finding:
 * {@code ::error file=src/A.java,line=42,title=[JdbcConnectionLeak]::message}. GitHub shows them
 * on the pull request's changed files. Severity maps to {@code error}, {@code warning} and
 * {@code notice}.
 */
final class GithubAnnotations {
  private GithubAnnotations() {}

  static String render(ScanReport report) {
    StringBuilder sb = new StringBuilder();
    for (ReportedFinding f : report.findings()) {
      String command =
          switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
          };
      sb.append("::")
          .append(command)
          .append(" file=")
          .append(escapeProperty(f.path()))
          .append(",line=")
          .append(Math.max(1, f.line()))
          .append(",title=")
          .append(escapeProperty("[" + f.id().name() + "]"))
          .append("::")
          .append(escapeData(f.message()))
          .append('\n');
    }
    return sb.toString();
  }

  /** The message part of a workflow command: {@code %}, CR and LF are percent-encoded. */
  static String escapeData(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '%' -> sb.append("%25");
        case '\r' -> sb.append("%0D");
        case '\n' -> sb.append("%0A");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A property value of a workflow command: as {@link #escapeData}, plus {@code :} and {@code ,}. */
  static String escapeProperty(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '%' -> sb.append("%25");
        case '\r' -> sb.append("%0D");
        case '\n' -> sb.append("%0A");
        case ':' -> sb.append("%3A");
        case ',' -> sb.append("%2C");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
