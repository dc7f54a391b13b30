package dev.leakguard.source.cli;

import java.io.File;
import java.nio.file.Path;

/** Report paths: relative to the root, with '/' separators, whatever the platform. */
final class ReportPaths {
  private ReportPaths() {}

  /** {@code file} relative to {@code root} if it can be expressed so, else the absolute path. */
  static String of(Path root, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path rel;
    try {
      rel = root.toAbsolutePath().normalize().relativize(abs);
    } catch (IllegalArgumentException differentFileSystemRoots) {
      rel = abs;
    }
    String s = rel.toString();
    return File.separatorChar == '/' ? s : s.replace(File.separatorChar, '/');
  }
}
