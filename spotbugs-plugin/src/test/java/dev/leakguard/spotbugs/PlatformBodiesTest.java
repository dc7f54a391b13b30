package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The classes of the platform's own packages are not summarised when they are among the classes
 * analysed: a call into them is decided as in a project without them (see {@code
 * CallEffects.summarisesBodiesOf}). The same helper in another package is.
 */
@ExtendWith(SpotBugsExtension.class)
class PlatformBodiesTest {
  private static String helper(String pkg) {
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
        "}");
  }

  private static String app(String pkg) {
    return String.join(
        "\n",
        "package demo;",
        "import java.sql.*;",
        "import javax.sql.DataSource;",
        "public class App {",
        "  public void run(DataSource ds) throws SQLException {",
        "    Connection c = ds.getConnection();",
        "    " + pkg + ".Quiet.close(c);",
        "  }",
        "}");
  }

  private static List<String> bugs(SpotBugsRunner spotbugs, Map<String, String> sources) throws Exception {
    Path classes = Javac.compileSources(sources, List.of("--release", "17", "-g"));
    List<String> out = new ArrayList<>();
    for (BugInstance b : Runs.leakGuardBugs(Runs.analyze(spotbugs, classes))) {
      out.add(b.getPrimarySourceLineAnnotation().getSourcePath() + ":" + b.getPrimarySourceLineAnnotation().getStartLine() + " " + b.getType());
    }
    return out;
  }

  @Test
  void platformBodiesAreDecidedAsWithoutThem(SpotBugsRunner spotbugs) throws Exception {
    assertEquals(
        List.of("demo/App.java:6 JdbcConnectionLeak"),
        bugs(spotbugs, Map.of("demo.App", app("jdk.example"), "jdk.example.Quiet", helper("jdk.example"))));
  }

  @Test
  void theSameHelperElsewhereIsSummarised(SpotBugsRunner spotbugs) throws Exception {
    assertEquals(
        List.of(), bugs(spotbugs, Map.of("demo.App", app("org.example"), "org.example.Quiet", helper("org.example"))));
  }
}
