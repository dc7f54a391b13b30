package dev.leakguard.source.cli;

import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.source.SourceEngine;
import dev.leakguard.source.SourceEngine.FileResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Analyses files on a pool of threads and returns one outcome per file, in input order whatever
 * the order they finish in. A file whose analysis fails (an engine defect on odd code, a stack
 * overflow on absurdly deep nesting) is skipped with the reason; the others go on.
 */
final class ScanRunner {
  /**
   * @param path report path
   * @param findings the file's findings
   * @param skipped null, or why the file was not analysed
   * @param lines the file's line count
   * @param notes parts of the file (methods) that could not be analysed, with the reason
   */
  record Outcome(String path, List<ReportedFinding> findings, String skipped, int lines, List<String> notes) {}

  private ScanRunner() {}

  static List<Outcome> run(
      Analyzer analyzer, List<Path> files, Path root, int threads, Progress progress)
      throws InterruptedException {
    Outcome[] outcomes = new Outcome[files.size()];
    if (files.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), workers());
    try {
      CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < files.size(); i++) {
        int index = i;
        done.submit(
            () -> {
              outcomes[index] = analyzeOne(analyzer, files.get(index), root);
              return index;
            });
      }
      long lines = 0;
      for (int n = 1; n <= files.size(); n++) {
        try {
          lines += outcomes[done.take().get()].lines();
        } catch (ExecutionException e) {
          throw new IllegalStateException("a scan worker failed", e.getCause());
        }
        progress.update(n, lines);
      }
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
    List<Outcome> list = new ArrayList<>(outcomes.length);
    for (Outcome o : outcomes) {
      list.add(o);
    }
    return list;
  }

  private static Outcome analyzeOne(Analyzer analyzer, Path file, Path root) {
    String path = ReportPaths.of(root, file);
    try {
      FileResult r = analyzer.analyze(file);
      if (r == null) {
        return new Outcome(path, List.of(), "the analysis returned nothing", 0, List.of());
      }
      List<String> notes = r.notes() == null ? List.of() : r.notes();
      if (r.skipped() != null) {
        return new Outcome(path, List.of(), reason(r.skipped()), r.lines(), notes);
      }
      return new Outcome(path, r.findings() == null ? List.of() : r.findings(), null, r.lines(), notes);
    } catch (StackOverflowError e) {
      return new Outcome(path, List.of(), "too deeply nested to analyse", 0, List.of());
    } catch (RuntimeException | LinkageError e) {
      return new Outcome(path, List.of(), "internal error: " + e, 0, List.of());
    }
  }

  /** The engine says "is not valid UTF-8"; the skip line reads better without the verb. */
  static String reason(String engineReason) {
    String r = engineReason.strip();
    if (r.equals("is empty")) {
      return "empty file";
    }
    return r.startsWith("is ") ? r.substring(3) : r;
  }

  private static ThreadFactory workers() {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(null, task, "leakguard-scan-" + n.incrementAndGet(), SourceEngine.WORKER_STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }
}
