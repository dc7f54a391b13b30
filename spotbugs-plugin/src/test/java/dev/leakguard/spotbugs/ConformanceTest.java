package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Label;
import dev.leakguard.conformance.Score;
import edu.umd.cs.findbugs.BugCollection;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SpotBugs engine on the WHOLE conformance corpus, compiled by the JDK's javac with release 17
 * and debug information: exact (file, line, id) agreement with the labels, less the corpus'
 * KNOWN(spotbugs) limits.
 */
@ExtendWith(SpotBugsExtension.class)
class ConformanceTest {

  @Test
  void wholeCorpusMatchesLabels(SpotBugsRunner spotbugs) throws Exception {
    Corpus corpus = Corpus.load(Corpus.locateRoot());
    Path classes = Javac.compile(corpus.files(), List.of("--release", "17", "-g"));
    BugCollection bugs = Runs.analyze(spotbugs, classes);
    List<Label> found = Runs.labels(bugs);
    Score score = Score.compare(corpus, "spotbugs", found);
    System.out.println(score.report());
    if (!score.passed()) {
      for (BugInstance b : Runs.leakGuardBugs(bugs)) {
        var s = b.getPrimarySourceLineAnnotation();
        Label l = new Label(s.getSourcePath(), Math.max(1, s.getStartLine()), b.getType());
        if (score.unexpected().contains(l)) {
          System.out.println("  unexpected: " + l + " " + b.getMessageWithoutPrefix());
        }
      }
    }
    assertTrue(score.passed(), score.report());
  }
}
