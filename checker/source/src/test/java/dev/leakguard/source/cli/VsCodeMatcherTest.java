package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tools.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VS Code task of checker/source/README.md: its problem matcher's pattern, read from the
 * README as written, matches every line the real scan prints, with the right groups.
 */
class VsCodeMatcherTest {
  @TempDir Path dir;

  private static final String DAO =
      """
      package shop;

      import java.sql.Connection;
      import java.sql.ResultSet;
      import java.sql.SQLException;
      import java.sql.Statement;
      import javax.sql.DataSource;

      class ReportDao {
        private final DataSource ds;

        ReportDao(DataSource ds) {
          this.ds = ds;
        }

        int count() throws SQLException {
          Connection c = ds.getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t");
          return rs.next() ? rs.getInt(1) : 0;
        }

        void touch() throws SQLException {
          try (Connection c = ds.getConnection()) {
            c.createStatement().execute("UPDATE t SET n = n + 1");
          }
        }
      }
      """;

  @Test
  void theReadmePatternMatchesEveryLineOfTheRealOutput() throws Exception {
    Path readme = WorkflowTest.repoRoot().resolve("checker/source/README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
    JsonNode matcher = null;
    while (block.find()) {
      JsonNode doc = JsonReport.MAPPER.readTree(block.group(1));
      if (doc.has("tasks")) {
        matcher = doc.get("tasks").get(0).get("problemMatcher");
      }
    }
    assertTrue(matcher != null, "no VS Code task with a problemMatcher in " + readme);
    JsonNode p = matcher.get("pattern");
    Pattern regexp = Pattern.compile(p.get("regexp").asString());

    Files.createDirectories(dir.resolve("src/shop"));
    Files.writeString(dir.resolve("src/shop/ReportDao.java"), DAO);
    CliRunner.Result r =
        CliRunner.run(dir, Analyzer.sourceEngine(), "", "scan", "--root", ".", "--fail-on", "never", "src");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertFalse(lines.isEmpty(), r.err());
    Set<String> severities = new TreeSet<>();
    for (String line : lines) {
      Matcher m = regexp.matcher(line);
      assertTrue(m.matches(), "the problem matcher misses: " + line);
      assertTrue(Files.isRegularFile(dir.resolve(m.group(p.get("file").asInt()))), line);
      assertTrue(Integer.parseInt(m.group(p.get("line").asInt())) > 0, line);
      severities.add(m.group(p.get("severity").asInt()));
      assertTrue(m.group(p.get("message").asInt()).startsWith("[Jdbc"), line);
    }
    // one of each level: the connection (error), statement and result set (warnings), and the
    // statement left to its connection's close (note)
    assertEquals(Set.of("error", "warning", "note"), severities, r.out());
  }
}
