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
   * Prepares an analyzer over a whole set of files (the engine indexes them all first); {@code
   * poolSizeCeiling} is the largest maximum pool size Java code may set without a finding; calls
   * into the jars and class directories of {@code classPath} resolve to what they declare.
   */
  @FunctionalInterface
  interface Factory {
    Analyzer create(
        ResourceModel model, Path root, List<Path> files, int poolSizeCeiling, List<Path> classPath);
  }

  /** The source engine; the CLI applies --max-file-size itself before the engine sees a file. */
  static Factory sourceEngine() {
    return (model, root, files, poolSizeCeiling, classPath) ->
        SourceEngine.create(
                model,
                root,
                files,
                SourceEngine.Options.defaults()
                    .withMaxFileBytes(Long.MAX_VALUE)
                    .withPoolSizeCeiling(poolSizeCeiling)
                    .withClassPath(classPath))
            ::analyze;
  }
}
