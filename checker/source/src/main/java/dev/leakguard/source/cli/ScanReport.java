package dev.leakguard.source.cli;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one scan produced, as the report formats and the summary line need it.
 *
 * @param toolVersion LeakGuard's version
 * @param findings the reported findings (after the diff and baseline filters), in report order
 * @param skipped the inputs that were not analysed, with the reason
 * @param files the Java files considered (analysed or skipped)
 * @param lines lines of the analysed files
 * @param acceptedByBaseline findings left out because the baseline accepts them
 * @param outsideDiff findings left out because they are not on a changed line
 */
record ScanReport(
    String toolVersion,
    List<ReportedFinding> findings,
    List<Skipped> skipped,
    int files,
    long lines,
    int acceptedByBaseline,
    int outsideDiff) {

  /** Number of reported findings per check id, in the registry's order. */
  Map<CheckId, Integer> countsById() {
    Map<CheckId, Integer> counts = new EnumMap<>(CheckId.class);
    for (ReportedFinding f : findings) {
      counts.merge(f.id(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * The stderr summary: {@code LeakGuard: N finding(s) in F file(s) (S skipped) [Id: n, ...]},
   * followed by what the baseline and the diff left out when they were used.
   */
  String summaryLine(boolean baselineUsed, boolean diffUsed) {
    StringBuilder sb = new StringBuilder("LeakGuard: ");
    sb.append(findings.size()).append(" finding(s) in ").append(files).append(" file(s) (");
    sb.append(skipped.size()).append(" skipped)");
    Map<CheckId, Integer> counts = countsById();
    if (!counts.isEmpty()) {
      StringBuilder ids = new StringBuilder();
      counts.forEach((id, n) -> ids.append(ids.length() == 0 ? "" : ", ").append(id.name()).append(": ").append(n));
      sb.append(" [").append(ids).append(']');
    }
    if (baselineUsed) {
      sb.append("; ").append(acceptedByBaseline).append(" accepted by the baseline");
    }
    if (diffUsed) {
      sb.append("; ").append(outsideDiff).append(" outside the changed lines");
    }
    return sb.toString();
  }
}
