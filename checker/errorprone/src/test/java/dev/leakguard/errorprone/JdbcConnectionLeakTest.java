package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Error Prone front-end: messages, near misses, options, suppression and the fix. */
class JdbcConnectionLeakTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcConnectionLeak.class, getClass());

  @Nested
  class Identification {
    @Test
    void namesTheThrowingCall() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  int count(DataSource ds) throws SQLException {",
              "    // BUG: Diagnostic contains: Connection 'c' acquired by DataSource.getConnection()"
                  + " is not closed when createStatement throws SQLException at line 7; open it in a"
                  + " try-with-resources header",
              "    Connection c = ds.getConnection();",
              "    Statement s = c.createStatement();",
              "    ResultSet rs = s.executeQuery(\"select 1\");",
              "    rs.close(); s.close(); c.close();",
              "    return 1;",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void earlyReturnBeforeClose() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  boolean ping(DataSource ds, boolean quick) throws SQLException {",
              "    // BUG: Diagnostic contains: is not closed on the return at line 7",
              "    Connection c = ds.getConnection();",
              "    if (quick) return true;",
              "    try { return c.isValid(1); } finally { c.close(); }",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void unboundTemporary() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  void touch(DataSource ds) throws SQLException {",
              "    // BUG: Diagnostic contains: Connection acquired by DataSource.getConnection() is"
                  + " never closed: it is used as a temporary at line 6",
              "    try (PreparedStatement ps = ds.getConnection().prepareStatement(\"update t set x=1\")) {",
              "      ps.executeUpdate();",
              "    }",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void anUnknownFactoryOfAnotherKindStillHandsOverAFreshResource() {
      CompilationTestHelper.newInstance(JdbcStatementLeak.class, getClass())
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "interface Statements { Statement prepareForUpdate(Connection c) throws SQLException; }",
              "class Dao {",
              "  void run(Connection con, Statements statements) throws SQLException {",
              "    // BUG: Diagnostic contains: acquired by Statements.prepareForUpdate(..)",
              "    Statement st = statements.prepareForUpdate(con);",
              "    st.executeUpdate(\"update t set x = 1\");",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void unknownMethodReturningConnectionIsOwned() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "interface Source { Connection open() throws SQLException; }",
              "class Dao {",
              "  void run(Source s) throws SQLException {",
              "    // BUG: Diagnostic contains: acquired by Source.open()",
              "    Connection c = s.open();",
              "    c.setAutoCommit(false);",
              "  }",
              "}")
          .doTest();
    }
  }

  @Nested
  class NearMisses {
    @Test
    void nullGuardedFinally() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  void run(DataSource ds) throws SQLException {",
              "    Connection c = null;",
              "    try {",
              "      c = ds.getConnection();",
              "      c.setAutoCommit(false);",
              "    } finally {",
              "      if (c != null) c.close();",
              "    }",
              "  }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }

    @Test
    void java9TryWithExistingVariable() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  void run(DataSource ds) throws SQLException {",
              "    Connection c = ds.getConnection();",
              "    try (c) { c.setAutoCommit(false); }",
              "  }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }

    @Test
    void factoryReturnsAndGetterIsBorrowed() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  private final Connection shared;",
              "  Dao(Connection shared) { this.shared = shared; }",
              "  Connection open(DataSource ds) throws SQLException { return ds.getConnection(); }",
              "  Connection shared() { return shared; }",
              "  void use() throws SQLException { shared().setAutoCommit(false); }",
              "  void close() throws SQLException { shared.close(); }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }

    @Test
    void isClosedGuardInFinally() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  void run(DataSource ds) throws SQLException {",
              "    Connection con = null;",
              "    try { con = ds.getConnection(); con.setAutoCommit(false); }",
              "    finally { if (con != null && !con.isClosed()) { con.close(); } }",
              "  }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }

    @Test
    void methodReferenceCapturesLikeALambda() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import java.util.List;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  void run(DataSource ds, List<AutoCloseable> cleanup) throws SQLException {",
              "    Connection con = ds.getConnection();",
              "    cleanup.add(con::close);",
              "  }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }

    @Test
    void anUnknownMethodTakingAndReturningAConnectionWrapsIt() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "interface Proxies { Connection traced(Connection c); }",
              "class Dao {",
              "  void run(DataSource ds, Proxies proxies) throws SQLException {",
              "    try (Connection c = proxies.traced(ds.getConnection())) { c.setAutoCommit(false); }",
              "  }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }

    @Test
    void helperInSameFileClosesParameter() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  static void closeQuietly(AutoCloseable c) {",
              "    if (c == null) return;",
              "    try { c.close(); } catch (Exception ignored) { }",
              "  }",
              "  void run(DataSource ds) throws SQLException {",
              "    Connection c = null;",
              "    try { c = ds.getConnection(); c.setAutoCommit(false); }",
              "    finally { closeQuietly(c); }",
              "  }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }
  }

  @Nested
  class OtherCompilationUnits {
    @TempDir Path dir;

    @Test
    void helpersGettersAndWrappersInOtherFilesOfTheCompilationAreSummarised() throws Exception {
      Path helper = dir.resolve("JdbcSupport.java");
      Files.write(
          helper,
          List.of(
              "import java.sql.*;",
              "abstract class JdbcSupport {",
              "  private Connection shared;",
              "  protected Connection getShared() { return shared; }",
              "  protected ResultSet wrap(ResultSet rs) { return rs; }",
              "  protected void close(Statement st) throws SQLException { if (st != null) st.close(); }",
              "  static void closeAll(AutoCloseable... cs) {",
              "    for (AutoCloseable c : cs) { try { if (c != null) c.close(); } catch (Exception e) { } }",
              "  }",
              "}"));
      Path dao = dir.resolve("Dao.java");
      Files.write(
          dao,
          List.of(
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao extends JdbcSupport {",
              "  int count(DataSource ds) throws SQLException {",
              "    Connection c = null; Statement st = null; ResultSet rs = null;",
              "    try {",
              "      c = ds.getConnection();",
              "      st = c.createStatement();",
              "      rs = wrap(st.executeQuery(\"select 1\"));",
              "      return rs.next() ? rs.getInt(1) : 0;",
              "    } finally {",
              "      closeAll(rs, c);",
              "      close(st);",
              "    }",
              "  }",
              "  boolean ping() throws SQLException { return getShared().isValid(1); }",
              "}"));
      EpCompiler.Result r = EpCompiler.compile(List.of(helper, dao), List.of());
      assertTrue(r.findings().isEmpty(), r.findings().toString());
    }
  }

  @Nested
  class Options {
    @TempDir Path dir;

    private static final String[] POOL_SOURCE = {
      "package com.acme;",
      "import java.sql.*;",
      "import javax.sql.DataSource;",
      "class Pool {",
      "  static native void settle(Connection c);",
      "  void run(DataSource ds) throws SQLException {",
      "    Connection c = ds.getConnection();",
      "    settle(c);",
      "  }",
      "}"
    };

    @Test
    void userModelFileAddsAReleasingHelper() throws Exception {
      Path model = dir.resolve("pool.model");
      Files.writeString(model, "section pool https://example.invalid/pool\nrelease com.acme.Pool.settle(java.sql.Connection) arg 0 quiet\n");
      Path src = dir.resolve("Pool.java");
      Files.write(src, List.of(POOL_SOURCE));
      EpCompiler.Result without = EpCompiler.compile(List.of(src), List.of());
      assertTrue(without.findings().stream().anyMatch(f -> f.id().equals("JdbcConnectionLeak")));
      EpCompiler.Result with =
          EpCompiler.compile(List.of(src), List.of("-XepOpt:LeakGuard:ModelFile=" + model));
      assertTrue(with.success(), String.join("\n", with.otherDiagnostics()));
      assertTrue(with.findings().isEmpty(), with.findings().toString());
    }

    @Test
    void malformedModelFileIsAClearErrorNamingFileAndLine() throws Exception {
      Path model = dir.resolve("bad.model");
      Files.writeString(model, "# my model\nacquire com.acme.Db.open() conection\n");
      Path src = dir.resolve("Pool.java");
      Files.write(src, List.of(POOL_SOURCE));
      EpCompiler.Result r =
          EpCompiler.compile(List.of(src), List.of("-XepOpt:LeakGuard:ModelFile=" + model));
      assertFalse(r.success());
      String all = String.join("\n", r.otherDiagnostics());
      assertTrue(all.contains("bad.model:2"), all);
      assertTrue(all.contains("conection"), all);
      // the checks still ran with the built-in model
      assertTrue(r.findings().stream().anyMatch(f -> f.id().equals("JdbcConnectionLeak")));
    }

    @Test
    void suppressWarningsWithTheId() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  @SuppressWarnings(\"JdbcConnectionLeak\")",
              "  Connection keep(DataSource ds) throws SQLException {",
              "    Connection c = ds.getConnection();",
              "    c.setAutoCommit(false);",
              "    return null;",
              "  }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }
  }

  @Nested
  class OddCode {
    @Test
    void labelsSwitchExpressionsLambdasAndAnonymousClassesDoNotBreakTheAnalysis() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import java.util.concurrent.Callable;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  int run(DataSource ds, int mode) throws Exception {",
              "    outer:",
              "    for (int i = 0; i < 3; i++) {",
              "      try (Connection c = ds.getConnection()) {",
              "        int v = switch (mode) { case 1 -> 1; case 2 -> { yield 2; } default -> 0; };",
              "        if (v == 2) continue outer;",
              "        if (v == 1) break outer;",
              "      }",
              "    }",
              "    Callable<Integer> task = () -> {",
              "      // BUG: Diagnostic contains: JdbcConnectionLeak",
              "      Connection c = ds.getConnection();",
              "      return c.getTransactionIsolation();",
              "    };",
              "    Runnable r = new Runnable() {",
              "      @Override public void run() {",
              "        try (Connection c = ds.getConnection()) { c.isValid(1); } catch (SQLException e) { }",
              "      }",
              "    };",
              "    return task.call();",
              "  }",
              "}")
          .doTest();
    }
  }

  @Nested
  class Robustness {
    @TempDir Path dir;

    @Test
    void anInternalErrorIsANoteNamingTheMethodAndTheCompilationGoesOn() throws Exception {
      Path src = dir.resolve("Dao.java");
      Files.write(
          src,
          List.of(
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  void odd(DataSource ds) throws SQLException { Connection c = ds.getConnection(); }",
              "  void other(DataSource ds) throws SQLException { Connection c = ds.getConnection(); }",
              "}"));
      System.setProperty(UnitContext.FAIL_ON_METHOD_PROPERTY, "odd");
      EpCompiler.Result r;
      try {
        r = EpCompiler.compile(List.of(src), List.of("-Xep:JdbcConnectionLeak:WARN"));
      } finally {
        System.clearProperty(UnitContext.FAIL_ON_METHOD_PROPERTY);
      }
      assertTrue(r.success(), String.join("\n", r.otherDiagnostics()));
      List<String> notes = r.otherDiagnostics().stream().filter(d -> d.contains("Dao.odd")).toList();
      assertTrue(notes.size() == 1 && notes.get(0).contains("could not analyse"), r.otherDiagnostics().toString());
      // the other method is still analysed
      assertTrue(r.findings().stream().anyMatch(f -> f.line() == 5), r.findings().toString());
      assertFalse(r.findings().stream().anyMatch(f -> f.line() == 4), r.findings().toString());
    }
  }

  @Nested
  class Fix {
    private final BugCheckerRefactoringTestHelper refactoring =
        BugCheckerRefactoringTestHelper.newInstance(JdbcConnectionLeak.class, JdbcConnectionLeakTest.class);

    @Test
    void convertsToTryWithResourcesAndDropsTheExplicitClose() {
      refactoring
          .addInputLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  boolean valid(DataSource ds) throws SQLException {",
              "    Connection c = ds.getConnection();",
              "    boolean ok = c.isValid(1);",
              "    c.close();",
              "    return ok;",
              "  }",
              "}")
          .addOutputLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  boolean valid(DataSource ds) throws SQLException {",
              "    try (Connection c = ds.getConnection()) {",
              "      boolean ok = c.isValid(1);",
              "      return ok;",
              "    }",
              "  }",
              "}")
          .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
    }

    @Test
    void oneFixForEveryResourceOfTheMethodConsecutiveDeclarationsShareAHeader() {
      BugCheckerRefactoringTestHelper.newInstance(JdbcStatementLeak.class, JdbcConnectionLeakTest.class)
          .addInputLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  String name(DataSource ds, long id) throws SQLException {",
              "    Connection c = ds.getConnection();",
              "    PreparedStatement ps = c.prepareStatement(\"select name from t where id = ?\");",
              "    ps.setLong(1, id);",
              "    // the row, if any",
              "    ResultSet rs = ps.executeQuery();",
              "    String name = rs.next() ? rs.getString(1) : null;",
              "",
              "    rs.close();",
              "    ps.close();",
              "    c.close();",
              "    return name;",
              "  }",
              "}")
          .addOutputLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  String name(DataSource ds, long id) throws SQLException {",
              "    try (Connection c = ds.getConnection();",
              "        PreparedStatement ps = c.prepareStatement(\"select name from t where id = ?\")) {",
              "      ps.setLong(1, id);",
              "      // the row, if any",
              "      try (ResultSet rs = ps.executeQuery()) {",
              "        String name = rs.next() ? rs.getString(1) : null;",
              "        return name;",
              "      }",
              "    }",
              "  }",
              "}")
          .doTest(BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH);
    }

    @Test
    void noFixForAResourceThatIsYieldedOrCastOrUnderAReturnedResultSet() {
      refactoring
          .addInputLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  Connection pick(DataSource a, DataSource b, int which) throws SQLException {",
              "    Connection con = switch (which) {",
              "      case 0 -> a.getConnection();",
              "      default -> {",
              "        Connection other = b.getConnection();",
              "        other.setReadOnly(true);",
              "        yield other;",
              "      }",
              "    };",
              "    return con;",
              "  }",
              "  Object wrap(DataSource ds) throws SQLException {",
              "    Connection c = ds.getConnection();",
              "    c.setReadOnly(true);",
              "    return (Object) c;",
              "  }",
              "}")
          .expectUnchanged()
          .doTest();
    }

    @Test
    void aStatementUnderAReturnedResultSetGetsAdviceInsteadOfAFix() {
      CompilationTestHelper.newInstance(JdbcStatementLeak.class, JdbcConnectionLeakTest.class)
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "class Dao {",
              "  ResultSet open(Connection con) throws SQLException {",
              "    // BUG: Diagnostic contains: is not closed; a resource made from it is handed over, so"
                  + " closing it here would close that too; hand it over with it, or call"
                  + " closeOnCompletion() on a statement.",
              "    PreparedStatement ps = con.prepareStatement(\"select 1\");",
              "    return ps.executeQuery();",
              "  }",
              "}")
          .doTest();
      BugCheckerRefactoringTestHelper.newInstance(JdbcStatementLeak.class, JdbcConnectionLeakTest.class)
          .addInputLines(
              "Dao.java",
              "import java.sql.*;",
              "class Dao {",
              "  ResultSet open(Connection con) throws SQLException {",
              "    PreparedStatement ps = con.prepareStatement(\"select 1\");",
              "    return ps.executeQuery();",
              "  }",
              "}")
          .expectUnchanged()
          .doTest();
    }

    @Test
    void theFixedCodeCompilesAndPassesTheCheck() {
      helper
          .addSourceLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  boolean valid(DataSource ds) throws SQLException {",
              "    try (Connection c = ds.getConnection()) {",
              "    boolean ok = c.isValid(1);",
              "    return ok;",
              "    }",
              "  }",
              "}")
          .expectNoDiagnostics()
          .doTest();
    }

    @Test
    void noFixWhenTheResourceIsReturnedOrTheMethodCannotThrowSqlException() {
      refactoring
          .addInputLines(
              "Dao.java",
              "import java.sql.*;",
              "import javax.sql.DataSource;",
              "class Dao {",
              "  void quiet(DataSource ds) {",
              "    try {",
              "      Connection c = ds.getConnection();",
              "      c.setAutoCommit(false);",
              "    } catch (SQLException e) { }",
              "  }",
              "}")
          .expectUnchanged()
          .doTest();
    }
  }
}
