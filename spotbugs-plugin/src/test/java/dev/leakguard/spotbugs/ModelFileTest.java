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
 * A user model file given with the property leakguard.modelFile (a JVM system property, or
 * SpotBugs' own property of the same name) teaches the plugin a project's own resource types, as
 * the model option does in the other engines.
 */
class ModelFileTest {
  private static final Map<String, String> SOURCES =
      Map.of(
          "acme.Lease",
          String.join(
              "\n",
              "package acme;",
              "public interface Lease extends AutoCloseable {",
              "  int id();",
              "  @Override void close();",
              "}"),
          "acme.LeasePool",
          String.join(
              "\n",
              "package acme;",
              "public interface LeasePool {",
              "  Lease lease() throws java.io.IOException;",
              "}"),
          "acme.Job",
          String.join(
              "\n",
              "package acme;",
              "public class Job {",
              "  public int run(LeasePool pool) throws java.io.IOException {",
              "    Lease lease = pool.lease();",
              "    return lease.id();",
              "  }",
              "  public int runClosed(LeasePool pool) throws java.io.IOException {",
              "    try (Lease lease = pool.lease()) {",
              "      return lease.id();",
              "    }",
              "  }",
              "  public boolean ping(javax.sql.DataSource ds) throws java.sql.SQLException {",
              "    return ds.getConnection().isValid(1);",
              "  }",
              "}"));

  @AfterEach
  void clear() {
    System.clearProperty("leakguard.modelFile");
  }

  private static List<BugInstance> run() throws Exception {
    Path classes = Javac.compileSources(SOURCES, List.of("--release", "17", "-g"));
    Engine.Run run = Engine.run(List.of(classes), Javac.libraries());
    assertTrue(run.errors().isEmpty(), String.join("\n", run.errors()));
    return Runs.leakGuardBugs(run.reporter().getBugCollection());
  }

  private static final String MODEL =
      String.join(
          "\n",
          "section acme https://example.com/acme/pool.html",
          "resource acme.Lease connection",
          "acquire acme.LeasePool.lease() connection",
          "");

  private static List<String> lines(List<BugInstance> bugs) {
    return bugs.stream()
        .map(b -> b.getType() + ":" + b.getPrimarySourceLineAnnotation().getStartLine())
        .sorted()
        .toList();
  }

  @Test
  void withoutTheModelFileOnlyJdbcIsKnown() throws Exception {
    assertEquals(List.of("JdbcConnectionLeak:13"), lines(run()));
  }

  /** The same property set through SpotBugs' own properties (what IDE integrations use). */
  @Test
  void theModelFileAsASpotBugsProperty() throws Exception {
    Path model = Files.createTempFile("acme", ".model");
    Files.writeString(model, MODEL);
    edu.umd.cs.findbugs.SystemProperties.setProperty("leakguard.modelFile", model.toString());
    try {
      assertEquals(List.of("JdbcConnectionLeak:13", "JdbcConnectionLeak:4"), lines(run()));
    } finally {
      edu.umd.cs.findbugs.SystemProperties.removeProperty("leakguard.modelFile");
    }
  }

  @Test
  void theModelFileMakesTheTypeAResource() throws Exception {
    Path model = Files.createTempFile("acme", ".model");
    Files.writeString(model, MODEL);
    System.setProperty("leakguard.modelFile", model.toString());
    List<BugInstance> bugs = run();
    assertEquals(List.of("JdbcConnectionLeak:13", "JdbcConnectionLeak:4"), lines(bugs));
    BugInstance b = bugs.stream().filter(x -> x.getPrimarySourceLineAnnotation().getStartLine() == 4)
        .findFirst().orElseThrow();
    assertEquals("JdbcConnectionLeak", b.getType());
    assertEquals(4, b.getPrimarySourceLineAnnotation().getStartLine());
    assertTrue(b.getMessageWithoutPrefix().contains("'lease' acquired by LeasePool.lease()"),
        b.getMessageWithoutPrefix());
  }
}
