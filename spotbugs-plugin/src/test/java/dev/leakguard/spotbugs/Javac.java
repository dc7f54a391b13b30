package dev.leakguard.spotbugs;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles test fixtures with the JDK's javac, against the libraries the corpus uses. */
final class Javac {
  private static final List<String> LIBRARIES =
      List.of(
          "commons-dbutils", "spring-jdbc", "spring-core", "spring-beans", "spring-tx", "spring-jcl",
          "commons-io", "guava", "jsr305", "error_prone_annotations", "checker-qual",
          "spotbugs-annotations",
          // the pools of corpus/poolconfig and what their classes' signatures refer to
          "HikariCP", "slf4j-api", "commons-dbcp2", "commons-pool2", "commons-logging",
          "tomcat-jdbc", "tomcat-juli", "c3p0", "mchange-commons-java",
          // corpus/libraries: the other libraries that hold a pooled connection
          "jdbi3-core", "geantyref", "mybatis", "hibernate-core", "jakarta.persistence-api",
          "jakarta.transaction-api", "jooq", "r2dbc-spi", "reactive-streams", "sql2o", "httpclient",
          "httpcore", "httpclient5", "httpcore5", "jedis", "jakarta.jms-api", "javax.jms-api",
          "okhttp-jvm", "okio-jvm", "kotlin-stdlib", "lettuce-core", "netty-common",
          "netty-transport", "netty-handler", "netty-buffer", "netty-resolver", "reactor-core",
          "ormlite-core");

  private Javac() {}

  /** The jars of the libraries the corpus and the fixtures compile against (the aux class path). */
  static List<Path> libraries() {
    List<Path> out = new ArrayList<>();
    try {
      // the plugin's own classes: @SuppressLeakGuard
      out.add(Path.of(dev.leakguard.annotations.SuppressLeakGuard.class
          .getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(e).getFileName().toString();
      for (String lib : LIBRARIES) {
        if (name.startsWith(lib + "-") && name.endsWith(".jar")) {
          out.add(Path.of(e));
        }
      }
    }
    return out;
  }

  /** Compiles {@code files} into a new directory with the given javac options. */
  static Path compile(List<Path> files, List<String> options) throws IOException {
    return compile(files, options, List.of());
  }

  /** Compiles {@code files} with {@code extra} on the class path besides the libraries. */
  static Path compile(List<Path> files, List<String> options, List<Path> extra) throws IOException {
    Path out = Files.createTempDirectory("leakguard-classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter log = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      List<String> opts = new ArrayList<>(options);
      opts.add("-d");
      opts.add(out.toString());
      opts.add("-classpath");
      List<Path> cp = new ArrayList<>(libraries());
      cp.addAll(extra);
      opts.add(cp.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      opts.add("-Xlint:-options");
      opts.add("-proc:none");
      boolean ok = javac.getTask(log, fm, null, opts, null, units).call();
      if (!ok) {
        throw new IllegalStateException("fixtures do not compile:\n" + log);
      }
    }
    return out;
  }

  /**
   * The files of {@code files} that compile together with {@code options}: files javac reports
   * errors in are left out until the rest compiles (a corpus case may use language features the
   * release does not have).
   */
  static List<Path> compilable(List<Path> files, List<String> options) throws IOException {
    List<Path> remaining = new ArrayList<>(files);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = Files.createTempDirectory("leakguard-probe");
    for (int round = 0; round < 10 && !remaining.isEmpty(); round++) {
      javax.tools.DiagnosticCollector<JavaFileObject> diags = new javax.tools.DiagnosticCollector<>();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
        List<String> opts = new ArrayList<>(options);
        opts.addAll(List.of("-d", out.toString(), "-proc:none", "-Xlint:-options", "-classpath",
            libraries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
        boolean ok = javac.getTask(null, fm, diags, opts, null, fm.getJavaFileObjectsFromPaths(remaining)).call();
        if (ok) {
          return remaining;
        }
        java.util.Set<Path> bad = new java.util.HashSet<>();
        for (var d : diags.getDiagnostics()) {
          if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR && d.getSource() != null) {
            bad.add(Path.of(d.getSource().toUri()).toAbsolutePath().normalize());
          }
        }
        if (bad.isEmpty()) {
          throw new IllegalStateException("javac failed without a file to blame: " + diags.getDiagnostics());
        }
        remaining.removeIf(p -> bad.contains(p.toAbsolutePath().normalize()));
      }
    }
    return remaining;
  }

  /** Compiles sources given as text (class name to source) into a new directory. */
  static Path compileSources(Map<String, String> sources, List<String> options) throws IOException {
    return compileSources(sources, options, List.of());
  }

  static Path compileSources(Map<String, String> sources, List<String> options, List<Path> extra)
      throws IOException {
    Path src = Files.createTempDirectory("leakguard-sources");
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      files.add(f);
    }
    return compile(files, options, extra);
  }
}
