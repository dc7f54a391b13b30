package dev.leakguard.maven;

import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Maven goals' view of the shared baseline format ({@link dev.leakguard.core.report.Baseline},
 * the same file the {@code leakguard scan} command reads): merged findings, each with the
 * fingerprint of every engine that saw it.
 */
public final class Baseline {
  public static final String HEADER = dev.leakguard.core.report.Baseline.HEADER;

  private final Path file;
  private final dev.leakguard.core.report.Baseline baseline;

  private Baseline(Path file, dev.leakguard.core.report.Baseline baseline) {
    this.file = file;
    this.baseline = baseline;
  }

  public Path file() {
    return file;
  }

  /** Number of accepted findings. */
  public int size() {
    return baseline.size();
  }

  /** Reads a baseline; the exception names the file, and the line of a malformed entry. */
  public static Baseline read(Path file) throws BaselineException {
    try {
      return new Baseline(file, dev.leakguard.core.report.Baseline.read(file));
    } catch (dev.leakguard.core.report.Baseline.BaselineException e) {
      throw new BaselineException(e.getMessage(), e);
    }
  }

  static Baseline parse(Path file, String text) throws BaselineException {
    try {
      return new Baseline(file, dev.leakguard.core.report.Baseline.parse(file.toString(), text));
    } catch (dev.leakguard.core.report.Baseline.BaselineException e) {
      throw new BaselineException(e.getMessage(), e);
    }
  }

  /**
   * Splits merged findings (in report order) into the ones this baseline accepts and the others:
   * a finding is accepted when the fingerprint of any engine that saw it has an entry left.
   */
  public Split split(List<MergedFinding> findings) {
    var s = baseline.split(findings, MergedFinding::fingerprints);
    return new Split(s.reported(), s.accepted());
  }

  /** Findings not in the baseline, and the ones it accepts. */
  public record Split(List<MergedFinding> reported, List<MergedFinding> accepted) {}

  /**
   * The text of a baseline that accepts every one of {@code findings}: one line per finding, with
   * the fingerprint of every engine that saw it, so it stays accepted whichever of them run.
   */
  public static String render(List<MergedFinding> findings) {
    List<dev.leakguard.core.report.Baseline.Row> rows = new ArrayList<>();
    for (MergedFinding m : findings) {
      ReportedFinding f = m.finding();
      String fps = String.join(",", new java.util.TreeSet<>(m.fingerprints()));
      rows.add(new dev.leakguard.core.report.Baseline.Row(fps, f.id().name(), f.path(), f.message(), f.line()));
    }
    return dev.leakguard.core.report.Baseline.render(
        rows, "leakguard:check (and 'leakguard scan --baseline')", "'mvn leakguard:baseline'");
  }

  /** A baseline file that cannot be read or has a malformed line. */
  public static final class BaselineException extends Exception {
    BaselineException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
