package dev.leakguard.maven.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Runs a Java program in a new JVM. Every argument after {@code java} goes into an argument file
 * ({@code java @file}), so long class paths and thousands of source files fit on any platform;
 * standard output and error go to files next to it, read once the process has ended.
 */
public final class ForkedJvm {
  /** How often a long run reports that it is still going. */
  static final long HEARTBEAT_SECONDS = 30;

  /** Up to this many input files or classes, a forked engine runs better on a quickly started JVM. */
  static final int SMALL_INPUT = 1500;

  private ForkedJvm() {}

  /**
   * JVM options for an engine run over {@code units} files or classes. Most modules are analysed
   * in a few seconds, where the JIT's optimising tier and a parallel collector cost more than they
   * save (measured: Error Prone over commons-dbcp2's 68 files, 4.5 s with the defaults, 1.6 s
   * with these); large inputs keep the optimising tier.
   */
  public static List<String> tuning(int units) {
    return units <= SMALL_INPUT
        ? List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto")
        : List.of("-XX:+UseParallelGC", "-Xshare:auto");
  }

  /**
   * @param exitCode the process' exit code
   * @param stdout what it printed on standard output
   * @param stderr what it printed on standard error
   * @param seconds wall-clock time
   */
  public record Outcome(int exitCode, String stdout, String stderr, double seconds) {}

  /**
   * Runs {@code java @<name>.args} in {@code workDir}.
   *
   * @param heartbeat called with the elapsed seconds every {@link #HEARTBEAT_SECONDS} while it runs
   */
  public static Outcome run(
      Path java, List<String> arguments, Path workDir, String name, LongConsumer heartbeat)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path argFile = workDir.resolve(name + ".args");
    Path out = workDir.resolve(name + ".out.log");
    Path err = workDir.resolve(name + ".err.log");
    StringBuilder sb = new StringBuilder();
    for (String a : arguments) {
      sb.append(quote(a)).append('\n');
    }
    Files.writeString(argFile, sb, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("@" + argFile.toAbsolutePath());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("_JAVA_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    long start = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    try {
      while (!p.waitFor(HEARTBEAT_SECONDS, TimeUnit.SECONDS)) {
        heartbeat.accept(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Outcome(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        seconds);
  }

  /**
   * One argument as the {@code java} launcher reads it from an argument file: in double quotes,
   * with backslashes and double quotes escaped.
   */
  static String quote(String arg) {
    StringBuilder sb = new StringBuilder(arg.length() + 2).append('"');
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c == '\\' || c == '"') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
