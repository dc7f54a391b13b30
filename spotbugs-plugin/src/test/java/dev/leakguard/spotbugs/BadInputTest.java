package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.umd.cs.findbugs.BugInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input does not stop the analysis: a corrupt or truncated class file, a class whose
 * libraries are missing, an unreadable model file. SpotBugs goes on, the other classes are
 * analysed, and the problem is reported naming the file.
 */
class BadInputTest {
  private static final String LEAKY =
      String.join(
          "\n",
          "package demo;",
          "import java.sql.*;",
          "import javax.sql.DataSource;",
          "public class Leaky {",
          "  public boolean ping(DataSource ds) throws SQLException {",
          "    Connection con = ds.getConnection();",
          "    return con.isValid(1);",
          "  }",
          "}");

  @AfterEach
  void clearModelProperty() {
    System.clearProperty("leakguard.modelFile");
  }

  private static long leaks(Engine.Run run) {
    return Runs.leakGuardBugs(run.reporter().getBugCollection()).stream()
        .map(BugInstance::getType)
        .filter("JdbcConnectionLeak"::equals)
        .count();
  }

  @Test
  void corruptAndTruncatedClassFiles() throws Exception {
    Path classes = Javac.compileSources(Map.of("demo.Leaky", LEAKY), List.of("--release", "17", "-g"));
    Path valid = classes.resolve("demo/Leaky.class");
    byte[] bytes = Files.readAllBytes(valid);
    Path corrupt = classes.resolve("demo/Corrupt.class");
    Files.write(corrupt, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1, 2, 3});
    Path truncated = classes.resolve("demo/Truncated.class");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    Engine.Run run = Engine.run(List.of(classes), Javac.libraries());

    assertEquals(1, leaks(run), "the valid class is still analysed");
    String errors = String.join("\n", run.errors());
    System.out.println("errors reported:\n" + errors);
    assertTrue(errors.contains("Corrupt"), "the corrupt file is named: " + errors);
    assertTrue(errors.contains("Truncated"), "the truncated file is named: " + errors);
    assertTrue(run.errors().stream().noneMatch(e -> e.startsWith("LeakGuard could not")),
        "LeakGuard itself does not fail: " + errors);
  }

  @Test
  void missingLibraryTypes() throws Exception {
    Path lib =
        Javac.compileSources(
            Map.of(
                "acme.Pool",
                String.join(
                    "\n",
                    "package acme;",
                    "public interface Pool {",
                    "  java.sql.Connection borrow() throws java.sql.SQLException;",
                    "}")),
            List.of("--release", "17"));
    Path classes =
        Javac.compileSources(
            Map.of(
                "demo.UsesPool",
                String.join(
                    "\n",
                    "package demo;",
                    "import java.sql.*;",
                    "public class UsesPool {",
                    "  public boolean ping(acme.Pool pool) throws SQLException {",
                    "    Connection con = pool.borrow();",
                    "    return con.isValid(1);",
                    "  }",
                    "  public boolean pingClosed(acme.Pool pool) throws SQLException {",
                    "    try (Connection con = pool.borrow()) {",
                    "      return con.isValid(1);",
                    "    }",
                    "  }",
                    "}")),
            List.of("--release", "17", "-g"),
            List.of(lib));
    // acme.Pool is not on the auxiliary class path
    Engine.Run run = Engine.run(List.of(classes), Javac.libraries());
    assertEquals(1, leaks(run), "a call to a missing class still returns a connection");
    assertTrue(run.errors().stream().noneMatch(e -> e.startsWith("LeakGuard could not")),
        String.join("\n", run.errors()));
  }

  @Test
  void unreadableModelFile() throws Exception {
    Path classes = Javac.compileSources(Map.of("demo.Leaky", LEAKY), List.of("--release", "17", "-g"));
    Path missing = Files.createTempDirectory("leakguard").resolve("no-such.model");
    System.setProperty("leakguard.modelFile", missing.toString());
    Engine.Run run = Engine.run(List.of(classes), Javac.libraries());
    String errors = String.join("\n", run.errors());
    System.out.println("errors reported:\n" + errors);
    assertTrue(errors.contains("leakguard.modelFile") && errors.contains(missing.toString()),
        "the model file is named: " + errors);
    assertEquals(1, leaks(run), "the analysis goes on with the built-in model");
  }

  @Test
  void malformedModelFileNamesTheLine() throws Exception {
    Path classes = Javac.compileSources(Map.of("demo.Leaky", LEAKY), List.of("--release", "17", "-g"));
    Path model = Files.createTempFile("leakguard", ".model");
    Files.writeString(model, "# fine\nacquire com.acme.Pool.borrow() gizmo\n");
    System.setProperty("leakguard.modelFile", model.toString());
    Engine.Run run = Engine.run(List.of(classes), Javac.libraries());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains(model.toString()) && errors.contains("2"), errors);
    assertEquals(1, leaks(run));
  }
}
