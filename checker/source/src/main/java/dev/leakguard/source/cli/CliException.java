package dev.leakguard.source.cli;

/**
 * A problem that ends the scan with exit code 2: a bad option value, a missing path, a model or
 * baseline file that cannot be read or parsed, a report that cannot be written. The message is
 * printed after {@code leakguard: } and names the file (and line) at fault.
 */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
