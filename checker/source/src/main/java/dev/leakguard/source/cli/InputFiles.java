package dev.leakguard.source.cli;

import dev.leakguard.poolconfig.PoolConfigScanner;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the PATH arguments into the list of Java files to scan: files are taken as given,
 * directories are walked for {@code *.java}, leaving out build output and version-control folders.
 * Connection-pool configuration files met on the way (or given) are collected beside them.
 */
final class InputFiles {
  /**
   * Folders never walked into: build output ({@code target/}, {@code build/}) and Git's folder. A
   * {@code target} or {@code build} folder below a {@code src} folder is a Java package, not build
   * output, and is walked.
   */
  static final Set<String> SKIPPED_FOLDERS = Set.of("target", "build", ".git");

  private static final Set<String> ALWAYS_SKIPPED = Set.of(".git");

  /**
   * The files to scan, in a stable order, each as a real path; and the inputs passed over.
   *
   * @param files regular {@code .java} files, sorted, without duplicates
   * @param configFiles connection-pool configuration files ({@code application*.properties},
   *     {@code application*.yml}, {@code hikari*.properties} ...), sorted, without duplicates
   * @param skipped inputs that hold nothing to scan (a directory without Java files, a file that is
   *     not a {@code .java} file, a folder that cannot be read)
   */
  record Collected(List<Path> files, List<Path> configFiles, List<Skipped> skipped) {}

  private InputFiles() {}

  /**
   * Collects the Java files under {@code inputs} (already resolved against the working directory).
   *
   * @throws CliException if an input does not exist
   */
  static Collected collect(List<Path> inputs, Path root) throws CliException {
    Set<Path> files = new LinkedHashSet<>();
    Set<Path> configFiles = new LinkedHashSet<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new CliException(input + ": no such file or directory");
      }
      if (Files.isDirectory(input)) {
        TreeSet<Path> found = new TreeSet<>();
        TreeSet<Path> foundConfig = new TreeSet<>();
        walk(realDirectory(input), found, foundConfig, skipped, root);
        if (found.isEmpty() && foundConfig.isEmpty()) {
          skipped.add(new Skipped(ReportPaths.of(root, input), "no .java files in this directory"));
        }
        files.addAll(found);
        configFiles.addAll(foundConfig);
      } else if (PoolConfigScanner.isConfigFile(input) && Files.isRegularFile(input)) {
        configFiles.add(real(input));
      } else if (!input.getFileName().toString().endsWith(".java")) {
        skipped.add(new Skipped(ReportPaths.of(root, input), "not a .java file"));
      } else if (!Files.isRegularFile(input)) {
        skipped.add(new Skipped(ReportPaths.of(root, input), "not a regular file"));
      } else {
        files.add(real(input));
      }
    }
    return new Collected(List.copyOf(files), List.copyOf(configFiles), List.copyOf(skipped));
  }

  private static void walk(
      Path start, Set<Path> found, Set<Path> foundConfig, List<Skipped> skipped, Path root)
      throws CliException {
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(start) && isSkippedFolder(relativeForFolderRule(root, start, dir))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
                found.add(real(file));
              } else if (attrs.isRegularFile() && PoolConfigScanner.isConfigFile(file)) {
                foundConfig.add(real(file));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              skipped.add(new Skipped(ReportPaths.of(root, file), "cannot be read (" + describe(e) + ")"));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new CliException(start + ": cannot be read (" + describe(e) + ")", e);
    }
  }

  /**
   * The folder as seen from the root when it lies below it (so that a {@code src} folder above
   * the walked input still counts), else from the walked input.
   */
  private static Path relativeForFolderRule(Path root, Path start, Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    Path absRoot = root.toAbsolutePath().normalize();
    if (abs.startsWith(absRoot) && !abs.equals(absRoot)) {
      return absRoot.relativize(abs);
    }
    Path absStart = start.toAbsolutePath().normalize();
    return abs.startsWith(absStart) ? absStart.relativize(abs) : abs.getFileName();
  }

  /** {@code relative} is a folder below the walked input: is it build output or Git's folder? */
  static boolean isSkippedFolder(Path relative) {
    String name = relative.getFileName().toString();
    if (ALWAYS_SKIPPED.contains(name)) {
      return true;
    }
    if (!SKIPPED_FOLDERS.contains(name)) {
      return false;
    }
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      if (relative.getName(i).toString().equals("src")) {
        return false;
      }
    }
    return true;
  }

  private static Path real(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  static Path realDirectory(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  static String describe(IOException e) {
    String type = e.getClass().getSimpleName();
    String msg = e.getMessage();
    return switch (type) {
      case "AccessDeniedException" -> "permission denied";
      case "NoSuchFileException" -> "no such file";
      case "FileSystemLoopException" -> "symbolic link loop";
      default -> msg == null ? type : msg;
    };
  }
}
