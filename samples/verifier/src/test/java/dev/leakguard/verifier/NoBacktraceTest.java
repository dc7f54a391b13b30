package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a JVM started with {@code -XX:-StackTraceInThrowable} a {@link CallStack} stays empty; the
 * verifier then walks the stack instead and reports the same sites. Checked in a child JVM run
 * with and without the option.
 */
class NoBacktraceTest {

  /** Leaks a Connection and a Statement left to its close; prints what the verifier reports. */
  public static void main(String[] args) throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(1));
    Connection leaked = verifier.getConnection();
    Connection closed = verifier.getConnection();
    closed.createStatement();
    closed.close();
    System.out.println("backtraces " + CallStack.SUPPORTED);
    for (LeakRecord leak : verifier.leaks()) {
      System.out.println(leak.message());
    }
    System.out.println(verifier.siteLocator().firstAppFrame());
    leaked.close();
  }

  private static List<String> run(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:-UsePerfData"); // no hsperfdata file in the system's temporary folder
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(NoBacktraceTest.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM failed:\n" + output);
    }
    return output.lines().filter(line -> !line.isBlank()).toList();
  }

  @Test
  void withoutBacktracesTheSitesAreTheSame() throws Exception {
    List<String> withBacktraces = run();
    List<String> without = run("-XX:-StackTraceInThrowable");

    assertEquals("backtraces true", withBacktraces.get(0));
    assertEquals("backtraces false", without.get(0));
    assertEquals(withBacktraces.subList(1, withBacktraces.size()), without.subList(1, without.size()));
    String method = "main";
    assertEquals(
        List.of(
            "LEAK JdbcConnectionLeak Connection acquired at " + site(method, "Connection leaked = verifier.getConnection();") + " was not closed",
            "LEAK JdbcStatementLeftToConnectionClose Statement acquired at " + site(method, "closed.createStatement();")
                + " was not closed; only Connection.close() at " + site(method, "closed.close();") + " closed it",
            site(method, "verifier.siteLocator().firstAppFrame()").toString()),
        without.subList(1, without.size()));
  }

  private static Site site(String method, String code) {
    return new Site(
        NoBacktraceTest.class.getName(),
        method,
        "NoBacktraceTest.java",
        SourceLines.lineOf(NoBacktraceTest.class, method, code));
  }
}
