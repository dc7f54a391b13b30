package dev.leakguard.source.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * The {@code scanned 1200/5000 files} line on stderr, redrawn in place. Shown only when stderr is a
 * terminal and the scan has run for a while, so short scans, CI logs and redirected output never
 * see it. Called from one thread.
 */
final class Progress {
  static final long FIRST_AFTER_NANOS = 500_000_000L;
  static final long EVERY_NANOS = 200_000_000L;

  private final PrintStream err;
  private final boolean enabled;
  private final LongSupplier clock;
  private final int total;
  private final long start;
  private long last;
  private int width;

  Progress(PrintStream err, boolean enabled, LongSupplier clock, int total) {
    this.err = err;
    this.enabled = enabled;
    this.clock = clock;
    this.total = total;
    this.start = clock.getAsLong();
  }

  /** Draws {@code text} at once (a phase that reports no progress of its own, e.g. indexing). */
  void show(String text) {
    if (!enabled) {
      return;
    }
    draw(text);
  }

  /** {@code done} files of {@code total} are finished. */
  void update(int done) {
    if (!enabled) {
      return;
    }
    long now = clock.getAsLong();
    if (now - start < FIRST_AFTER_NANOS || (width > 0 && now - last < EVERY_NANOS && done < total)) {
      return;
    }
    last = now;
    draw("scanned " + done + "/" + total + " files");
  }

  private void draw(String text) {
    err.print('\r' + text + " ".repeat(Math.max(0, width - text.length())));
    err.flush();
    width = Math.max(width, text.length());
  }

  /** Erases the line, if one was drawn, so that what follows starts on a clean line. */
  void finish() {
    if (width > 0) {
      err.print('\r' + " ".repeat(width) + '\r');
      err.flush();
      width = 0;
    }
  }
}
