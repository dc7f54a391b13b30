package dev.leakguard.source.cli;

import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.source.SourceEngine;
import dev.leakguard.source.SourceEngine.FileResult;
import java.nio.file.Path;
import java.util.List;

/** Analyses one file; the CLI's view of {@link SourceEngine}, so tests can put a stand-in there. */
@FunctionalInterface
interface Analyzer {
  FileResult analyze(Path file);

  /**
   * Prepares an analyzer over a whole set of files (the engine indexes them all first), with the
   * scan's options: the pool size ceiling, the class path its calls may resolve into, and the
   * source encoding (the CLI applies --max-file-size itself), telling {@code progress} how the
   * preparing passes advance.
   */
  @FunctionalInterface
  interface Factory {
    Analyzer create(
        ResourceModel model,
        Path root,
        List<Path> files,
        SourceEngine.Options options,
        SourceEngine.Preparation progress);
  }

  /** The source engine; the CLI applies --max-file-size itself before the engine sees a file. */
  static Factory sourceEngine() {
    return (model, root, files, options, progress) ->
        SourceEngine.create(model, root, files, options.withMaxFileBytes(Long.MAX_VALUE), progress)::analyze;
  }
}
