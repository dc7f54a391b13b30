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

  /** Compiles a small library (outside the scanned tree) into {@code lib/} and returns it. */
  private Path compiledLibrary() throws Exception {
    Path src = dir.resolve("libsrc/com/acme");
    Files.createDirectories(src);
    Files.writeString(
        src.resolve("ScriptReader.java"),
        "package com.acme;\npublic class ScriptReader {\n"
            + "  public String readStatement() { return null; }\n}\n");
    Files.writeString(
        src.resolve("DataError.java"),
        "package com.acme;\npublic class DataError extends RuntimeException {\n"
            + "  public DataError(String m) { super(m); }\n}\n");
    Files.writeString(
        src.resolve("Checks.java"),
        "package com.acme;\npublic class Checks {\n"
            + "  public static void verify(java.sql.Connection c) throws DataError {}\n}\n");
    Path out = dir.resolve("lib");
    Files.createDirectories(out);
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null, null, null, "-d", out.toString(),
            src.resolve("ScriptReader.java").toString(),
            src.resolve("DataError.java").toString(),
            src.resolve("Checks.java").toString());
    assertEquals(0, rc);
    return out;
  }

  private static final String LIBRARY_CALLS =
      String.join(
          "\n",
          "import java.sql.*;",
          "import javax.sql.DataSource;",
          "import com.acme.Checks;",
          "import com.acme.ScriptReader;",
          "class Runner {",
          "  int firstLength(DataSource ds, ScriptReader reader) throws SQLException {",
          "    Connection con = ds.getConnection();",
          "    String sql = reader.readStatement();",
          "    con.close();",
          "    return sql.length();",
          "  }",
          "  Connection checked(DataSource ds) throws SQLException {",
          "    Connection con = ds.getConnection();",
          "    try {",
          "      Checks.verify(con);",
          "    } catch (RuntimeException | Error e) {",
          "      con.close();",
          "      throw e;",
          "    }",
          "    return con;",
          "  }",
          "}");

  /**
   * Without a class path, a call into a library may throw what the method declares, and a library
   * exception is not known to be unchecked: both methods seem to leak when it throws. With the
   * library on the class path the calls resolve as for the compiler: readStatement() declares
   * nothing, and DataError is a RuntimeException that the catch closes for.
   */
  @Test
  void aClassPathResolvesCallsIntoLibraries() throws Exception {
    Path lib = compiledLibrary();
    Path f = dir.resolve("src/Runner.java");
    Files.createDirectories(f.getParent());
    Files.writeString(f, LIBRARY_CALLS);
    SourceEngine.FileResult without =
        SourceEngine.create(ResourceModel.builtIn(), dir, List.of(f)).analyze(f);
    assertEquals(List.of(7, 13), without.findings().stream().map(x -> x.line()).toList(),
        without.findings().toString());
    SourceEngine.FileResult with =
        SourceEngine.create(
                ResourceModel.builtIn(), dir, List.of(f),
                SourceEngine.Options.defaults().withClassPath(List.of(lib)))
            .analyze(f);
    assertEquals(List.of(), with.findings(), with.findings().toString());
  }

  /** A class path entry that does not exist, or a class that cannot be linked, is only unknown. */
  @Test
  void aMissingClassPathEntryChangesNothing() throws Exception {
    Path f = dir.resolve("src/Runner.java");
    Files.createDirectories(f.getParent());
    Files.writeString(f, LIBRARY_CALLS);
    SourceEngine.FileResult r =
        SourceEngine.create(
                ResourceModel.builtIn(), dir, List.of(f),
                SourceEngine.Options.defaults().withClassPath(List.of(dir.resolve("no-such.jar"))))
            .analyze(f);
    assertEquals(List.of(7, 13), r.findings().stream().map(x -> x.line()).toList(), r.findings().toString());
  }

  @Test
  void aFileNestedTooDeeplyIsSkippedWithTheReason() throws Exception {
    // deeper than the index threads' stack (SourceEngine.WORKER_STACK_BYTES) can parse, within
    // the default size limit of 2 MB
    String deep = "(".repeat(900_000) + "1" + ")".repeat(900_000);
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
    assertEquals("is not valid UTF-8 (give the sources' encoding: --encoding)", r.skipped());
  }

  @Test
  void aLatin1FileIsReadInItsEncoding() throws Exception {
    Path f = dir.resolve("Latin.java");
    Files.write(f, "import java.sql.*;\nclass Latin { // caf\u00e9\n  void m(javax.sql.DataSource ds) throws SQLException {\n    Connection c = ds.getConnection();\n  }\n}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    SourceEngine.FileResult r =
        SourceEngine.create(ResourceModel.builtIn(), dir, List.of(f),
                SourceEngine.Options.defaults().withEncoding(java.nio.charset.StandardCharsets.ISO_8859_1))
            .analyze(f);
    assertEquals(null, r.skipped());
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertEquals(4, r.findings().get(0).line());
  }

  /**
   * Java 22 to 25 syntax is read: unnamed variables and patterns, statements before super() (more
   * in {@link Java25SyntaxTest}).
   */
  @Test
  void java25SyntaxIsReadAndItsLeaksFound() throws Exception {
    Path f = dir.resolve("Modern.java");
    Files.writeString(f, """
        import java.sql.*;
        import javax.sql.DataSource;

        class Modern {
          sealed interface Shape permits Circle, Square {}
          record Circle(double r) implements Shape {}
          record Square(double s) implements Shape {}

          private final DataSource ds;

          Modern(DataSource ds) {
            if (ds == null) {
              throw new IllegalArgumentException("no data source");
            }
            super();
            this.ds = ds;
          }

          int count(Object o) throws SQLException {
            Connection c = ds.getConnection();
            int n = switch (o) {
              case Circle _ -> 1;
              case Square _ -> 2;
              default -> 0;
            };
            for (var _ : java.util.List.of(1, 2)) {
              n++;
            }
            return n;
          }
        }
        """);
    SourceEngine.FileResult r = SourceEngine.create(ResourceModel.builtIn(), dir, List.of(f)).analyze(f);
    assertEquals(null, r.skipped());
    assertEquals(1, r.findings().size(), r.findings().toString());
    assertEquals(20, r.findings().get(0).line());
  }

  /** {@code yield Enum.CONSTANT;} (hibernate has such code), which JavaParser 3.28.0 read only at level 21. */
  @Test
  void yieldOfAQualifiedNameStillParses() throws Exception {
    Path f = dir.resolve("Yielding.java");
    Files.writeString(f, """
        class Yielding {
          enum Z { A, B }
          Z f(int i) {
            return switch (i) {
              case 1 -> {
                if (i > 3) {
                  throw new IllegalStateException();
                }
                yield Z.A;
              }
              default -> Z.B;
            };
          }
        }
        """);
    assertEquals(null, SourceEngine.create(ResourceModel.builtIn(), dir, List.of(f)).analyze(f).skipped());
  }

  @Test
  void thePreparingPassesTellHowTheyAdvanceFileByFile() throws Exception {
    Path a = dir.resolve("A.java");
    Path b = dir.resolve("B.java");
    Path broken = dir.resolve("Broken.java");
    Files.writeString(a, "class A {\n  void m() {}\n}\n");
    Files.writeString(b, "class B {\n}\n");
    Files.writeString(broken, "class Broken {\n");
    List<String> told = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    SourceEngine.create(
        ResourceModel.builtIn(), dir, List.of(a, b, broken), SourceEngine.Options.defaults().withThreads(1),
        (pass, done, total, lines) -> told.add(pass + " " + done + "/" + total + " " + lines));
    // with one thread, in the order given; the second pass goes last file first, over the files that parse
    assertEquals(
        List.of(
            "indexing 1/3 4", "indexing 2/3 7", "indexing 3/3 9",
            "tracing callers 1/2 3", "tracing callers 2/2 7"),
        told);
  }
}
