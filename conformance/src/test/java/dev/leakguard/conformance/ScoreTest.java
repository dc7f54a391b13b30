package dev.leakguard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreTest {
  private static final String FILE = "corpus/demo/Demo.java";

  @TempDir Path root;
  private Corpus corpus;

  @BeforeEach
  void writeCorpus() throws IOException {
    Path dir = Files.createDirectories(root.resolve("corpus/demo"));
    Files.writeString(
        dir.resolve("Demo.java"),
        String.join(
            "\n",
            "package corpus.demo;", // 1
            "", // 2
            "import java.sql.*;", // 3
            "import javax.sql.DataSource;", // 4
            "", // 5
            "class Demo {", // 6
            "  void a(DataSource ds) throws SQLException {", // 7
            "    Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak", // 8
            "  }", // 9
            "  void b(Connection c) throws SQLException {", // 10
            "    // KNOWN(spotbugs) missing JdbcStatementLeak: demo reason one", // 11
            "    c.createStatement().execute(\"x\"); // LEAK JdbcStatementLeak", // 12
            "  }", // 13
            "  void c(Connection c) throws SQLException {", // 14
            "    // KNOWN(spotbugs) unexpected JdbcStatementLeak: demo reason two", // 15
            "    try (Statement s = c.createStatement()) { s.execute(\"y\"); }", // 16
            "  }", // 17
            "}", // 18
            ""));
    corpus = Corpus.load(root);
  }

  private static Label label(int line, String id) {
    return new Label(FILE, line, id);
  }

  @Test
  void exactMatchPasses() {
    Score s =
        Score.compare(
            corpus, "errorprone",
            List.of(label(8, "JdbcConnectionLeak"), label(12, "JdbcStatementLeak")));
    assertTrue(s.passed(), s::report);
    assertEquals(2, s.matched().size());
    assertTrue(s.known().isEmpty());
  }

  @Test
  void missingAndUnexpectedFail() {
    Score s =
        Score.compare(
            corpus, "source",
            List.of(label(8, "JdbcStatementLeak"), label(12, "JdbcStatementLeak")));
    assertFalse(s.passed());
    assertEquals(Set.of(label(8, "JdbcConnectionLeak")), s.missing());
    assertEquals(Set.of(label(8, "JdbcStatementLeak")), s.unexpected());
    String report = s.report();
    assertTrue(
        report.startsWith(
            "conformance[source]: files=1 methods=3 expected=2 found=2 matched=1 missing=1"
                + " unexpected=1 known-limits=0"),
        report);
    assertTrue(report.contains("missing     corpus/demo/Demo.java:8: JdbcConnectionLeak"), report);
    assertTrue(report.contains("unexpected  corpus/demo/Demo.java:8: JdbcStatementLeak"), report);
  }

  @Test
  void knownLimitsExcuseOnlyTheirEngine() {
    List<Label> spotbugsFindings =
        List.of(label(8, "JdbcConnectionLeak"), label(16, "JdbcStatementLeak"));
    Score spotbugs = Score.compare(corpus, "spotbugs", spotbugsFindings);
    assertTrue(spotbugs.passed(), spotbugs::report);
    assertEquals(2, spotbugs.known().size());
    assertTrue(spotbugs.staleKnown().isEmpty());
    String report = spotbugs.report();
    assertTrue(report.contains("known-limits=2"), report);
    assertTrue(report.contains("demo reason one"), report);
    assertTrue(report.contains("demo reason two"), report);

    Score errorprone = Score.compare(corpus, "errorprone", spotbugsFindings);
    assertFalse(errorprone.passed());
    assertEquals(Set.of(label(12, "JdbcStatementLeak")), errorprone.missing());
    assertEquals(Set.of(label(16, "JdbcStatementLeak")), errorprone.unexpected());
  }

  @Test
  void staleKnownLimitsAreReportedNotFailed() {
    Score s =
        Score.compare(
            corpus, "spotbugs",
            List.of(label(8, "JdbcConnectionLeak"), label(12, "JdbcStatementLeak")));
    assertTrue(s.passed(), s::report);
    assertEquals(2, s.staleKnown().size());
    assertTrue(s.report().contains("[stale: now reported"), s::report);
    assertTrue(s.report().contains("[stale: no longer reported"), s::report);
  }

  @Test
  void findingPathsAreNormalised() {
    String abs = root.resolve(FILE).toString();
    Score s =
        Score.compare(
            corpus, "errorprone",
            List.of(
                new Label(abs, 8, "JdbcConnectionLeak"),
                new Label("conformance/src/main/java/" + FILE, 12, "JdbcStatementLeak")));
    assertTrue(s.passed(), s::report);
    Score windows =
        Score.compare(
            corpus, "errorprone",
            List.of(
                new Label("corpus\\demo\\Demo.java", 8, "JdbcConnectionLeak"),
                new Label("./" + FILE, 12, "JdbcStatementLeak")));
    assertTrue(windows.passed(), windows::report);
  }

  @Test
  void unknownEngineIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Score.compare(corpus, "pmd", List.of()));
    assertThrows(IllegalArgumentException.class, () -> corpus.knownLimits("SpotBugs"));
  }

  @Test
  void corpusAccessors() {
    assertEquals(root.toAbsolutePath().normalize(), corpus.root());
    assertEquals(List.of(root.resolve(FILE).toAbsolutePath().normalize()), corpus.files());
    assertEquals(FILE, corpus.relativize(corpus.files().get(0)));
    assertEquals(Set.of(label(8, "JdbcConnectionLeak"), label(12, "JdbcStatementLeak")),
        corpus.labels());
    assertEquals(3, corpus.methodCount());
    assertTrue(corpus.knownLimits("source").isEmpty());
    assertEquals(2, corpus.knownLimits("spotbugs").size());
    assertEquals(2, corpus.allKnownLimits().size());
  }
}
