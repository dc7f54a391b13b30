package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.FixRoundTrip;
import dev.leakguard.conformance.FixRoundTrip.Key;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.errorprone.LeakGuardJavac;
import dev.leakguard.source.SourceEngine;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fix round trip of the engines that do not make the fixes: the corpus is patched with every
 * Error Prone fix at once ({@code LeakGuardJavac --fix}); on the patched copy this engine and the
 * source engine find no finding they did not find before, and at least as many fewer as there
 * were fixes. (The Error Prone engine's own round trip, which also compiles the result, is in its
 * module.) It lives here because this is the last engine module of the build and the one that
 * needs the patched code compiled.
 */
@ExtendWith(SpotBugsExtension.class)
class FixRoundTripTest {
  private static final Pattern FIXED = Pattern.compile("; (\\d+) fixed in place");

  @Test
  void afterEveryFixTheOtherEnginesFindOnlyWhatWasLeft(SpotBugsRunner spotbugs, @TempDir Path dir) throws Exception {
    Corpus copy = FixRoundTrip.copy(Corpus.load(Corpus.locateRoot()), dir);
    Map<Key, Integer> spotbugsBefore = spotbugs(spotbugs, copy);
    Map<Key, Integer> sourceBefore = source(copy);

    int fixed = patch(copy, dir.resolve("patch-classes"));
    assertTrue(fixed > 0, "no fix was applied");

    Map<Key, Integer> spotbugsAfter = spotbugs(spotbugs, copy);
    Map<Key, Integer> sourceAfter = source(copy);
    report("spotbugs", fixed, spotbugsBefore, spotbugsAfter);
    report("source", fixed, sourceBefore, sourceAfter);
  }

  private static void report(String engine, int fixed, Map<Key, Integer> before, Map<Key, Integer> after) {
    List<Key> added = FixRoundTrip.added(before, after);
    int gone = FixRoundTrip.size(before) - FixRoundTrip.size(after);
    System.out.printf(
        "fix round trip [%s]: %d findings before, %d fixes applied, %d after, %d new%n",
        engine, FixRoundTrip.size(before), fixed, FixRoundTrip.size(after), added.size());
    assertEquals(List.of(), added, engine + ": findings the fixes made");
    assertTrue(gone >= fixed, engine + ": " + fixed + " fixes but only " + gone + " findings fewer");
  }

  /** Applies every fix in place; returns how many findings got one. */
  private static int patch(Corpus copy, Path classes) throws Exception {
    List<String> cp = new ArrayList<>();
    Javac.libraries().forEach(p -> cp.add(p.toString()));
    cp.add(System.getProperty("java.class.path"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        LeakGuardJavac.run(
            new String[] {
              "--fix", "--fail-on", "never", "--root", copy.root().toString(), "--",
              "-cp", String.join(File.pathSeparator, cp), "-d", classes.toString(), "-encoding", "UTF-8",
              copy.root().resolve(Corpus.CORPUS_DIR).toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertEquals(0, exit, err.toString());
    Matcher m = FIXED.matcher(out.toString());
    assertTrue(m.find(), out.toString());
    return Integer.parseInt(m.group(1));
  }

  private static Map<Key, Integer> spotbugs(SpotBugsRunner spotbugs, Corpus corpus) throws Exception {
    Path classes = Javac.compile(corpus.files(), List.of("--release", "17", "-g"));
    List<Key> keys = new ArrayList<>();
    for (BugInstance b : Runs.leakGuardBugs(Runs.analyze(spotbugs, classes))) {
      keys.add(Key.of(b.getPrimarySourceLineAnnotation().getSourcePath(), b.getType(), b.getMessageWithoutPrefix()));
    }
    return FixRoundTrip.count(keys);
  }

  /** The source engine with the corpus' libraries on its class path, as leakguard:check runs it. */
  private static Map<Key, Integer> source(Corpus corpus) throws Exception {
    SourceEngine engine =
        SourceEngine.create(ResourceModel.builtIn(), corpus.root(), corpus.files(),
            SourceEngine.Options.defaults().withClassPath(Javac.libraries()));
    List<Key> keys = new ArrayList<>();
    for (Path file : corpus.files()) {
      for (ReportedFinding f : engine.analyze(file).findings()) {
        keys.add(Key.of(corpus.relativize(file), f.id().name(), f.message()));
      }
    }
    return FixRoundTrip.count(keys);
  }
}
