package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reporting pass takes over the first pass's summaries, but for those that hang on what only
 * the first pass decides: whether a result no rule, summary or name decides is owned by its
 * caller, which the first pass probes and the reporting pass asks the callers' evidence about.
 */
class PassesTest {

  @TempDir Path root;

  /**
   * {@code connection()} of an interface with no body in the tree, which no caller closes: the
   * reporting pass finds its result borrowed, and so what {@code Wrap.current} hands on. The first
   * pass, which probes such results, computed the summary of {@code current} (for the probe of
   * {@code alongAnother}, which closes something) as returning a new connection. A helper that
   * does return a new connection still leaks in its caller.
   */
  @Test
  void aSummaryDecidedByTheCallersEvidenceIsComputedAgain() throws IOException {
    List<Path> files =
        List.of(
            source(),
            withImports(
                "Wrap",
                "class Wrap {\n"
                    + "  static Connection current(Source s) {\n"
                    + "    return s.connection();\n"
                    + "  }\n"
                    + "  static Connection fresh(DataSource ds) throws SQLException {\n"
                    + "    return ds.getConnection();\n"
                    + "  }\n"
                    + "}\n"),
            withImports(
                "Use",
                "class Use {\n"
                    + "  int viaHelper(Source s) throws SQLException {\n"
                    + "    Connection c = Wrap.current(s);\n"
                    + "    return c.getHoldability();\n"
                    + "  }\n"
                    + "  int direct(Source s) throws SQLException {\n"
                    + "    return s.connection().getHoldability();\n"
                    + "  }\n"
                    + "  int alongAnother(Source s, DataSource ds) throws SQLException {\n"
                    + "    try (Connection other = ds.getConnection()) {\n"
                    + "      Connection c = Wrap.current(s);\n"
                    + "      return c.getHoldability() + other.getHoldability();\n"
                    + "    }\n"
                    + "  }\n"
                    + "  int leaks(DataSource ds) throws SQLException {\n"
                    + "    Connection c = Wrap.fresh(ds);\n"
                    + "    return c.getHoldability();\n"
                    + "  }\n"
                    + "}\n"));
    // a summary of current() kept from the first pass would also report lines 5 and 13
    assertEquals(List.of("Use.java:18 JdbcConnectionLeak"), findings(files));
  }

  /**
   * As above, with the probed result one call away, in a cycle: {@code current} and {@code other}
   * call each other, and only {@code other} calls {@code connection()}. The first pass finishes
   * {@code current} last, as the head of the cycle, with what {@code other} came to there: it hangs
   * on the probe all the same, and both are computed again. {@code fresh}, a cycle of its own,
   * still leaks in its caller.
   */
  @Test
  void aCycleThatHangsOnTheCallersEvidenceIsComputedAgain() throws IOException {
    List<Path> files =
        List.of(
            source(),
            withImports(
                "Wrap",
                "class Wrap {\n"
                    + "  static Connection current(Source s, int n) {\n"
                    + "    return other(s, n);\n"
                    + "  }\n"
                    + "  static Connection other(Source s, int n) {\n"
                    + "    if (n > 0) {\n      current(s, n - 1);\n    }\n"
                    + "    return s.connection();\n"
                    + "  }\n"
                    + "  static Connection fresh(DataSource ds, int n) throws SQLException {\n"
                    + "    return n > 0 ? fresh(ds, n - 1) : ds.getConnection();\n"
                    + "  }\n"
                    + "}\n"),
            withImports(
                "Use",
                "class Use {\n"
                    + "  int viaHelper(Source s) throws SQLException {\n"
                    + "    Connection c = Wrap.current(s, 3);\n"
                    + "    return c.getHoldability();\n"
                    + "  }\n"
                    + "  int alongAnother(Source s, DataSource ds) throws SQLException {\n"
                    + "    try (Connection other = ds.getConnection()) {\n"
                    + "      Connection c = Wrap.current(s, 3);\n"
                    + "      return c.getHoldability() + other.getHoldability();\n"
                    + "    }\n"
                    + "  }\n"
                    + "  int leaks(DataSource ds) throws SQLException {\n"
                    + "    try (Connection other = ds.getConnection()) {\n"
                    + "      Connection c = Wrap.fresh(ds, 3);\n"
                    + "      return c.getHoldability() + other.getHoldability();\n"
                    + "    }\n"
                    + "  }\n"
                    + "}\n"));
    // summaries of the cycle kept from the first pass would also report Use's lines 5 and 10, and
    // the result other() leaves on line 9 of Wrap
    assertEquals(List.of("Use.java:16 JdbcConnectionLeak"), findings(files));
  }

  private List<String> findings(List<Path> files) {
    SourceEngine engine = SourceEngine.create(ResourceModel.builtIn(), root, files, SourceEngine.Options.defaults());
    List<String> found = new ArrayList<>();
    for (Path f : files) {
      for (ReportedFinding r : engine.analyze(f).findings()) {
        found.add(f.getFileName() + ":" + r.line() + " " + r.id().name());
      }
    }
    return found;
  }

  /** Writes class {@code name}, importing {@code java.sql.*} and {@code DataSource}. */
  private Path withImports(String name, String text) throws IOException {
    return write(name, "import java.sql.*;\nimport javax.sql.DataSource;\n" + text);
  }

  /** An interface whose {@code connection()} has no body in the tree. */
  private Path source() throws IOException {
    return write("Source", "interface Source {\n  java.sql.Connection connection();\n}\n");
  }

  private Path write(String name, String text) throws IOException {
    Path f = root.resolve(name + ".java");
    Files.writeString(f, text);
    return f;
  }
}
