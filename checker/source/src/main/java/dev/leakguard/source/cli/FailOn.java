package dev.leakguard.source.cli;

import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import java.util.List;
import java.util.Locale;

/** The {@code --fail-on} threshold: the lowest severity that makes the exit code 1. */
enum FailOn {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  NOTE(Severity.NOTE),
  NEVER(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /** True if a finding's severity (from its check id) is at or above the threshold. */
  boolean fails(List<ReportedFinding> findings) {
    if (threshold == null) {
      return false;
    }
    for (ReportedFinding f : findings) {
      if (f.severity().atLeast(threshold)) {
        return true;
      }
    }
    return false;
  }

  static FailOn parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("never")) {
      return NEVER;
    }
    try {
      return valueOf(Severity.parse(t).name());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown threshold '" + text + "'; expected one of error, warning, note, never");
    }
  }
}
