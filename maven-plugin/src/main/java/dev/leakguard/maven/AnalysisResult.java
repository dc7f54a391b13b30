package dev.leakguard.maven;

import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.engine.EngineResult;
import dev.leakguard.maven.engine.PoolConfigEngine;
import java.util.List;

/**
 * The outcome of analysing one module.
 *
 * @param reported the merged findings left after the filters and the baseline, in report order
 * @param acceptedByBaseline how many merged findings the baseline accepted
 * @param excluded how many merged findings the includes/excludes left out
 * @param engineResults what each engine did, in run order
 * @param files how many source files the module has (analysed or indexed)
 * @param configFiles how many pool configuration files of the module were looked at
 */
public record AnalysisResult(
    List<MergedFinding> reported,
    int acceptedByBaseline,
    int excluded,
    List<EngineResult> engineResults,
    int files,
    int configFiles) {

  public List<ReportedFinding> findings() {
    return reported.stream().map(MergedFinding::finding).toList();
  }

  /** Names of the engines that ran (the Java engines, then {@code config}). */
  public List<String> enginesRan() {
    return engineResults.stream().filter(EngineResult::ran).map(EngineResult::engine).toList();
  }

  /** Whether a Java engine analysed the sources (the configuration checks aside). */
  public boolean javaEngineRan() {
    return enginesRan().stream().anyMatch(e -> !e.equals(PoolConfigEngine.NAME));
  }
}
