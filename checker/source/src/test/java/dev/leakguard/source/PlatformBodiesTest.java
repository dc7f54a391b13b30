package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.core.model.ResourceModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bodies of the platform's own classes are not summarised when the tree holds them (a scan of
 * the platform's sources): a call into them is decided as in a project that calls them without
 * their sources. The same helper outside the platform is summarised.
 */
class PlatformBodiesTest {
  @TempDir Path root;

  private static String helper(String pkg) {
    return "package " + pkg + ";\n"
        + "public class Quiet {\n"
        + "  public static void close(AutoCloseable c) {\n"
        + "    try {\n"
        + "      c.close();\n"
        + "    } catch (Exception e) {\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  private static String app(String pkg) {
    return "import java.sql.*;\nimport javax.sql.DataSource;\n"
        + "class App {\n"
        + "  void run(DataSource ds) throws SQLException {\n"
        + "    Connection c = ds.getConnection();\n"
        + "    " + pkg + ".Quiet.close(c);\n"
        + "  }\n"
        + "}\n";
  }

  @Test
  void platformBodiesAreDecidedAsWithoutTheirSources() throws IOException {
    Path app = write("App.java", app("jdk.example"));
    List<String> without = findings(List.of(app));
    Path platform = write("jdk/example/Quiet.java", helper("jdk.example"));
    assertEquals(without, findings(List.of(app, platform)));
    assertEquals(List.of("App.java:5 JdbcConnectionLeak"), without);
  }

  @Test
  void theSameHelperOutsideThePlatformIsSummarised() throws IOException {
    Path app = write("App.java", app("org.example"));
    Path helper = write("org/example/Quiet.java", helper("org.example"));
    assertEquals(List.of(), findings(List.of(app, helper)));
  }

  private Path write(String name, String text) throws IOException {
    Path f = root.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private List<String> findings(List<Path> files) {
    return Findings.of(SourceEngine.create(ResourceModel.builtIn(), root, files), files);
  }
}
