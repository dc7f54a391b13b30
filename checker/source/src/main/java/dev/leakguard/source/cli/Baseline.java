package dev.leakguard.source.cli;

import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan command's view of the shared baseline format ({@link dev.leakguard.core.report.Baseline}):
 * findings are the engine's, errors are usage errors.
 */
final class Baseline {
  static final String HEADER = dev.leakguard.core.report.Baseline.HEADER;

  private final dev.leakguard.core.report.Baseline baseline;

  private Baseline(dev.leakguard.core.report.Baseline baseline) {
    this.baseline = baseline;
  }

  int size() {
    return baseline.size();
  }

  static Baseline read(Path file) throws CliException {
    try {
      return new Baseline(dev.leakguard.core.report.Baseline.read(file));
    } catch (dev.leakguard.core.report.Baseline.BaselineException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  static Baseline parse(String source, String text) throws CliException {
    try {
      return new Baseline(dev.leakguard.core.report.Baseline.parse(source, text));
    } catch (dev.leakguard.core.report.Baseline.BaselineException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  Split split(List<ReportedFinding> findings) {
    var s = baseline.split(findings, f -> List.of(f.fingerprint()));
    return new Split(s.reported(), s.accepted());
  }

  record Split(List<ReportedFinding> reported, List<ReportedFinding> accepted) {}

  static String render(List<ReportedFinding> findings) {
    List<dev.leakguard.core.report.Baseline.Row> rows = new ArrayList<>();
    for (ReportedFinding f : findings) {
      rows.add(new dev.leakguard.core.report.Baseline.Row(f.fingerprint(), f.id().name(), f.path(), f.message(), f.line()));
    }
    return dev.leakguard.core.report.Baseline.render(
        rows, "'leakguard scan --baseline FILE'", "'leakguard scan --write-baseline FILE PATH...'");
  }
}
