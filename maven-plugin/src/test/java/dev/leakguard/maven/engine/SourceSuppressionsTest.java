package dev.leakguard.maven.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.InputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSuppressionsTest {
  private static final String SOURCE = """
      package a;                                                            // 1
      import java.sql.*;                                                    // 2
      class Dao {                                                           // 3
        @SuppressWarnings("JdbcConnectionLeak")                            // 4
        void one(javax.sql.DataSource ds) throws SQLException {            // 5
          Connection c = ds.getConnection();                               // 6
        }                                                                   // 7
        @SuppressWarnings({"unused", "JdbcStatementLeak"})                 // 8
        void two(Connection c) throws SQLException {                       // 9
          Statement s = c.createStatement();                               // 10
          Connection d = c.getMetaData().getConnection();                  // 11
        }                                                                   // 12
        void three(Connection c) throws SQLException {                     // 13
          @SuppressWarnings(value = "JdbcStatementLeak") Statement s = c.createStatement(); // 14
          Statement t = c.createStatement();                               // 15
        }                                                                   // 16
      }                                                                     // 17
      """;

  @Test
  void dropsOnlyFindingsInsideADeclarationSuppressingTheirId(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Dao.java");
    Files.writeString(file, SOURCE);
    InputFile in = new InputFile(file, "a/Dao.java", "src/main/java/a/Dao.java", "src/main/java/a/Dao.java", false);
    List<ReportedFinding> all = List.of(
        f(6, CheckId.JdbcConnectionLeak),
        f(10, CheckId.JdbcStatementLeak),
        f(11, CheckId.JdbcConnectionLeak),
        f(14, CheckId.JdbcStatementLeak),
        f(15, CheckId.JdbcStatementLeak));
    List<ReportedFinding> kept = SourceSuppressions.apply(all, List.of(in), StandardCharsets.UTF_8);
    assertEquals(List.of(11, 15), kept.stream().map(ReportedFinding::line).toList());
  }

  private static ReportedFinding f(int line, CheckId id) {
    return new ReportedFinding("src/main/java/a/Dao.java", line, id, "m", "fp", List.of("source"));
  }
}
