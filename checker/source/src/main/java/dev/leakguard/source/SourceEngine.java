package dev.leakguard.source;

import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.pool.PoolRules;
import dev.leakguard.core.report.ReportedFinding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The source-level engine: parses Java files with JavaParser and runs the core analysis on every
 * method, lambda and anonymous-class method, with no classpath, and checks the connection-pool
 * settings each of them sets in code (the {@code JdbcPool*} ids). Thread-safe: one instance can
 * analyse files in parallel.
 *
 * <p>Usage: build once over the whole source tree (a first pass collects the methods of every
 * file so that helpers and factories in other files of the tree are summarised), then analyse
 * each file.
 */
public final class SourceEngine {
  /**
   * The stack of the threads that analyse: deep expression nesting recurses deeply in the parser,
   * and summaries of long call chains nest deeply. Every caller that runs {@link #analyze} on its
   * own threads gives them this much.
   */
  public static final long WORKER_STACK_BYTES = 512L << 20;

  private final ResourceModel model;
  private final SourceTree tree;
  private final Options options;

  /**
   * How the engine runs.
   *
   * @param maxFileBytes files larger than this are skipped (generated code, data)
   * @param poolSizeCeiling the largest maximum pool size that Java code may set without a {@code
   *     JdbcPoolSizeOutOfRange} finding; at least 2
   * @param classPath jars and class directories whose compiled types calls may resolve to (the
   *     project's dependencies); empty: the JDK's types only
   * @param encoding the encoding of the source files (UTF-8 unless the build says otherwise); a
   *     file that is not valid in it is skipped with that reason
   * @param threads how many threads the passes that prepare the analysis (parsing and indexing
   *     every file, gathering what callers close) run on; at least 1. The caller of {@link
   *     #analyze} decides the threads of the last pass: give the same number
   * @param unitCacheBytes how much heap the parsed files kept between passes may take (estimated;
   *     a file not kept is parsed again when a pass needs it); at least 0, or {@link
   *     #AUTOMATIC_UNIT_CACHE} (the default): half the heap at first, less when the heap gets full
   */
  public record Options(
      long maxFileBytes,
      int poolSizeCeiling,
      List<Path> classPath,
      Charset encoding,
      int threads,
      long unitCacheBytes) {
    /** Throws {@link IllegalArgumentException}, naming the option, for a value the engine cannot use. */
    public Options {
      if (maxFileBytes < 1) {
        throw new IllegalArgumentException("the largest file size must be at least 1 byte, not " + maxFileBytes);
      }
      if (poolSizeCeiling < 2) {
        throw new IllegalArgumentException("the pool size ceiling must be at least 2, not " + poolSizeCeiling);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("the thread count must be at least 1, not " + threads);
      }
      if (unitCacheBytes < AUTOMATIC_UNIT_CACHE) {
        throw new IllegalArgumentException("the parsed-file cache must not be negative, not " + unitCacheBytes);
      }
      classPath = List.copyOf(classPath);
      java.util.Objects.requireNonNull(encoding, "encoding");
    }

    /** With {@link #defaultThreads()} threads and the default parsed-file cache. */
    public Options(long maxFileBytes, int poolSizeCeiling, List<Path> classPath, Charset encoding) {
      this(maxFileBytes, poolSizeCeiling, classPath, encoding, defaultThreads(), AUTOMATIC_UNIT_CACHE);
    }

    /** The parsed-file cache sized by the engine as it runs (see {@link Options}). */
    public static final long AUTOMATIC_UNIT_CACHE = -1;

    /** One thread per core, at most 4. */
    public static int defaultThreads() {
      return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
    }

    /** Files up to 2 MB, the pool size ceiling of {@link PoolRules#DEFAULT_MAX_POOL_SIZE_CEILING}. */
    public static Options defaults() {
      return new Options(
          SourceTree.DEFAULT_MAX_FILE_BYTES, PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING, List.of(), StandardCharsets.UTF_8);
    }

    public Options withMaxFileBytes(long bytes) {
      return new Options(bytes, poolSizeCeiling, classPath, encoding, threads, unitCacheBytes);
    }

    public Options withPoolSizeCeiling(int ceiling) {
      return new Options(maxFileBytes, ceiling, classPath, encoding, threads, unitCacheBytes);
    }

    /** With the compiled types of these jars and class directories known (see {@link Options}). */
    public Options withClassPath(List<Path> entries) {
      return new Options(maxFileBytes, poolSizeCeiling, entries, encoding, threads, unitCacheBytes);
    }

    /** With the source files read in {@code charset}. */
    public Options withEncoding(Charset charset) {
      return new Options(maxFileBytes, poolSizeCeiling, classPath, charset, threads, unitCacheBytes);
    }

    /** With the passes before {@link #analyze} on {@code count} threads (see {@link Options}). */
    public Options withThreads(int count) {
      return new Options(maxFileBytes, poolSizeCeiling, classPath, encoding, count, unitCacheBytes);
    }

    /** With at most {@code bytes} of heap for parsed files kept between passes (see {@link Options}). */
    public Options withUnitCacheBytes(long bytes) {
      return new Options(maxFileBytes, poolSizeCeiling, classPath, encoding, threads, bytes);
    }
  }

