package dev.leakguard.maven;

import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.engine.Engine;
import dev.leakguard.maven.engine.EngineContext;
import dev.leakguard.maven.engine.EngineResult;
import dev.leakguard.maven.engine.Engines;
import dev.leakguard.maven.engine.PoolConfigEngine;
import dev.leakguard.maven.engine.SourceCodeEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the requested engines on a module (side by side), then the pool-configuration checks of its
 * configuration files, merges their findings and applies the includes/excludes and the baseline.
 * An engine that cannot run is reported in one warning line, and the source engine runs in its
 * place if it was not asked for.
 */
public final class AnalysisExecutor {
  /** How many per-file notes of one engine are logged before the rest are only counted. */
  static final int MAX_NOTES = 10;

  private AnalysisExecutor() {}

  public static AnalysisResult execute(AnalysisRequest req, EngineContext ctx, Baseline baseline)
      throws InterruptedException {
    return execute(req, ctx, baseline, Engines::byName);
  }

  /** As {@link #execute(AnalysisRequest, EngineContext, Baseline)}, with the engines looked up by {@code engines}. */
  static AnalysisResult execute(
      AnalysisRequest req, EngineContext ctx, Baseline baseline, Function<String, Engine> engines)
      throws InterruptedException {
    // a module with configuration files but no Java sources gets only the configuration checks
    List<String> javaEngines = req.files().isEmpty() ? List.of() : req.engines();
    List<EngineResult> results = new ArrayList<>(runAll(javaEngines, req, ctx, engines));
    boolean fallback = false;
    for (EngineResult r : results) {
      if (!r.ran()) {
        warnNotRun(ctx, req, r);
        fallback = true;
      } else {
        logNotes(ctx, r);
      }
    }
    if (fallback && !javaEngines.contains(SourceCodeEngine.NAME)) {
      ctx.log().warn("LeakGuard: running the source engine on " + req.module() + " instead");
      EngineResult r = runAll(List.of(SourceCodeEngine.NAME), req, ctx, engines).get(0);
      results.add(r);
      if (r.ran()) {
        logNotes(ctx, r);
      }
    }
    if (!req.configFiles().isEmpty()) {
      EngineResult r = runOne(engines.apply(PoolConfigEngine.NAME), req, ctx);
      results.add(r);
      if (r.ran()) {
        logNotes(ctx, r);
      } else {
        warnNotRun(ctx, req, r);
      }
    }
    List<ReportedFinding> all = new ArrayList<>();
    for (EngineResult r : results) {
      if (r.ran()) {
        all.addAll(r.findings());
      }
    }
    List<MergedFinding> merged = FindingMerger.merge(all, Engines.names());

    Map<String, InputFile> byReportPath = new HashMap<>();
    for (InputFile f : req.files()) {
      byReportPath.put(f.reportPath(), f);
    }
    for (InputFile f : req.configFiles()) {
      byReportPath.put(f.reportPath(), f);
    }
    List<MergedFinding> kept = new ArrayList<>();
    int excluded = 0;
    for (MergedFinding m : merged) {
      InputFile f = byReportPath.get(m.finding().path());
      boolean accepted = f != null ? req.filter().accepts(f) : req.filter().accepts(m.finding().path());
      if (accepted) {
        kept.add(m);
      } else {
        excluded++;
      }
    }
    int acceptedByBaseline = 0;
    if (baseline != null) {
      Baseline.Split split = baseline.split(kept);
      kept = split.reported();
      acceptedByBaseline = split.accepted().size();
    }
    return new AnalysisResult(List.copyOf(kept), acceptedByBaseline, excluded, List.copyOf(results),
        req.files().size(), req.configFiles().size());
  }

  private static void warnNotRun(EngineContext ctx, AnalysisRequest req, EngineResult r) {
    ctx.log().warn("LeakGuard: the " + r.engine() + " engine did not run on " + req.module() + ": "
        + (r.notes().isEmpty() ? "no reason given" : r.notes().get(0)));
  }

  /**
   * Runs the engines side by side (the forked ones spend most of their time in their own JVM) and
   * returns their results in the order asked for.
   */
  private static List<EngineResult> runAll(
      List<String> names, AnalysisRequest req, EngineContext ctx, Function<String, Engine> engines)
      throws InterruptedException {
    if (names.isEmpty()) {
      return List.of();
    }
    if (names.size() == 1) {
      return List.of(runOne(engines.apply(names.get(0)), req, ctx));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            names.size(),
            r -> {
              Thread t = new Thread(r, "leakguard-engine");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<EngineResult>> futures = new ArrayList<>();
      for (String n : names) {
        Engine e = engines.apply(n);
        futures.add(pool.submit(() -> runOne(e, req, ctx)));
      }
      List<EngineResult> out = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          out.add(futures.get(i).get());
        } catch (ExecutionException e) {
          out.add(EngineResult.unavailable(names.get(i), "internal error: " + internalError(e.getCause())));
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static EngineResult runOne(Engine engine, AnalysisRequest req, EngineContext ctx)
      throws InterruptedException {
    try {
      return engine.run(req, ctx);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      ctx.log().debug(e);
      return EngineResult.unavailable(engine.name(), "internal error: " + internalError(e));
    }
  }

  /**
   * An engine's internal error as the build log shows it: the error, where it was thrown and its
   * root cause, so that a report of it can be acted on without a debug log.
   */
  public static String internalError(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e));
    StackTraceElement[] at = e.getStackTrace();
    if (at.length > 0) {
      sb.append(" at ").append(at[0]);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      sb.append("; caused by ").append(root);
      StackTraceElement[] rootAt = root.getStackTrace();
      if (rootAt.length > 0) {
        sb.append(" at ").append(rootAt[0]);
      }
    }
    return sb.toString();
  }

  private static void logNotes(EngineContext ctx, EngineResult r) {
    int n = 0;
    for (String note : r.notes()) {
      if (n++ < MAX_NOTES) {
        ctx.log().warn("LeakGuard [" + r.engine() + "]: " + note);
      }
    }
    if (n > MAX_NOTES) {
      ctx.log().warn("LeakGuard [" + r.engine() + "]: ... and " + (n - MAX_NOTES) + " more notes");
    }
  }
}
