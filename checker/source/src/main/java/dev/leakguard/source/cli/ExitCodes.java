package dev.leakguard.source.cli;

/** The exit codes of {@code leakguard scan}, documented in {@code --help} and the README. */
final class ExitCodes {
  /** No finding at or above the {@code --fail-on} threshold (skipped files do not count). */
  static final int CLEAN = 0;

  /** At least one reported finding at or above the {@code --fail-on} threshold. */
  static final int FINDINGS = 1;

  /** A usage error, or an input or output that cannot be read or written. */
  static final int ERROR = 2;

  private ExitCodes() {}
}
