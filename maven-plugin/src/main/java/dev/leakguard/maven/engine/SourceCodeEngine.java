package dev.leakguard.maven.engine;

import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.AnalysisRequest;
import dev.leakguard.maven.InputFile;
import dev.leakguard.source.SourceEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source engine (JavaParser, with the module's compile class path for library calls), in the
 * Maven JVM. Every source file of the module is indexed so helpers in other files are understood;
 * the included files are analysed on a few threads.
 */
public final class SourceCodeEngine implements Engine {
  public static final String NAME = "source";
  /** Deeply nested expressions recurse deeply in the parser. */
  /**
   * The module's source encoding (project.build.sourceEncoding, through the compiler's), as the
   * Error Prone engine compiles with it; an unknown name is a warning.
   */
  static java.nio.charset.Charset encoding(AnalysisRequest req, EngineContext ctx) {
    String name = req.javaLevel().encoding();
    if (name != null && !name.isBlank()) {
      boolean known;
      try {
        known = java.nio.charset.Charset.isSupported(name.trim());
      } catch (IllegalArgumentException e) {
        known = false;
      }
      if (!known) {
        ctx.log().warn("LeakGuard [source]: unknown source encoding '" + name + "'; reading the sources as UTF-8");
      }
    }
    return ErrorProneEngine.charset(req.javaLevel());
  }

  /** A progress line in the build log every ten seconds of a long analysis. */
  private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

  /**
   * A line in the build log every ten seconds of the passes that prepare the analysis (on a large
   * module they take most of the time): {@code LeakGuard [source]: indexing 900/1500 files, ...}.
   * A timer repeats the last one while a pass stays on one file (a deep chain of summaries can
   * hold every thread for minutes).
   */
  private static final class Preparing implements SourceEngine.Preparation {
    private final EngineContext ctx;
    private final long start;
    private long last;
    private String pass;
    private int done;
    private int total;
    private long lines;

    Preparing(EngineContext ctx, long start) {
      this.ctx = ctx;
      this.start = start;
      this.last = start;
    }

    @Override
    public synchronized void advanced(String pass, int done, int total, long lines) {
      this.pass = pass;
      this.done = done;
      this.total = total;
      this.lines = lines;
      tick();
    }

    synchronized void tick() {
      long now = System.nanoTime();
      if (pass != null && done < total && now - last >= PROGRESS_EVERY_NANOS) {
        last = now;
        ctx.log().info(String.format(Locale.ROOT, "LeakGuard [source]: %s %d/%d files, %d lines, %.0f s",
            pass, done, total, lines, (now - start) / 1e9));
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EngineResult run(AnalysisRequest req, EngineContext ctx) throws InterruptedException {
    List<InputFile> todo = req.includedFiles();
    if (todo.isEmpty()) {
      return EngineResult.ran(NAME, List.of(), 0, "files", List.of());
    }
    long start = System.nanoTime();
    ctx.log().info("LeakGuard [source]: analysing " + EngineResult.plural(todo.size(), "file") + " of " + req.module());
    List<Path> all = req.files().stream().map(InputFile::file).toList();
    // the engine's passes and the per-file analysis below on the same threads
    int threads = SourceEngine.Options.defaultThreads();
    Preparing preparing = new Preparing(ctx, start);
    java.util.concurrent.ScheduledExecutorService ticks =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "leakguard-source-progress");
              t.setDaemon(true);
              return t;
            });
    SourceEngine engine;
    try {
      ticks.scheduleAtFixedRate(preparing::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
      engine =
          SourceEngine.create(
              req.model(), req.reportRoot(), all,
              SourceEngine.Options.defaults()
                  .withPoolSizeCeiling(req.poolSizeCeiling())
                  .withClassPath(req.classpath())
                  .withEncoding(encoding(req, ctx))
                  .withThreads(threads),
              preparing);
    } finally {
      ticks.shutdownNow();
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads, r -> {
              Thread t = new Thread(null, r, "leakguard-source-" + n.incrementAndGet(), SourceEngine.WORKER_STACK_BYTES);
              t.setDaemon(true);
              return t;
            });
    List<ReportedFinding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int skipped = 0;
    try {
      List<Future<SourceEngine.FileResult>> futures = new ArrayList<>();
      for (InputFile f : todo) {
        futures.add(pool.submit(() -> engine.analyze(f.file())));
      }
      long lines = 0;
      long lastLine = System.nanoTime();
      for (int i = 0; i < futures.size(); i++) {
        InputFile f = todo.get(i);
        try {
          SourceEngine.FileResult r = futures.get(i).get();
          lines += r.lines();
          if (r.skipped() != null) {
            notes.add(f.reportPath() + ": not analysed by the source engine: " + r.skipped());
            skipped += SourceEngine.losesCode(r.skipped()) ? 1 : 0;
          } else {
            findings.addAll(r.findings());
          }
          for (String note : r.notes()) {
            notes.add(f.reportPath() + ": " + note);
          }
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          notes.add(f.reportPath() + ": not analysed by the source engine (internal error: "
              + dev.leakguard.maven.AnalysisExecutor.internalError(c) + ")");
          skipped++;
        }
        long now = System.nanoTime();
        if (now - lastLine >= PROGRESS_EVERY_NANOS && i + 1 < futures.size()) {
          lastLine = now;
          ctx.log().info(String.format(Locale.ROOT, "LeakGuard [source]: %d/%d files, %d lines, %.0f s",
              i + 1, todo.size(), lines, (now - start) / 1e9));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    findings = SourceSuppressions.apply(findings, req.files(), ErrorProneEngine.charset(req.javaLevel()));
    ctx.log().info(String.format(Locale.ROOT, "LeakGuard [source]: %s in %s (%.1f s)",
        EngineResult.count(findings.size()), EngineResult.plural(todo.size(), "file"), (System.nanoTime() - start) / 1e9));
    return EngineResult.ran(NAME, findings, todo.size(), "files", notes, skipped);
  }
}
