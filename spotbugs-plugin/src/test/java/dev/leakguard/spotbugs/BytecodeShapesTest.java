package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Label;
import dev.leakguard.conformance.Score;
import edu.umd.cs.findbugs.BugCollection;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cases that exist because of bytecode: try-with-resources shapes of several javac versions,
 * finally blocks copied per exit, string switches, inner classes and lambdas, only declared
 * checked exceptions, helpers of other classes (whole-program summaries) and suppression. The
 * fixtures under src/test/fixtures are labelled like the conformance corpus and scored the same
 * way.
 */
@ExtendWith(SpotBugsExtension.class)
class BytecodeShapesTest {
  static final Path FIXTURES = Path.of("src/test/fixtures").toAbsolutePath();

  @Test
  void fixturesMatchTheirLabels(SpotBugsRunner spotbugs) throws Exception {
    Corpus fixtures = Corpus.load(FIXTURES);
    Path classes = Javac.compile(fixtures.files(), List.of("--release", "17", "-g"));
    BugCollection bugs = Runs.analyze(spotbugs, classes);
    List<Label> found = Runs.labels(bugs);
    Score score = Score.compare(fixtures, "spotbugs", found);
    System.out.println(score.report());
    assertTrue(score.passed(), score.report());
  }
}
