package dev.leakguard.maven;

import dev.leakguard.core.model.ModelException;
import dev.leakguard.core.pool.PoolRules;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.maven.engine.EngineContext;
import dev.leakguard.maven.engine.Engines;
import dev.leakguard.maven.engine.ErrorProneEngine;
import dev.leakguard.maven.engine.SourceCodeEngine;
import dev.leakguard.maven.engine.SpotBugsEngine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/** The parameters both goals share, and the request they build from the project. */
abstract class AbstractLeakGuardMojo extends AbstractMojo {
  /** The name of the baseline file looked for in each module when {@code baseline} is not set. */
  static final String DEFAULT_BASELINE = "leakguard-baseline.txt";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  protected PluginDescriptor plugin;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  protected RepositorySystemSession repositorySession;

  @Component protected RepositorySystem repositorySystem;

  /** Resolves the test-scope dependencies, and only when the test sources are analysed. */
  @Component protected org.apache.maven.project.ProjectDependenciesResolver dependenciesResolver;

  /** Skips LeakGuard entirely. */
  @Parameter(property = "leakguard.skip", defaultValue = "false")
  protected boolean skip;

  /**
   * The engines to run, comma-separated: {@code errorprone} (javac + Error Prone, forked),
   * {@code spotbugs} (bytecode, needs compiled classes and LeakGuard's SpotBugs plugin in the
   * repositories), {@code source} (JavaParser, in process; library calls resolve through the
   * module's class path). Default: {@code errorprone,spotbugs}, or {@code errorprone,source} when
   * the SpotBugs plugin cannot be resolved.
   */
  @Parameter(property = "leakguard.engines")
  protected String engines;

  /**
   * Your own resource model files (pool helpers, DAO factories, wrappers), merged with the
   * built-in model in order; format: docs/model-format.md. A malformed file fails the build with
   * its file and line.
   */
  @Parameter(property = "leakguard.modelFiles")
  protected List<File> modelFiles;

  /**
   * Ant-style globs of the source files to analyse, matched against the path below the source root
   * ({@code com/acme/**}) or below the module ({@code src/main/java/com/acme/**}). Default: all.
   * Configuration files are matched the same way, by their path below the resource directory
   * ({@code application.yml}) or below the module ({@code src/main/resources/application.yml}).
   */
  @Parameter(property = "leakguard.includes")
  protected List<String> includes;

  /**
   * Globs of source files whose findings are not reported (same syntax as {@code includes}).
   * Sources generated below the build directory are always left out.
   */
  @Parameter(property = "leakguard.excludes")
  protected List<String> excludes;

  /** Also analyse the test sources (compiled against the test class path). */
  @Parameter(property = "leakguard.includeTests", defaultValue = "false")
  protected boolean includeTests;

  /**
   * The Error Prone release the errorprone engine runs. Default: the release LeakGuard is built
   * against on JDK 17-20, a newer release on JDK 21 and newer (Error Prone 2.43+ needs JDK 21).
   */
  @Parameter(property = "leakguard.errorproneVersion")
  protected String errorproneVersion;

  /**
   * Check the connection-pool settings in the configuration files of the module's main resource
   * directories: Spring Boot {@code application*.properties} and {@code application*.yml}
   * (profiles included) and plain {@code hikari*.properties}, {@code dbcp*.properties} and
   * {@code c3p0*.properties}. A file that is not valid properties or YAML is a warning naming the
   * file and line; the build goes on.
   */
  @Parameter(property = "leakguard.poolConfig", defaultValue = "true")
  protected boolean poolConfig;

  /**
   * The largest maximum pool size a pool may be configured with (in a configuration file or in
   * Java code) without a JdbcPoolSizeOutOfRange finding. At least 2.
   */
  @Parameter(
      property = "leakguard.poolSizeCeiling",
      defaultValue = "" + PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING)
  protected int poolSizeCeiling = PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING;

