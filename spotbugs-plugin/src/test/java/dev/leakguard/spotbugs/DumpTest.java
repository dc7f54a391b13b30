package dev.leakguard.spotbugs;

import dev.leakguard.conformance.Corpus;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Debugging aid, skipped unless -Ddump.file=corpus/x/Y.java -Ddump.method=name are given. */
@ExtendWith(SpotBugsExtension.class)
class DumpTest {
  @Test
  void dump(SpotBugsRunner spotbugs) throws Exception {
    String file = System.getProperty("dump.file");
    String method = System.getProperty("dump.method");
    Assumptions.assumeTrue(file != null && method != null);
    Corpus corpus = Corpus.load(Corpus.locateRoot());
    Path classes = Javac.compile(List.of(corpus.root().resolve(file)), List.of("--release", "17", "-g"));
    System.setProperty(LeakGuardDetector.DUMP_PROPERTY, method);
    try {
      Runs.labels(Runs.analyze(spotbugs, classes)).forEach(System.out::println);
    } finally {
      System.clearProperty(LeakGuardDetector.DUMP_PROPERTY);
    }
  }
}