  private SourceEngine(ResourceModel model, SourceTree tree, Options options) {
    this.model = model;
    this.tree = tree;
    this.options = options;
  }

  /**
   * Prepares the engine for the given files. {@code root} is the directory that report paths are
   * made relative to (the repository root).
   */
  public static SourceEngine create(ResourceModel model, Path root, List<Path> files) {
    return create(model, root, files, Options.defaults());
  }

  /** As {@link #create(ResourceModel, Path, List)}, skipping files larger than {@code maxFileBytes}. */
  public static SourceEngine create(ResourceModel model, Path root, List<Path> files, long maxFileBytes) {
    return create(model, root, files, Options.defaults().withMaxFileBytes(maxFileBytes));
  }

  /** As {@link #create(ResourceModel, Path, List)}, with the given options. */
  public static SourceEngine create(ResourceModel model, Path root, List<Path> files, Options options) {
    return create(model, root, files, options, Preparation.SILENT);
  }

  /**
   * As {@link #create(ResourceModel, Path, List, Options)}, telling {@code progress} how the passes
   * that prepare the analysis advance (on a large tree they take most of the time).
   */
  public static SourceEngine create(
      ResourceModel model, Path root, List<Path> files, Options options, Preparation progress) {
    return new SourceEngine(model, SourceTree.index(model, root, files, options, progress), options);
  }

  /**
   * Told how the passes before {@link #analyze} advance, for a progress display: once per file of
   * each pass, from the engine's threads (so it must be thread-safe and quick).
   */
  @FunctionalInterface
  public interface Preparation {
    /** The pass that parses and indexes every file. */
    String INDEXING = "indexing";

    /** The pass that finds which results the callers in the tree close. */
    String TRACING = "tracing callers";

    /** Tells nothing. */
    Preparation SILENT = (pass, done, total, lines) -> {};

    /** {@code done} of the {@code total} files of {@code pass} are finished, {@code lines} lines in all. */
    void advanced(String pass, int done, int total, long lines);
  }

  /**
   * True if a file skipped for {@code skipReason} had code in it that went unanalysed (it does not
   * parse, is not valid in the encoding, is too large), false for an empty or blank file.
   */
  public static boolean losesCode(String skipReason) {
    return skipReason != null && !skipReason.startsWith("empty") && !skipReason.startsWith("is empty");
  }

  /** Analyses one file; never throws for bad input: a file that cannot be read or parsed is skipped with the reason. */
  public FileResult analyze(Path file) {
    return tree.analyze(file);
  }

  /** How many methods were lowered ahead of their summaries (see SourceTree#lowerAhead). */
  long loweredAhead() {
    return tree.loweredAhead();
  }

  public ResourceModel model() {
    return model;
  }

  public Options options() {
    return options;
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
