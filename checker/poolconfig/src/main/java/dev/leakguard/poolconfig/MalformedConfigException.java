package dev.leakguard.poolconfig;

/** A configuration file that cannot be read as properties or YAML, with the offending line. */
final class MalformedConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  MalformedConfigException(int line, String message) {
    super(message);
    this.line = line;
  }

  /** 1-based line of the problem. */
  int line() {
    return line;
  }
}
