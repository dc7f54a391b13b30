package dev.leakguard.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The classes of the platform's own packages are not summarised when they are in the
 * compilation: a call into them is decided as in a project without them (see {@code
 * CallEffects.summarisesBodiesOf}). The same helper in another package is.
 */
class PlatformBodiesTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcConnectionLeak.class, getClass());

  private static String[] quiet(String pkg) {
    return new String[] {
      "package " + pkg + ";",
      "public class Quiet {",
      "  public static void close(AutoCloseable c) {",
      "    try {",
      "      c.close();",
      "    } catch (Exception e) {",
      "    }",
      "  }",
      "}"
    };
  }

  @Test
  void platformBodiesAreDecidedAsWithoutThem() {
    helper
        .addSourceLines("jdk/example/Quiet.java", quiet("jdk.example"))
        .addSourceLines(
            "App.java",
            "import java.sql.*;",
            "import javax.sql.DataSource;",
            "class App {",
            "  void run(DataSource ds) throws SQLException {",
            "    // BUG: Diagnostic contains: Connection 'c' acquired by DataSource.getConnection() is not closed",
            "    Connection c = ds.getConnection();",
            "    jdk.example.Quiet.close(c);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void theSameHelperElsewhereIsSummarised() {
    helper
        .addSourceLines("org/example/Quiet.java", quiet("org.example"))
        .addSourceLines(
            "App.java",
            "import java.sql.*;",
            "import javax.sql.DataSource;",
            "class App {",
            "  void run(DataSource ds) throws SQLException {",
            "    Connection c = ds.getConnection();",
            "    org.example.Quiet.close(c);",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }
}
