package dev.leakguard.maven.engine;

import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.pool.PoolSetters;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.AnalysisRequest;
import dev.leakguard.maven.InputFile;
import dev.leakguard.maven.JavaLevel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/**
 * The Error Prone engine: compiles the module's sources once more, in a forked JVM, with javac +
 * Error Prone + only LeakGuard's checks ({@code LeakGuardJavac}), against the module's class path
 * and with its release, source, target and encoding. The compilation stops after flow analysis,
 * so it writes no class files; the project's own compiler settings and output are untouched.
 * Error Prone itself is resolved from the build's repositories in the configured version.
 */
public final class ErrorProneEngine implements Engine {
  public static final String NAME = "errorprone";
  static final String MAIN_CLASS = "dev.leakguard.errorprone.LeakGuardJavac";
  /** The Error Prone flag of the pool size ceiling ({@code -XepOpt:LeakGuard:PoolSizeCeiling=N}). */
  static final String POOL_SIZE_CEILING_FLAG = "LeakGuard:PoolSizeCeiling";

  /** javac internals Error Prone uses, opened to it in the forked JVM. */
  static final List<String> JVM_FLAGS =
      List.of(
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");

  /** Failures that mean this Error Prone cannot run on this JDK, rather than a problem of the code. */
  private static final List<String> LINKAGE_MARKERS =
      List.of(
          "UnsupportedClassVersionError",
          "NoSuchMethodError",
          "NoSuchFieldError",
          "NoClassDefFoundError",
          "IllegalAccessError",
          "AbstractMethodError",
          "IncompatibleClassChangeError",
          "ClassNotFoundException",
          "Could not find or load main class",
          "Error occurred during initialization of boot layer");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EngineResult run(AnalysisRequest req, EngineContext ctx) throws InterruptedException {
    String epVersion = req.errorproneVersion();
    String who = "Error Prone " + epVersion + " on JDK " + ctx.jdkFeature();
    if (req.files().isEmpty()) {
      return EngineResult.ran(NAME, List.of(), 0, "files", List.of());
    }
    if (!mentionsResources(req.files(), req.model(), charset(req.javaLevel()))) {
      ctx.log().info("LeakGuard [errorprone]: no source file of " + req.module()
          + " names a JDBC resource type; nothing to compile");
      return EngineResult.ran(NAME, List.of(), req.files().size(), "files", List.of());
    }
    List<Path> runnerClasspath = new ArrayList<>();
    try {
      runnerClasspath.addAll(ctx.resolve("com.google.errorprone:error_prone_core:" + epVersion));
    } catch (EngineContext.ResolutionException e) {
      return EngineResult.unavailable(
          NAME, "Error Prone " + epVersion + " cannot be resolved (" + firstLine(e.getMessage()) + ")");
    }
    for (String ga : List.of("dev.leakguard:leakguard-errorprone", "dev.leakguard:leakguard-core")) {
      Optional<Path> jar = ctx.pluginDependency(ga);
      if (jar.isEmpty()) {
        return EngineResult.unavailable(NAME, "the plugin's dependency " + ga + " is missing");
      }
      runnerClasspath.add(0, jar.get());
    }
    int needs = requiredJdk(runnerClasspath);
    if (needs > ctx.jdkFeature()) {
      return EngineResult.unavailable(
          NAME,
          "Error Prone " + epVersion + " needs JDK " + needs + " or newer, but this build runs on JDK "
              + ctx.jdkFeature() + "; set leakguard.errorproneVersion to an older release or run Maven on JDK "
              + needs + "+");
    }
    String release = req.javaLevel().release();
    if (release != null && feature(release) > ctx.jdkFeature()) {
      return EngineResult.unavailable(
          NAME, "the module compiles for Java " + release + ", newer than the JDK " + ctx.jdkFeature()
              + " running this build");
    }

    Path sarif = req.workDir().resolve("errorprone.sarif");
    List<String> args = new ArrayList<>(JVM_FLAGS);
    args.addAll(ForkedJvm.tuning(req.files().size()));
    args.add("-Xss8m");
    args.add("-cp");
    args.add(join(runnerClasspath));
    args.add(MAIN_CLASS);
    args.add("--root");
    args.add(req.reportRoot().toString());
    args.add("--sarif");
    args.add(sarif.toString());
    args.add("--fail-on");
    args.add("never");
    if (!req.modelFiles().isEmpty()) {
      args.add("--model");
      args.add(req.modelFiles().stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    args.add("--");
    args.addAll(javacOptions(req));
    for (InputFile f : req.files()) {
      args.add(f.file().toString());
    }
    ctx.log().info("LeakGuard [errorprone]: compiling " + EngineResult.plural(req.files().size(), "file") + " of "
        + req.module() + " with " + who);
    ForkedJvm.Outcome o;
    try {
      Files.deleteIfExists(sarif);
      o = ForkedJvm.run(
          ctx.javaExecutable(), args, req.workDir(), "errorprone",
          s -> ctx.log().info("LeakGuard [errorprone]: still compiling " + req.module() + " (" + s + " s)"));
    } catch (IOException e) {
      return EngineResult.unavailable(NAME, "cannot start " + ctx.javaExecutable() + " (" + e.getMessage() + ")");
    }
    List<String> notes = new ArrayList<>();
    String linkage = linkageProblem(o.stderr());
    if (linkage != null && (o.exitCode() > 2 || !Files.exists(sarif))) {
      return EngineResult.unavailable(NAME, who + " cannot run (" + linkage + ")");
    }
    if (!Files.exists(sarif)) {
      return EngineResult.unavailable(
          NAME, who + " ended with exit code " + o.exitCode() + " and no report: "
              + firstLines(o.stderr(), 5) + " (log: " + req.workDir().resolve("errorprone.err.log") + ")");
    }
    if (o.exitCode() == 2) {
      notes.add("the sources of " + req.module() + " did not compile in the analysis compiler, so its findings"
          + " may be incomplete: " + firstLines(compileErrors(o.stderr()), 3)
          + " (log: " + req.workDir().resolve("errorprone.err.log") + ")");
    }
    for (String line : o.stderr().split("\r?\n")) {
      if (line.contains("LeakGuard") && line.contains("note:")) {
        notes.add(line.trim());
      }
    }
    List<ReportedFinding> findings;
    try {
      findings = SarifResults.read(sarif, NAME);
    } catch (IOException e) {
      return EngineResult.unavailable(NAME, "cannot read its report " + sarif + " (" + e.getMessage() + ")");
    }
    ctx.log().info(String.format(Locale.ROOT, "LeakGuard [errorprone]: %s in %s (%.1f s)",
        EngineResult.count(findings.size()), EngineResult.plural(req.files().size(), "file"), o.seconds()));
    return EngineResult.ran(NAME, findings, req.files().size(), "files", notes);
  }

  /** The javac options that repeat the module's compilation, stopping after flow analysis. */
  static List<String> javacOptions(AnalysisRequest req) {
    List<String> opts = new ArrayList<>();
    JavaLevel level = req.javaLevel();
    opts.add("-d");
    opts.add(req.workDir().resolve("errorprone-classes").toString());
    opts.add("-implicit:none");
    opts.add("-XDshould-stop.ifNoError=FLOW");
    opts.add("-XDshould-stop.ifError=FLOW");
    opts.add("-Xmaxerrs");
    opts.add("20");
    opts.add("-nowarn");
    opts.add("-Xlint:none");
    if (level.release() != null) {
      opts.add("--release");
      opts.add(atLeast8(level.release()));
    } else {
      if (level.source() != null) {
        opts.add("-source");
        opts.add(atLeast8(level.source()));
      }
      if (level.target() != null) {
        opts.add("-target");
        opts.add(atLeast8(level.target()));
      }
    }
    if (level.enablePreview()) {
      opts.add("--enable-preview");
    }
    opts.add("-encoding");
    opts.add(charset(level).name());
    opts.add("-classpath");
    opts.add(join(req.classpath()));
    opts.add("-XepOpt:" + POOL_SIZE_CEILING_FLAG + "=" + req.poolSizeCeiling());
    return opts;
  }

  /** Levels below 8 are no longer accepted by javac 17+; the analysis does not depend on them. */
  private static String atLeast8(String level) {
    String v = level.trim();
    if (v.startsWith("1.")) {
      v = v.substring(2);
    }
    try {
      return Integer.parseInt(v) < 8 ? "8" : v;
    } catch (NumberFormatException e) {
      return level.trim();
    }
  }

  private static int feature(String level) {
    String v = level.trim().startsWith("1.") ? level.trim().substring(2) : level.trim();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Charset charset(JavaLevel level) {
    if (level.encoding() != null && !level.encoding().isBlank()) {
      try {
        return Charset.forName(level.encoding().trim());
      } catch (RuntimeException unknown) {
        return StandardCharsets.UTF_8;
      }
    }
    return Charset.defaultCharset();
  }

  /**
   * Whether any file names a resource type, a type the model has rules for or a connection pool
   * whose settings the checks read. A module where none does (no JDBC code) is not compiled again.
   */
  static boolean mentionsResources(List<InputFile> files, ResourceModel model, Charset cs) {
    Set<String> words = new LinkedHashSet<>();
    words.add("java.sql");
    words.add("javax.sql");
    for (String t : PoolSetters.types()) {
      words.add(t.substring(0, t.lastIndexOf('.'))); // the package: imports, wildcard imports
      words.add(simpleName(t));
    }
    for (String t : model.resourceTypes()) {
      words.add(simpleName(t));
    }
    for (String t : model.ownersWithRules()) {
      String s = simpleName(t);
      if (!s.equals("Object") && !s.equals("AutoCloseable") && !s.equals("Closeable")) {
        words.add(s);
      }
    }
    for (InputFile f : files) {
      String text;
      try {
        text = new String(Files.readAllBytes(f.file()), cs);
      } catch (IOException e) {
        return true; // let the compiler say what is wrong with it
      }
      for (String w : words) {
        if (text.contains(w)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String simpleName(String fq) {
    String s = fq.substring(fq.lastIndexOf('.') + 1);
    return s.substring(s.lastIndexOf('$') + 1);
  }

  /**
   * The JDK feature release the Error Prone compiler classes were compiled for (17 for class file
   * version 61, 21 for 65 ...): a JVM older than that cannot load them.
   */
  static int requiredJdk(List<Path> classpath) {
    for (Path p : classpath) {
      String n = p.getFileName().toString();
      if (!n.startsWith("error_prone_core")) {
        continue;
      }
      try (JarFile jar = new JarFile(p.toFile())) {
        ZipEntry e = jar.getEntry("com/google/errorprone/ErrorProneJavaCompiler.class");
        if (e == null) {
          return 0;
        }
        try (InputStream in = jar.getInputStream(e)) {
          byte[] head = in.readNBytes(8);
          if (head.length == 8) {
            int major = ((head[6] & 0xFF) << 8) | (head[7] & 0xFF);
            return major - 44;
          }
        }
      } catch (IOException ignored) {
        return 0;
      }
    }
    return 0;
  }

  static String linkageProblem(String stderr) {
    for (String line : stderr.split("\r?\n")) {
      for (String m : LINKAGE_MARKERS) {
        if (line.contains(m)) {
          return line.trim();
        }
      }
    }
    return null;
  }

  private static String compileErrors(String stderr) {
    StringBuilder sb = new StringBuilder();
    for (String line : stderr.split("\r?\n")) {
      if (line.contains("error:") || line.startsWith("error")) {
        sb.append(line.trim()).append('\n');
      }
    }
    return sb.length() == 0 ? stderr : sb.toString();
  }

  private static String firstLines(String text, int n) {
    return text.strip().lines().limit(n).collect(Collectors.joining(" | "));
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.strip().lines().findFirst().orElse("");
  }

  static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
