package dev.leakguard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelParserTest {
  private static final String FILE = "corpus/sample/Sample.java";

  private static LabelParser.Result parse(String... lines) {
    return LabelParser.parse(FILE, String.join("\n", lines) + "\n");
  }

  private static IllegalArgumentException failure(String... lines) {
    return assertThrows(IllegalArgumentException.class, () -> parse(lines));
  }

  @Test
  void singleLabel() {
    LabelParser.Result r =
        parse(
            "class Sample {",
            "  void m() throws Exception {",
            "    Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak",
            "  }",
            "}");
    assertEquals(List.of(new Label(FILE, 3, "JdbcConnectionLeak")), r.labels());
    assertTrue(r.knownLimits().isEmpty());
  }

  @Test
  void severalIdsOnOneLine() {
    LabelParser.Result r =
        parse(
            "x();",
            "return con.prepareStatement(q).executeQuery().next(); //LEAK JdbcStatementLeak,JdbcResultSetLeak",
            "y(); //   LEAK   JdbcConnectionLeak ,  JdbcStatementLeak  ");
    assertEquals(
        List.of(
            new Label(FILE, 2, "JdbcStatementLeak"),
            new Label(FILE, 2, "JdbcResultSetLeak"),
            new Label(FILE, 3, "JdbcConnectionLeak"),
            new Label(FILE, 3, "JdbcStatementLeak")),
        r.labels());
  }

  @Test
  void everyCheckIdIsAcceptedUnderItsKeyword() {
    for (String id : Corpus.CHECK_IDS) {
      String keyword = id.startsWith("JdbcPool") ? "POOL" : "LEAK";
      assertEquals(List.of(new Label(FILE, 1, id)), parse("a(); // " + keyword + " " + id).labels());
    }
  }

  @Test
  void leakAndPoolIdsCannotSwapKeywords() {
    IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
        () -> parse("c.setMaximumPoolSize(1); // LEAK JdbcPoolSizeOutOfRange"));
    assertTrue(pool.getMessage().contains("label the setter call '// POOL JdbcPoolSizeOutOfRange'"), pool.getMessage());
    IllegalArgumentException leak = assertThrows(IllegalArgumentException.class,
        () -> parse("ds.getConnection(); // POOL JdbcConnectionLeak"));
    assertTrue(leak.getMessage().contains("is not a pool configuration id"), leak.getMessage());
  }

  @Test
  void commentMarkersInsideLiteralsAreNotComments() {
    LabelParser.Result r =
        parse(
            "String url = \"jdbc:postgresql://db/app\"; // LEAK JdbcConnectionLeak",
            "String s = \"// LEAK JdbcNoSuchId\";",
            "char c = '\"'; String t = \"/* LEAK JdbcNoSuchId */\";",
            "String block = \"\"\"",
            "    // LEAK JdbcNoSuchId",
            "    \\\"\"\" still inside",
            "    \"\"\"; // LEAK JdbcStatementLeak",
            "String esc = \"a\\\"// LEAK JdbcNoSuchId\";");
    assertEquals(
        List.of(new Label(FILE, 1, "JdbcConnectionLeak"), new Label(FILE, 7, "JdbcStatementLeak")),
        r.labels());
  }

  @Test
  void lineNumbersSurviveBlockCommentsAndCrLf() {
    String src = "/* a\r\n * b\r\n */\r\nx(); // LEAK JdbcResultSetLeak\r\n";
    assertEquals(
        List.of(new Label(FILE, 4, "JdbcResultSetLeak")), LabelParser.parse(FILE, src).labels());
  }

  @Test
  void ordinaryCommentsAreIgnored() {
    LabelParser.Result r =
        parse(
            "// leaks the connection when the query fails",
            "x(); // known to be slow",
            "/** Leaky twin of the method below. */",
            "y(); // LEAKAGE is not a label word");
    assertTrue(r.labels().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown id | x(); // LEAK JdbcConnectionLeek | 1 | unknown check id 'JdbcConnectionLeek'",
        "no id | x(); // LEAK | 1 | malformed label",
        "no id, trailing space | x(); // LEAK   | 1 | malformed label",
        "missing comma | x(); // LEAK JdbcConnectionLeak JdbcStatementLeak | 1 | malformed label",
        "trailing comma | x(); // LEAK JdbcConnectionLeak, | 1 | malformed label",
        "colon | x(); // LEAK: JdbcConnectionLeak | 1 | malformed label",
        "lower case | x(); // leak JdbcConnectionLeak | 1 | malformed label",
        "duplicate id | x(); // LEAK JdbcStatementLeak, JdbcStatementLeak | 1 | appears twice",
        "label without code | // LEAK JdbcConnectionLeak | 1 | must end the line",
        "label after text | x(); // see below; LEAK JdbcConnectionLeak | 1 | must be the whole",
        "block comment label | x(); /* LEAK JdbcConnectionLeak */ | 1 | block comments",
      })
  void malformedLabelsNameFileAndLine(String name, String line, int lineNo, String message) {
    IllegalArgumentException e = failure("int a;", line);
    assertTrue(
        e.getMessage().startsWith(FILE + ":" + (lineNo + 1) + ": "),
        () -> "message should start with file:line: " + e.getMessage());
    assertTrue(e.getMessage().contains(message), () -> "unexpected message: " + e.getMessage());
  }

  @Test
  void knownLineAppliesToTheNextCodeLine() {
    LabelParser.Result r =
        parse(
            "a();",
            "    // KNOWN(spotbugs) missing JdbcCloseChain: bytecode merges the finally copies",
            "    st = con.createStatement(); // LEAK JdbcCloseChain",
            "    // KNOWN(source) unexpected JdbcStatementLeak: no type information",
            "    // KNOWN(errorprone) unexpected JdbcStatementLeak: flow through the collection",
            "    list.add(con.createStatement());");
    assertEquals(List.of(new Label(FILE, 3, "JdbcCloseChain")), r.labels());
    assertEquals(
        List.of(
            new KnownLimit("spotbugs", "missing", new Label(FILE, 3, "JdbcCloseChain"),
                "bytecode merges the finally copies"),
            new KnownLimit("source", "unexpected", new Label(FILE, 6, "JdbcStatementLeak"),
                "no type information"),
            new KnownLimit("errorprone", "unexpected", new Label(FILE, 6, "JdbcStatementLeak"),
                "flow through the collection")),
        r.knownLimits());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown engine | // KNOWN(pmd) missing JdbcConnectionLeak: why | unknown engine 'pmd'",
        "unknown kind | // KNOWN(spotbugs) absent JdbcConnectionLeak: why | unknown kind 'absent'",
        "unknown id | // KNOWN(spotbugs) missing JdbcLeak: why | unknown check id 'JdbcLeak'",
        "no reason | // KNOWN(spotbugs) missing JdbcConnectionLeak: | malformed KNOWN line",
        "no colon | // KNOWN(spotbugs) missing JdbcConnectionLeak why | malformed KNOWN line",
        "lower case | // known(spotbugs) missing JdbcConnectionLeak: why | malformed KNOWN line",
        "no engine | // KNOWN missing JdbcConnectionLeak: why | malformed KNOWN line",
      })
  void malformedKnownLines(String name, String known, String message) {
    IllegalArgumentException e =
        failure("int a;", known, "Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak");
    assertTrue(e.getMessage().startsWith(FILE + ":2: "), e::getMessage);
    assertTrue(e.getMessage().contains(message), () -> "unexpected message: " + e.getMessage());
  }

  @Test
  void knownLineFollowedByBlankLineIsAnError() {
    IllegalArgumentException e =
        failure(
            "// KNOWN(spotbugs) missing JdbcConnectionLeak: reason",
            "",
            "Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak");
    assertTrue(e.getMessage().startsWith(FILE + ":1: "), e::getMessage);
    assertTrue(e.getMessage().contains("not directly followed by a code line"), e::getMessage);
  }

  @Test
  void knownLineFollowedByOtherCommentIsAnError() {
    IllegalArgumentException e =
        failure(
            "// KNOWN(spotbugs) missing JdbcConnectionLeak: reason",
            "// an explanation in between",
            "Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak");
    assertTrue(e.getMessage().startsWith(FILE + ":1: "), e::getMessage);
  }

  @Test
  void knownLineAtEndOfFileIsAnError() {
    IllegalArgumentException e = failure("x();", "// KNOWN(source) missing JdbcConnectionLeak: r");
    assertTrue(e.getMessage().startsWith(FILE + ":2: "), e::getMessage);
  }

  @Test
  void knownLineOnACodeLineIsAnError() {
    IllegalArgumentException e =
        failure("x(); // KNOWN(source) unexpected JdbcConnectionLeak: reason");
    assertTrue(e.getMessage().startsWith(FILE + ":1: "), e::getMessage);
    assertTrue(e.getMessage().contains("on its own line"), e::getMessage);
  }

  @Test
  void knownMissingNeedsTheLabelBelow() {
    IllegalArgumentException e =
        failure(
            "// KNOWN(spotbugs) missing JdbcStatementLeak: reason",
            "Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak");
    assertTrue(e.getMessage().startsWith(FILE + ":1: "), e::getMessage);
    assertTrue(e.getMessage().contains("has no LEAK JdbcStatementLeak"), e::getMessage);
  }

  @Test
  void knownUnexpectedMustNotNameALabel() {
    IllegalArgumentException e =
        failure(
            "// KNOWN(spotbugs) unexpected JdbcConnectionLeak: reason",
            "Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak");
    assertTrue(e.getMessage().startsWith(FILE + ":1: "), e::getMessage);
    assertTrue(e.getMessage().contains("is labelled"), e::getMessage);
  }
}
