package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.model.ResourceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chains of summaries across more files than {@link SourceTree#CHAIN_UNITS}, on a tree that does
 * not fit the unit cache: the methods past that depth are lowered ahead, and the findings are those
 * of a run that keeps every unit.
 */
class LowerAheadTest {
  private static final int DEPTH = 3 * SourceTree.CHAIN_UNITS;

  @TempDir Path root;

  @Test
  void summariesComputedAheadGiveTheSameFindings() throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < DEPTH; i++) {
      // opens(ds) hands a new connection up the chain; closes(c) closes it at the bottom; borrows(c)
      // gives it back, and both also call the next level's other methods
      String next = i + 1 < DEPTH ? "Level" + (i + 1) : null;
      files.add(
          write(
              "Level" + i,
              "import java.sql.*;\nimport javax.sql.DataSource;\n"
                  + "class Level" + i + " {\n"
                  + "  static Connection opens(DataSource ds) throws SQLException {\n"
                  + (next == null ? "    return ds.getConnection();\n" : "    return " + next + ".opens(ds);\n")
                  + "  }\n"
                  + "  static void closes(Connection c) throws SQLException {\n"
                  + (next == null ? "    c.close();\n" : "    " + next + ".borrows(c);\n    " + next + ".closes(c);\n")
                  + "  }\n"
                  + "  static Connection borrows(Connection c) {\n"
                  + (next == null ? "    return c;\n" : "    return " + next + ".borrows(c);\n")
                  + "  }\n"
                  + "}\n"));
    }
    files.add(
        write(
            "App",
            "import java.sql.*;\nimport javax.sql.DataSource;\n"
                + "class App {\n"
                + "  void leaks(DataSource ds) throws SQLException {\n"
                + "    Connection c = Level0.opens(ds);\n"
                + "    c.setAutoCommit(false);\n"
                + "  }\n"
                + "  void closesWithHelper(DataSource ds) throws SQLException {\n"
                + "    Connection c = Level0.opens(ds);\n"
                + "    Level0.closes(c);\n"
                + "  }\n"
                + "  void closesBorrowed(DataSource ds) throws SQLException {\n"
                + "    try (Connection c = Level0.opens(ds)) {\n"
                + "      Level0.borrows(c).setAutoCommit(false);\n"
                + "    }\n"
                + "  }\n"
                + "}\n"));

    SourceEngine kept = engine(files, Long.MAX_VALUE / 2);
    List<String> all = findings(kept, files);
    assertEquals(List.of("App.java:5 JdbcConnectionLeak"), all);
    assertEquals(0, kept.loweredAhead(), "every unit fits: nothing is lowered ahead");

    SourceEngine none = engine(files, 0);
    assertEquals(all, findings(none, files));
    assertTrue(none.loweredAhead() > 0, "no unit fits: the deep levels are lowered ahead");
  }

  private Path write(String name, String text) throws IOException {
    Path f = root.resolve(name + ".java");
    Files.writeString(f, text);
    return f;
  }

  private SourceEngine engine(List<Path> files, long cacheBytes) {
    return SourceEngine.create(
        ResourceModel.builtIn(), root, files, SourceEngine.Options.defaults().withUnitCacheBytes(cacheBytes));
  }

  private static List<String> findings(SourceEngine engine, List<Path> files) {
    return Findings.of(engine, files);
  }
}
