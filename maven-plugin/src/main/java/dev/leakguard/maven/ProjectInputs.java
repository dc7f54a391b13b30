package dev.leakguard.maven;

import dev.leakguard.poolconfig.PoolConfigScanner;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.Resource;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads what the engines need from the Maven project: sources, pool configuration files, compiler
 * settings, the repository root.
 */
final class ProjectInputs {
  private ProjectInputs() {}

  /** Every Java file below the given roots (module-info.java aside: the analysis compiles on the class path). */
  static List<InputFile> sourceFiles(
      MavenProject project, Path reportRoot, List<String> roots, boolean test) throws IOException {
    Map<Path, InputFile> files = new LinkedHashMap<>();
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    for (String r : roots) {
      Path root = Path.of(r).toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        continue;
      }
      List<Path> found;
      try (Stream<Path> s = Files.walk(root)) {
        found = s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
      }
      for (Path p : found) {
        if (p.getFileName().toString().equals("module-info.java")) {
          continue;
        }
        files.putIfAbsent(
            p,
            new InputFile(
                p,
                slashes(root.relativize(p)),
                p.startsWith(basedir) ? slashes(basedir.relativize(p)) : slashes(p),
                relativeTo(reportRoot, p),
                test));
      }
    }
    return new ArrayList<>(files.values());
  }

  /**
   * The connection-pool configuration files ({@link PoolConfigScanner#isConfigFile}) of the given
   * resource directories, as the resources plugin copies them: a resource's includes and excludes
   * apply. Nothing below the build directory is read: what is there is build output (filtered or
   * generated copies), not the configuration as written.
   */
  static List<InputFile> configFiles(
      List<Resource> resources, Path basedir, Path buildDirectory, Path reportRoot) throws IOException {
    Path base = basedir.toAbsolutePath().normalize();
    Path build = buildDirectory.toAbsolutePath().normalize();
    Map<Path, InputFile> files = new LinkedHashMap<>();
    for (Resource r : resources == null ? List.<Resource>of() : resources) {
      if (r == null || r.getDirectory() == null || r.getDirectory().isBlank()) {
        continue;
      }
      Path root = base.resolve(r.getDirectory()).toAbsolutePath().normalize();
      if (root.startsWith(build) || !Files.isDirectory(root)) {
        continue;
      }
      PathFilter copied = new PathFilter(r.getIncludes(), r.getExcludes());
      List<Path> found = new ArrayList<>();
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return dir.startsWith(build) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && PoolConfigScanner.isConfigFile(file)
              && copied.accepts(slashes(root.relativize(file)))) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // an unreadable directory is not the module's configuration
        }
      });
      found.sort(null);
      for (Path p : found) {
        files.putIfAbsent(
            p,
            new InputFile(
                p,
                slashes(root.relativize(p)),
                p.startsWith(base) ? slashes(base.relativize(p)) : slashes(p),
                relativeTo(reportRoot, p),
                false));
      }
    }
    return new ArrayList<>(files.values());
  }

  static String relativeTo(Path root, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? slashes(root.relativize(abs)) : slashes(abs);
  }

  private static String slashes(Path p) {
    return File.separatorChar == '/' ? p.toString() : p.toString().replace(File.separatorChar, '/');
  }

  /**
   * The directory report paths are relative to: the Git work tree holding the directory Maven was
   * started in, or that directory itself.
   */
  static Path reportRoot(MavenSession session) {
    Path start = Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
    for (Path d = start; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return start;
  }

  /** release, source, target, encoding and preview as the module's maven-compiler-plugin sees them. */
  static JavaLevel javaLevel(MavenProject project, MavenSession session) {
    Properties props = new Properties();
    props.putAll(project.getProperties());
    props.putAll(session.getUserProperties());
    Xpp3Dom conf = compilerConfiguration(project);
    String release = first(value(conf, "release"), props.getProperty("maven.compiler.release"));
    String source = first(value(conf, "source"), props.getProperty("maven.compiler.source"));
    String target = first(value(conf, "target"), props.getProperty("maven.compiler.target"));
    String encoding =
        first(value(conf, "encoding"), props.getProperty("maven.compiler.encoding"),
            props.getProperty("project.build.sourceEncoding"));
    boolean preview = "true".equals(first(value(conf, "enablePreview"), props.getProperty("maven.compiler.enablePreview")));
    Xpp3Dom args = conf == null ? null : conf.getChild("compilerArgs");
    if (args != null) {
      for (Xpp3Dom a : args.getChildren()) {
        preview |= "--enable-preview".equals(a.getValue() == null ? null : a.getValue().trim());
      }
    }
    return new JavaLevel(release, source, target, encoding, preview);
  }

  private static Xpp3Dom compilerConfiguration(MavenProject project) {
    Plugin p = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
    if (p == null) {
      return null;
    }
    Xpp3Dom conf = p.getConfiguration() instanceof Xpp3Dom d ? new Xpp3Dom(d) : null;
    for (PluginExecution e : p.getExecutions()) {
      if (e.getId().equals("default-compile") && e.getConfiguration() instanceof Xpp3Dom d) {
        conf = conf == null ? new Xpp3Dom(d) : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(d), conf);
      }
    }
    return conf;
  }

  private static String value(Xpp3Dom conf, String name) {
    if (conf == null) {
      return null;
    }
    Xpp3Dom c = conf.getChild(name);
    if (c == null || c.getValue() == null || c.getValue().isBlank() || c.getValue().contains("${")) {
      return null;
    }
    return c.getValue().trim();
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }
}
