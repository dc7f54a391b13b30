package dev.leakguard.source.cli;

/**
 * An input that was not analysed, and why: a file that does not parse, is not UTF-8, is empty or
 * too large, or a directory without Java sources. The scan goes on without it.
 *
 * @param path report path of the file or directory
 * @param reason a short human-readable reason
 */
record Skipped(String path, String reason) {
  /** The stderr line: {@code leakguard: skipped path: reason}. */
  String toStderrLine() {
    return "leakguard: skipped " + path + ": " + reason;
  }
}
