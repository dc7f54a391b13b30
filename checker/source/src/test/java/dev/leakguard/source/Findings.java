package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The findings of an engine on some files, as "path:line id", every file analysed. */
final class Findings {
  private Findings() {}

  static List<String> of(SourceEngine engine, List<Path> files) {
    List<String> out = new ArrayList<>();
    for (Path file : files) {
      SourceEngine.FileResult r = engine.analyze(file);
      assertNull(r.skipped(), file + " skipped: " + r.skipped());
      for (ReportedFinding f : r.findings()) {
        out.add(r.path() + ":" + f.line() + " " + f.id().name());
      }
    }
    return out;
  }
}
