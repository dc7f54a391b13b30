package dev.leakguard.spotbugs;

import static dev.leakguard.conformance.PlatformBodies.ACQUIRED_LINE;
import static dev.leakguard.conformance.PlatformBodies.APP_PATH;
import static dev.leakguard.conformance.PlatformBodies.ELSEWHERE;
import static dev.leakguard.conformance.PlatformBodies.PLATFORM;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.conformance.PlatformBodies;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The classes of the platform's own packages are not summarised when they are among the classes
 * analysed: a call into them is decided as in a project without them (see {@code
 * CallEffects.summarisesBodiesOf}). The same helper in another package is.
 */
@ExtendWith(SpotBugsExtension.class)
class PlatformBodiesTest {
  private static List<String> bugs(SpotBugsRunner spotbugs, String helperPackage) throws Exception {
    Path classes = Javac.compileSources(PlatformBodies.sources(helperPackage), List.of("--release", "17", "-g"));
    List<String> out = new ArrayList<>();
    for (BugInstance b : Runs.leakGuardBugs(Runs.analyze(spotbugs, classes))) {
      out.add(b.getPrimarySourceLineAnnotation().getSourcePath() + ":" + b.getPrimarySourceLineAnnotation().getStartLine() + " " + b.getType());
    }
    return out;
  }

  @Test
  void platformBodiesAreDecidedAsWithoutThem(SpotBugsRunner spotbugs) throws Exception {
    assertEquals(List.of(APP_PATH + ":" + ACQUIRED_LINE + " JdbcConnectionLeak"), bugs(spotbugs, PLATFORM));
  }

  @Test
  void theSameHelperElsewhereIsSummarised(SpotBugsRunner spotbugs) throws Exception {
    assertEquals(List.of(), bugs(spotbugs, ELSEWHERE));
  }
}
