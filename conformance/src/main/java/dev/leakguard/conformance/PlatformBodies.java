package dev.leakguard.conformance;

import java.util.Map;

/**
 * The case every engine's test of the platform-bodies rule compiles or scans: a connection handed
 * to a close helper, the helper in a platform package ({@link #PLATFORM}: not summarised, as
 * without its body, so the connection leaks) or elsewhere ({@link #ELSEWHERE}: summarised, its
 * close seen, no finding).
 */
public final class PlatformBodies {
  /** A package of the platform's own (see {@code CallEffects.summarisesBodiesOf}). */
  public static final String PLATFORM = "jdk.example";

  /** A package of anyone else's. */
  public static final String ELSEWHERE = "org.example";

  /** The path of the application class, from the source root. */
  public static final String APP_PATH = "demo/App.java";

  /** The line of {@link #APP_PATH} where the connection is acquired. */
  public static final int ACQUIRED_LINE = 6;

  private PlatformBodies() {}

  /** The sources, by binary class name, with the helper in package {@code helperPackage}. */
  public static Map<String, String> sources(String helperPackage) {
    return Map.of("demo.App", app(helperPackage), helperPackage + ".Quiet", helper(helperPackage));
  }

  /** The path of the helper in package {@code pkg}, from the source root. */
  public static String helperPath(String pkg) {
    return pkg.replace('.', '/') + "/Quiet.java";
  }

  /** A helper that closes what it is given, quietly. */
  public static String helper(String pkg) {
    return String.join(
        "\n",
        "package " + pkg + ";",
        "public class Quiet {",
        "  public static void close(AutoCloseable c) {",
        "    try {",
        "      c.close();",
        "    } catch (Exception e) {",
        "    }",
        "  }",
        "}",
        "");
  }

  /** An application method that hands a new connection to the helper of package {@code helperPackage}. */
  public static String app(String helperPackage) {
    return String.join(
        "\n",
        "package demo;",
        "import java.sql.*;",
        "import javax.sql.DataSource;",
        "public class App {",
        "  public void run(DataSource ds) throws SQLException {",
        "    Connection c = ds.getConnection();",
        "    " + helperPackage + ".Quiet.close(c);",
        "  }",
        "}",
        "");
  }
}
