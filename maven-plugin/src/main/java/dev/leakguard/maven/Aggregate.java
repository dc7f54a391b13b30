package dev.leakguard.maven;

import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The reactor-wide SARIF report: every module that ran leakguard:check keeps its findings on its
 * project, and each one rewrites {@code target/leakguard/leakguard-aggregate.sarif} of the
 * top-level project (the execution root) with all findings so far, so the last module to finish (also in a parallel build)
 * leaves the whole reactor's findings.
 */
final class Aggregate {
  static final String KEY = "dev.leakguard.maven.findings";
  static final String FILE = "leakguard-aggregate.sarif";
  private static final Object LOCK = new Object();

  private Aggregate() {}

  static void record(MavenSession session, MavenProject project, List<ReportedFinding> findings, Log log) {
    project.setContextValue(KEY, List.copyOf(findings));
    List<MavenProject> all = session.getProjects();
    if (all == null || all.size() < 2) {
      return;
    }
    synchronized (LOCK) {
      List<ReportedFinding> merged = new ArrayList<>();
      int modules = 0;
      for (MavenProject p : all) {
        if (p.getContextValue(KEY) instanceof List<?> list) {
          modules++;
          for (Object o : list) {
            if (o instanceof ReportedFinding f) {
              merged.add(f);
            }
          }
        }
      }
      merged.sort(Comparator.comparing(ReportedFinding::path).thenComparingInt(ReportedFinding::line)
          .thenComparing(ReportedFinding::id));
      MavenProject top = session.getTopLevelProject();
      Path out = top != null
          ? Path.of(top.getBuild().getDirectory(), "leakguard", FILE)
          : Path.of(session.getExecutionRootDirectory(), "target", "leakguard", FILE);
      try {
        Reports.write(out, Reports.sarif(merged, List.of()));
      } catch (IOException e) {
        log.warn("LeakGuard: cannot write the aggregate report " + out + ": " + e);
        return;
      }
      if (modules == all.size()) {
        log.info("LeakGuard: " + Reports.count(merged) + " in " + Reports.plural(modules, "module")
            + " of the reactor; aggregate report " + out);
      }
    }
  }
}