  /** The module's build output directory. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  protected File buildDirectory;

  /** Builds the request for this module; configuration errors are MojoExecutionExceptions with the fix. */
  protected final AnalysisRequest buildRequest(EngineContext ctx) throws MojoExecutionException {
    checkPoolSizeCeiling(poolSizeCeiling);
    List<String> engineNames = engineNames(ctx);
    List<Path> models = new ArrayList<>();
    if (modelFiles != null) {
      for (File f : modelFiles) {
        if (f != null && !f.getPath().isBlank()) {
          models.add(resolve(f));
        }
      }
    }
    ResourceModel model;
    try {
      model = ResourceModel.withUserFiles(models);
    } catch (ModelException e) {
      throw new MojoExecutionException(
          "LeakGuard: the model file given in leakguard.modelFiles is not valid: " + e.getMessage()
              + " (format: docs/model-format.md)", e);
    }
    Path root = ProjectInputs.reportRoot(session);
    List<InputFile> files;
    List<InputFile> configFiles = List.of();
    List<Path> classpath = new ArrayList<>();
    List<Path> classesDirs = new ArrayList<>();
    Path output = Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath().normalize();
    Path testOutput = Path.of(project.getBuild().getTestOutputDirectory()).toAbsolutePath().normalize();
    try {
      files = new ArrayList<>(ProjectInputs.sourceFiles(project, root, project.getCompileSourceRoots(), false));
      classesDirs.add(output);
      List<String> elements;
      if (includeTests) {
        files.addAll(ProjectInputs.sourceFiles(project, root, project.getTestCompileSourceRoots(), true));
        classesDirs.add(testOutput);
        elements = testClasspathElements();
      } else {
        elements = project.getCompileClasspathElements();
      }
      Set<Path> seen = new LinkedHashSet<>();
      for (String e : elements) {
        Path p = Path.of(e).toAbsolutePath().normalize();
        if (!p.equals(output) && !p.equals(testOutput) && Files.exists(p)) {
          seen.add(p);
        }
      }
      classpath.addAll(seen);
      if (poolConfig) {
        // the main resources only: test resources configure the tests' own throw-away pools
        configFiles = ProjectInputs.configFiles(
            project.getResources(), project.getBasedir().toPath(), buildDirectory.toPath(), root);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("LeakGuard: cannot list the sources and resources of " + project.getArtifactId() + ": " + e, e);
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("LeakGuard: the dependencies of " + project.getArtifactId()
          + " are not resolved: " + e.getMessage(), e);
    }
    String ep = errorproneVersion == null || errorproneVersion.isBlank()
        ? PluginInfo.defaultErrorproneVersion(ctx.jdkFeature())
        : errorproneVersion.trim();
    return new AnalysisRequest(
        project.getArtifactId(),
        project.getBasedir().toPath().toAbsolutePath().normalize(),
        buildDirectory.toPath().toAbsolutePath().normalize().resolve("leakguard"),
        root,
        List.copyOf(files),
        List.copyOf(classesDirs),
        List.copyOf(classpath),
        ProjectInputs.javaLevel(project, session),
        engineNames,
        List.copyOf(models),
        model,
        ep,
        new PathFilter(includes, withGeneratedSources(excludes)),
        List.copyOf(configFiles),
        poolSizeCeiling);
  }

  /** The pool size ceiling must leave a pool at least two connections. */
  static void checkPoolSizeCeiling(int ceiling) throws MojoExecutionException {
    if (ceiling < 2) {
      throw new MojoExecutionException("LeakGuard: leakguard.poolSizeCeiling must be at least 2, not " + ceiling
          + " (it is the largest maximum pool size accepted without a JdbcPoolSizeOutOfRange finding;"
          + " default " + PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING + ")");
    }
  }

  /**
   * Nothing for the goal to do: no Java sources, and no configuration files to check. (A module
   * with configuration files but no Java sources gets only the configuration checks.)
   */
  static boolean nothingToAnalyse(AnalysisRequest request) {
    return request.files().isEmpty() && request.configFiles().isEmpty();
  }

  /** Fails when the module has Java sources but no engine could analyse them. */
  static void requireAnEngine(AnalysisRequest request, AnalysisResult result) throws MojoExecutionException {
    if (!request.files().isEmpty() && !result.javaEngineRan()) {
      throw new MojoExecutionException("LeakGuard: no engine could analyse " + request.module()
          + "; see the warnings above");
    }
  }

  /**
   * Generated sources (below the build directory) are compiled with the rest but not reported:
   * nobody fixes a leak there by hand.
   */
  private List<String> withGeneratedSources(List<String> configured) {
    List<String> all = new ArrayList<>();
    if (configured != null) {
      all.addAll(configured);
    }
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path build = buildDirectory.toPath().toAbsolutePath().normalize();
    if (build.startsWith(base) && !build.equals(base)) {
      all.add(base.relativize(build).toString().replace(File.separatorChar, '/') + "/");
    }
    return all;
  }

  /**
   * The test class path, resolved here: the goal asks Maven for the compile scope only, so a
   * test-only dependency that cannot be resolved fails nothing unless the tests are analysed.
   */
  private List<String> testClasspathElements() throws MojoExecutionException {
    org.apache.maven.project.DefaultDependencyResolutionRequest request =
        new org.apache.maven.project.DefaultDependencyResolutionRequest(project, repositorySession);
    org.apache.maven.project.DependencyResolutionResult result;
    try {
      result = dependenciesResolver.resolve(request);
    } catch (org.apache.maven.project.DependencyResolutionException e) {
      throw new MojoExecutionException(
          "LeakGuard: the test dependencies of " + project.getArtifactId() + " cannot be resolved,"
              + " and leakguard.includeTests=true needs them: " + e.getMessage(), e);
    }
    List<String> out = new ArrayList<>();
    out.add(project.getBuild().getTestOutputDirectory());
    out.add(project.getBuild().getOutputDirectory());
    for (org.eclipse.aether.graph.Dependency d : result.getDependencies()) {
      if (d.getArtifact() != null && d.getArtifact().getFile() != null) {
        out.add(d.getArtifact().getFile().getPath());
      }
    }
    return out;
  }

  /** The engines to run, logged with why they were chosen. */
  private List<String> engineNames(EngineContext ctx) throws MojoExecutionException {
    if (engines != null && !engines.isBlank()) {
      try {
        List<String> names = Engines.parse(engines);
        getLog().info("LeakGuard: engines " + String.join(", ", names) + " (set by leakguard.engines)");
        return names;
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("LeakGuard: " + e.getMessage());
      }
    }
    boolean spotbugs = Engines.byName(SpotBugsEngine.NAME).isAvailable(ctx);
    List<String> names = List.of(ErrorProneEngine.NAME, spotbugs ? SpotBugsEngine.NAME : SourceCodeEngine.NAME);
    getLog().info("LeakGuard: engines " + String.join(", ", names) + " (the default"
        + (spotbugs
            ? ": LeakGuard's SpotBugs plugin " + PluginInfo.version() + " resolved; set leakguard.engines to choose)"
            : " without LeakGuard's SpotBugs plugin " + PluginInfo.version() + ", which does not resolve from the"
                + " build's repositories; set leakguard.engines to choose)"));
    return names;
  }

  private Path resolve(File f) {
    Path p = f.toPath();
    return (p.isAbsolute() ? p : project.getBasedir().toPath().resolve(p)).toAbsolutePath().normalize();
  }

  protected final EngineContext engineContext() {
    return new MavenEngineContext(getLog(), repositorySystem, repositorySession, project, plugin);
  }

  /** The baseline to apply: the configured file (which must exist) or the module's default file if present. */
  protected final Path baselineFile(File configured, boolean mustExist) throws MojoExecutionException {
    if (configured != null && !configured.getPath().isBlank()) {
      Path p = resolve(configured);
      if (mustExist && !Files.isRegularFile(p)) {
        throw new MojoExecutionException("LeakGuard: the baseline file " + p + " (leakguard.baseline) does not exist;"
            + " create it with 'mvn leakguard:baseline'");
      }
      return p;
    }
    Path p = project.getBasedir().toPath().resolve(DEFAULT_BASELINE).toAbsolutePath().normalize();
    return mustExist && !Files.isRegularFile(p) ? null : p;
  }
}
