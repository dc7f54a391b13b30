package dev.leakguard.source;

import static dev.leakguard.conformance.PlatformBodies.ACQUIRED_LINE;
import static dev.leakguard.conformance.PlatformBodies.APP_PATH;
import static dev.leakguard.conformance.PlatformBodies.ELSEWHERE;
import static dev.leakguard.conformance.PlatformBodies.PLATFORM;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.conformance.PlatformBodies;
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

  @Test
  void platformBodiesAreDecidedAsWithoutTheirSources() throws IOException {
    Path app = write(APP_PATH, PlatformBodies.app(PLATFORM));
    List<String> without = findings(List.of(app));
    Path platform = write(PlatformBodies.helperPath(PLATFORM), PlatformBodies.helper(PLATFORM));
    assertEquals(without, findings(List.of(app, platform)));
    assertEquals(List.of(APP_PATH + ":" + ACQUIRED_LINE + " JdbcConnectionLeak"), without);
  }

  @Test
  void theSameHelperOutsideThePlatformIsSummarised() throws IOException {
    Path app = write(APP_PATH, PlatformBodies.app(ELSEWHERE));
    Path helper = write(PlatformBodies.helperPath(ELSEWHERE), PlatformBodies.helper(ELSEWHERE));
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
