package dev.leakguard.errorprone;

import static dev.leakguard.conformance.PlatformBodies.ACQUIRED_LINE;
import static dev.leakguard.conformance.PlatformBodies.APP_PATH;
import static dev.leakguard.conformance.PlatformBodies.ELSEWHERE;
import static dev.leakguard.conformance.PlatformBodies.PLATFORM;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.conformance.PlatformBodies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes of the platform's own packages are not summarised when they are in the
 * compilation: a call into them is decided as in a project without them (see {@code
 * CallEffects.summarisesBodiesOf}). The same helper in another package is.
 */
class PlatformBodiesTest {
  @TempDir Path root;

  private List<String> findings(String helperPackage) throws Exception {
    Path app = root.resolve(APP_PATH);
    Path helper = root.resolve(PlatformBodies.helperPath(helperPackage));
    for (Path f : List.of(app, helper)) {
      Files.createDirectories(f.getParent());
    }
    Files.writeString(app, PlatformBodies.app(helperPackage));
    Files.writeString(helper, PlatformBodies.helper(helperPackage));
    EpCompiler.Result r = EpCompiler.compile(List.of(app, helper), List.of());
    assertEquals(List.of(), r.otherDiagnostics());
    List<String> out = new ArrayList<>();
    for (EpCompiler.Reported f : r.findings()) {
      out.add(root.relativize(f.file()).toString().replace('\\', '/') + ":" + f.line() + " " + f.id());
    }
    return out;
  }

  @Test
  void platformBodiesAreDecidedAsWithoutThem() throws Exception {
    assertEquals(List.of(APP_PATH + ":" + ACQUIRED_LINE + " JdbcConnectionLeak"), findings(PLATFORM));
  }

  @Test
  void theSameHelperElsewhereIsSummarised() throws Exception {
    assertEquals(List.of(), findings(ELSEWHERE));
  }
}
