package dev.leakguard.source.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress of a scan on stderr. On a terminal, a {@code scanned 1200/5000 files} line redrawn in
 * place once the scan has run for half a second, erased at the end. Elsewhere (a CI log, a
 * redirected stream), where a redrawn line would be noise, a plain line every ten seconds once the
 * scan has run that long ({@code leakguard: scanned 1200/5000 files, 180000 lines, 20 s}): short
 * scans print nothing. The passes that prepare the analysis show the same way ({@code leakguard:
 * indexing 9000/15000 files, 3100000 lines, 30 s}). Thread-safe: the preparing passes call from
 * the engine's threads.
 */
final class Progress {
  static final long FIRST_AFTER_NANOS = 500_000_000L;
  static final long EVERY_NANOS = 200_000_000L;
  /** Not a terminal: the first plain line, and the time between two. */
  static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier clock;
  private final int total;
  private final long start;
  private long last;
  private int width;
  /** The last step told: its pass, files done, total and lines, for {@link #tick}; null before the first. */
  private String lastWhat;

  private int lastDone;
  private int lastTotal;
  private long lastLines;

  Progress(PrintStream err, boolean terminal, LongSupplier clock, int total) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
    this.total = total;
    this.start = clock.getAsLong();
    this.last = start;
  }

  /** Draws {@code text} at once (a phase that reports no progress of its own, e.g. indexing). */
  synchronized void show(String text) {
    if (!terminal) {
      return;
    }
    draw(text);
  }

  /**
   * {@code done} of the {@code total} files of {@code pass}, a pass that prepares the analysis, are
   * finished, with {@code lines} lines in all (see {@link
   * dev.leakguard.source.SourceEngine.Preparation}).
   */
  synchronized void preparing(String pass, int done, int total, long lines) {
    step(pass, done, total, lines);
  }

  /** {@code done} files of {@code total} are finished, with {@code lines} lines in all. */
  synchronized void update(int done, long lines) {
    step("scanned", done, total, lines);
  }

  /**
   * Called every second or so from a timer: elsewhere than on a terminal, repeats the last step
   * told, with the time now, once ten seconds have passed without a line. A summary chain hundreds
   * of methods deep can keep every thread on one file for minutes; the log still shows the scan
   * is alive.
   */
  synchronized void tick() {
    long now = clock.getAsLong();
    if (!terminal && lastWhat != null && now - last >= LOG_EVERY_NANOS && lastDone < lastTotal) {
      last = now;
      print(lastWhat, lastDone, lastTotal, lastLines, now);
    }
  }

  private void print(String what, int done, int total, long lines, long now) {
    err.println("leakguard: " + what + " " + done + "/" + total + " files, " + lines + " lines, "
        + (now - start) / 1_000_000_000L + " s");
    err.flush();
  }

  private void step(String what, int done, int total, long lines) {
    lastWhat = what;
    lastDone = done;
    lastTotal = total;
    lastLines = lines;
    long now = clock.getAsLong();
    if (!terminal) {
      if (now - last >= LOG_EVERY_NANOS && done < total) {
        last = now;
        print(what, done, total, lines, now);
      }
      return;
    }
    if (now - start < FIRST_AFTER_NANOS || (width > 0 && now - last < EVERY_NANOS && done < total)) {
      return;
    }
    last = now;
    draw(what + " " + done + "/" + total + " files");
  }

  private void draw(String text) {
    err.print('\r' + text + " ".repeat(Math.max(0, width - text.length())));
    err.flush();
    width = Math.max(width, text.length());
  }

  /** Erases the line, if one was drawn, so that what follows starts on a clean line. */
  synchronized void finish() {
    if (width > 0) {
      err.print('\r' + " ".repeat(width) + '\r');
      err.flush();
      width = 0;
    }
  }
}
