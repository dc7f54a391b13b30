package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAndGithubReportTest {
  @Test
  void textIsOneJavacStyleLinePerFinding() {
    String text =
        OutputFormat.TEXT.render(
            Fixtures.report(List.of(Fixtures.CONNECTION, Fixtures.STATEMENT, Fixtures.NOTE), List.of()));
    assertEquals(
        Fixtures.CONNECTION.toTextLine() + "\n"
            + Fixtures.STATEMENT.toTextLine() + "\n"
            + Fixtures.NOTE.toTextLine() + "\n",
        text);
    assertTrue(
        text.startsWith(
            "src/main/java/shop/OrderDao.java:42: error: [JdbcConnectionLeak] Connection 'c' acquired"),
        text);
  }

  @Test
  void textOfNoFindingIsEmpty() {
    assertEquals("", OutputFormat.TEXT.render(Fixtures.report(List.of(), List.of())));
  }

  @Test
  void githubAnnotationPerFindingWithSeverityCommand() {
    String gh =
        OutputFormat.GITHUB.render(
            Fixtures.report(List.of(Fixtures.CONNECTION, Fixtures.STATEMENT, Fixtures.NOTE), List.of()));
    List<String> lines = gh.lines().toList();
    assertEquals(3, lines.size());
    assertEquals(
        "::error file=src/main/java/shop/OrderDao.java,line=42,title=[JdbcConnectionLeak]::"
            + Fixtures.CONNECTION.message(),
        lines.get(0));
    assertEquals(
        "::warning file=src/main/java/shop/OrderDao.java,line=57,title=[JdbcStatementLeak]::"
            + Fixtures.STATEMENT.message(),
        lines.get(1));
    assertEquals(
        "::notice file=src/main/java/shop/ReportDao.java,line=12,"
            + "title=[JdbcStatementLeftToConnectionClose]::"
            + Fixtures.NOTE.message(),
        lines.get(2));
  }

  @Test
  void githubEscapesDataAndProperties() {
    String gh = OutputFormat.GITHUB.render(Fixtures.report(List.of(Fixtures.AWKWARD), List.of()));
    assertEquals(
        "::warning file=src/main/java/odd dir/Caf\u00e9%2C \"Q\".java,line=3,title=[JdbcResultSetLeak]::"
            + "ResultSet 'rs' <b>&</b> 100%25 'quoted' \"double\", a:b%0D%0Asecond line\ttab\n",
        gh);
  }

  @Test
  void githubEscapingRules() {
    assertEquals("a%25b%0D%0Ac:d,e", GithubAnnotations.escapeData("a%b\r\nc:d,e"));
    assertEquals("a%25b%0D%0Ac%3Ad%2Ce", GithubAnnotations.escapeProperty("a%b\r\nc:d,e"));
    assertEquals("%2525", GithubAnnotations.escapeData("%25"), "percent first, so no double meaning");
  }
}
