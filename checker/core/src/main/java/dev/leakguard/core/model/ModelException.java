package dev.leakguard.core.model;

/** A model file that cannot be read or parsed; the message names file, line and token. */
public final class ModelException extends Exception {
  private final String source;
  private final int line;

  public ModelException(String source, int line, String message) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message);
    this.source = source;
    this.line = line;
  }

  public ModelException(String source, String message, Throwable cause) {
    super(source + ": " + message, cause);
    this.source = source;
    this.line = 0;
  }

  public String source() {
    return source;
  }

  /** 1-based line number, or 0 if the error is not tied to a line. */
  public int line() {
    return line;
  }
}
