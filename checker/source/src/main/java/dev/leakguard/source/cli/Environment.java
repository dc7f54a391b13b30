package dev.leakguard.source.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What a run of the CLI reads and writes besides its arguments: stdin (for {@code --diff -}),
 * stdout, stderr, the working directory, whether stderr is a terminal, the clock, the engine.
 */
record Environment(
    InputStream in,
    PrintStream out,
    PrintStream err,
    Path workingDir,
    boolean terminal,
    LongSupplier nanoClock,
    Analyzer.Factory analyzers) {

  /** This process: {@code System.in}, the given streams, {@code user.dir}, the source engine. */
  static Environment of(PrintStream out, PrintStream err) {
    return new Environment(
        System.in,
        out,
        err,
        Path.of("").toAbsolutePath(),
        isTerminal(),
        System::nanoTime,
        Analyzer.sourceEngine());
  }

  Environment withAnalyzers(Analyzer.Factory factory) {
    return new Environment(in, out, err, workingDir, terminal, nanoClock, factory);
  }

  /**
   * True if the console is a terminal: {@code System.console() != null}, and on Java 22+, where a
   * console object exists even when redirected, its {@code isTerminal()} too.
   */
  static boolean isTerminal() {
    Object console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = console.getClass().getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException | RuntimeException notJava22) {
      return true;
    }
  }
}
