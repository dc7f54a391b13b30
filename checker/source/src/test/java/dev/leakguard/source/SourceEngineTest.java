package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.model.ResourceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine behaviour the corpus does not cover: bad input and untyped calls. */
class SourceEngineTest {
  @TempDir Path dir;

  private SourceEngine.FileResult scan(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return SourceEngine.create(ResourceModel.builtIn(), dir, List.of(f)).analyze(f);
  }

  private static final String CURSOR_DAO =
      String.join(
          "\n",
          "import java.sql.*;",
          "import com.acme.Cursor;",
          "class Dao {",
          "  Cursor open(DatabaseMetaData md) throws SQLException {",
          "    return new Cursor(md.getTables(null, null, \"%\", null));",
          "  }",
          "  void dropped(DatabaseMetaData md) throws SQLException {",
          "    Cursor c = new Cursor(md.getTables(null, null, \"%\", null));",
          "    c.next();",
          "  }",
          "}");

  @Test
  void aConstructorOfAClassOutsideTheTreeKeepsTheResourceItIsGiven() throws Exception {
    SourceEngine.FileResult r = scan("Dao.java", CURSOR_DAO);
    // returned inside the cursor: handed over; dropped with the cursor: lost
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertEquals(8, r.findings().get(0).line());
  }

  @Test
  void aModelWrapEntryWorksForAClassOutsideTheTree() throws Exception {
    Path f = dir.resolve("Dao.java");
    Files.writeString(f, CURSOR_DAO);
    ResourceModel model =
        ResourceModel.builtIn()
            .merge(
                ResourceModel.parse(
                    "acme.model",
                    new java.io.StringReader(
                        "section acme https://example.com\nwrap com.acme.Cursor.<init>(java.sql.ResultSet) arg 0\n")));
    SourceEngine.FileResult r = SourceEngine.create(model, dir, List.of(f)).analyze(f);
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertEquals(8, r.findings().get(0).line());
  }

  @Test
  void aFileNestedTooDeeplyIsSkippedWithTheReason() throws Exception {
    String deep = "(".repeat(50_000) + "1" + ")".repeat(50_000);
    SourceEngine.FileResult r = scan("Deep.java", "class Deep { int x = " + deep + "; }");
    assertNotNull(r.skipped());
    assertTrue(r.skipped().contains("nested too deeply") || r.skipped().contains("does not parse"), r.skipped());
  }

  @Test
  void anUntypedCallAssignedToAConnectionLocalIsJudgedByItsName() throws Exception {
    SourceEngine.FileResult r =
        scan(
            "Dao.java",
            String.join(
                "\n",
                "import java.sql.Connection;",
                "import com.acme.tx.TxContext;",
                "class Dao {",
                "  void run() throws Exception {",
                "    Connection c = TxContext.open();",
                "    c.setAutoCommit(false);",
                "  }",
                "  void joined() throws Exception {",
                "    Connection c = TxContext.current();",
                "    c.setAutoCommit(false);",
                "  }",
                "}"));
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertEquals(5, r.findings().get(0).line());
    assertTrue(r.findings().get(0).message().contains("acquired by TxContext.open()"), r.findings().get(0).message());
  }

  @Test
  void suppressWarningsWithTheIdOnTheMethodOrTheClass() throws Exception {
    SourceEngine.FileResult r =
        scan(
            "Dao.java",
            String.join(
                "\n",
                "import java.sql.*;",
                "import javax.sql.DataSource;",
                "@SuppressWarnings(\"JdbcStatementLeak\")",
                "class Dao {",
                "  @SuppressWarnings({\"unused\", \"JdbcConnectionLeak\"})",
                "  void quiet(DataSource ds) throws SQLException { ds.getConnection().createStatement(); }",
                "  void loud(DataSource ds) throws SQLException { ds.getConnection().createStatement(); }",
                "}"));
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertEquals(7, r.findings().get(0).line());
    assertEquals("JdbcConnectionLeak", r.findings().get(0).id().name());
  }

  @Test
  void aFileThatIsNotUtf8IsSkipped() throws Exception {
    Path f = dir.resolve("Latin.java");
    Files.write(f, new byte[] {'c', 'l', 'a', 's', 's', ' ', (byte) 0xE9, ' ', '{', '}'});
    SourceEngine.FileResult r = SourceEngine.create(ResourceModel.builtIn(), dir, List.of(f)).analyze(f);
    assertEquals("is not valid UTF-8", r.skipped());
  }
}
