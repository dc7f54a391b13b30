package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Label;
import dev.leakguard.conformance.Score;
import dev.leakguard.conformance.Section;
import edu.umd.cs.findbugs.BugCollection;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SpotBugs engine on the WHOLE conformance corpus, each section compiled by the JDK's javac at
 * its release (17; the Java 25 section at 25, in a build on JDK 25) with debug information: exact
 * (file, line, id) agreement with the labels, less the corpus' KNOWN(spotbugs) limits.
 */
@ExtendWith(SpotBugsExtension.class)
class ConformanceTest {

  static List<Section> sections() {
    return Section.all();
  }

  @ParameterizedTest
  @MethodSource("sections")
  void wholeCorpusMatchesLabels(Section section, SpotBugsRunner spotbugs) throws Exception {
    Corpus corpus = section.load();
    List<String> options = new ArrayList<>(section.releaseOptions());
    options.add("-g");
    Path classes = Javac.compile(corpus.files(), options);
    BugCollection bugs = Runs.analyze(spotbugs, classes);
    List<Label> found = Runs.labels(bugs);
    Score score = Score.compare(corpus, "spotbugs", found);
    System.out.println(section.reportPrefix() + score.report());
    if (!score.passed()) {
      for (BugInstance b : Runs.leakGuardBugs(bugs)) {
        var s = b.getPrimarySourceLineAnnotation();
        Label l = Runs.label(s.getSourcePath(), Math.max(1, s.getStartLine()), b.getType(), b.getPriority());
        if (score.unexpected().contains(l)) {
          System.out.println("  unexpected: " + l + " " + b.getMessageWithoutPrefix());
        }
      }
    }
    assertTrue(score.passed(), score.report());
  }
}
