package dev.leakguard.maven;

import dev.leakguard.core.model.ResourceModel;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the engines need to analyse one module, built by the mojo from the Maven project.
 *
 * @param module the module's name for messages (its artifactId)
 * @param basedir the module's base directory
 * @param workDir where engines keep their intermediate files ({@code target/leakguard})
 * @param reportRoot the directory report paths are relative to (the repository root)
 * @param files every Java source file of the module (main, and test when requested)
 * @param classesDirs compiled classes of those sources (for the bytecode engine)
 * @param classpath the dependencies the sources compile against (no output directories of the module)
 * @param javaLevel the module's compiler settings
 * @param engines the engines to run, in order
 * @param modelFiles the user's model files (already validated)
 * @param model the built-in model merged with {@code modelFiles}
 * @param errorproneVersion the Error Prone release to run
 * @param filter includes/excludes
 * @param configFiles the connection-pool configuration files of the main resources (none when the
 *     pool-configuration checks are off)
 * @param poolSizeCeiling the largest maximum pool size accepted without a finding, for the
 *     configuration files and every engine
 */
public record AnalysisRequest(
    String module,
    Path basedir,
    Path workDir,
    Path reportRoot,
    List<InputFile> files,
    List<Path> classesDirs,
    List<Path> classpath,
    JavaLevel javaLevel,
    List<String> engines,
    List<Path> modelFiles,
    ResourceModel model,
    String errorproneVersion,
    PathFilter filter,
    List<InputFile> configFiles,
    int poolSizeCeiling) {

  /** The source files the filter keeps. */
  public List<InputFile> includedFiles() {
    return files.stream().filter(filter::accepts).toList();
  }

  /** The configuration files the filter keeps. */
  public List<InputFile> includedConfigFiles() {
    return configFiles.stream().filter(filter::accepts).toList();
  }
}
