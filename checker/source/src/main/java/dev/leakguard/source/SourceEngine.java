package dev.leakguard.source;

import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Path;
import java.util.List;

/**
 * The source-level engine: parses Java files with JavaParser and runs the core analysis on every
 * method, lambda and anonymous-class method, with no classpath. Thread-safe: one instance can
 * analyse files in parallel.
 *
 * <p>Usage: build once over the whole source tree (a first pass collects the methods of every
 * file so that helpers and factories in other files of the tree are summarised), then analyse
 * each file.
 */
public final class SourceEngine {
  private final ResourceModel model;
  private final SourceTree tree;

  private SourceEngine(ResourceModel model, SourceTree tree) {
    this.model = model;
    this.tree = tree;
  }

  /**
   * Prepares the engine for the given files. {@code root} is the directory that report paths are
   * made relative to (the repository root).
   */
  public static SourceEngine create(ResourceModel model, Path root, List<Path> files) {
    return create(model, root, files, SourceTree.DEFAULT_MAX_FILE_BYTES);
  }

  /** As {@link #create(ResourceModel, Path, List)}, skipping files larger than {@code maxFileBytes}. */
  public static SourceEngine create(ResourceModel model, Path root, List<Path> files, long maxFileBytes) {
    return new SourceEngine(model, SourceTree.index(model, root, files, maxFileBytes));
  }

  /** Analyses one file; never throws for bad input: a file that cannot be read or parsed is skipped with the reason. */
  public FileResult analyze(Path file) {
    return tree.analyze(file);
  }

  public ResourceModel model() {
    return model;
  }

  /**
   * What the engine found in one file.
   *
   * @param file the file as given
   * @param path the report path (relative to the root, '/' separators)
   * @param findings the findings, sorted by line; engine "source"
   * @param skipped null, or why the file was skipped (not UTF-8, does not parse, too large, ...)
   * @param lines number of lines of the file (for throughput numbers)
   * @param notes methods of the file that could not be analysed, each with the reason (an
   *     internal error on odd code); the rest of the file was analysed
   */
  public record FileResult(
      Path file, String path, List<ReportedFinding> findings, String skipped, int lines, List<String> notes) {}
}
