package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.KnownLimit;
import dev.leakguard.conformance.Label;
import edu.umd.cs.findbugs.BugCollection;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same findings whatever the class file version: the corpus compiled for release 8 and 11
 * (only the files those releases can compile: the corpus uses records, var, switch expressions
 * and try (existingVariable) in places) gives exactly the labels of those files, as release 17
 * does for the whole corpus. Release 8 code has no nestmates (synthetic access$ methods) and
 * concatenates strings with StringBuilder.
 */
@ExtendWith(SpotBugsExtension.class)
class ReleaseLevelsTest {

  @ParameterizedTest
  @ValueSource(strings = {"8", "11"})
  void olderReleasesGiveTheSameFindings(String release, SpotBugsRunner spotbugs) throws Exception {
    Corpus corpus = Corpus.load(Corpus.locateRoot());
    List<String> options = List.of("--release", release, "-g");
    List<Path> files = Javac.compilable(corpus.files(), options);
    assertFalse(files.isEmpty(), "nothing in the corpus compiles for release " + release);
    Set<String> names = files.stream().map(corpus::relativize).collect(Collectors.toSet());
    Path classes = Javac.compile(files, options);
    Set<Label> found = new TreeSet<>(Runs.labels(Runs.analyze(spotbugs, classes)));
    Set<Label> expected = new TreeSet<>();
    for (Label l : corpus.labels()) {
      if (names.contains(l.file())) {
        expected.add(l);
      }
    }
    for (KnownLimit k : corpus.knownLimits("spotbugs")) {
      if (names.contains(k.label().file())) {
        if (k.isMissing()) {
          expected.remove(k.label());
        } else {
          expected.add(k.label());
        }
      }
    }
    System.out.println("release " + release + ": files=" + files.size() + "/" + corpus.files().size()
        + " expected=" + expected.size() + " found=" + found.size());
    assertEquals(expected, found);
  }

  /**
   * Without debug information (-g:none) there are no line numbers, no variable names and no
   * source file names: the findings are reported on their methods, with the same (class, id)
   * pairs as with debug information, and nothing fails.
   */
  @Test
  void withoutDebugInformation(SpotBugsRunner spotbugs) throws Exception {
    Corpus corpus = Corpus.load(Corpus.locateRoot());
    Path classes = Javac.compile(corpus.files(), List.of("--release", "17", "-g:none"));
    BugCollection bugs = Runs.analyze(spotbugs, classes);
    List<BugInstance> ours = Runs.leakGuardBugs(bugs);
    Set<String> found = new TreeSet<>();
    for (BugInstance b : ours) {
      assertTrue(b.getPrimarySourceLineAnnotation().getStartLine() <= 0,
          "no line numbers without debug information: " + b);
      assertTrue(b.getPrimaryMethod() != null, "reported on its method: " + b);
      // -g:none also drops the source file name: map the class to its top-level class's file
      String cls = b.getPrimaryClass().getClassName();
      int dollar = cls.indexOf('$');
      String top = dollar < 0 ? cls : cls.substring(0, dollar);
      found.add(top.replace('.', '/') + ".java " + b.getType());
    }
    Set<String> expected = new TreeSet<>();
    for (Label l : corpus.labels()) {
      expected.add(l.file() + " " + Label.baseId(l.checkId()));
    }
    for (BugInstance b : ours) {
      String cls = b.getPrimaryClass().getClassName();
      int dollar = cls.indexOf('$');
      String top = (dollar < 0 ? cls : cls.substring(0, dollar)).replace('.', '/') + ".java ";
      if (!expected.contains(top + b.getType())) {
        System.out.println("  extra: " + b.getPrimaryMethod() + " " + b.getMessageWithoutPrefix());
      }
    }
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(found);
    List<String> extra = new ArrayList<>(found);
    extra.removeAll(expected);
    System.out.println("-g:none: bugs=" + ours.size() + " (file, id) pairs expected=" + expected.size()
        + " found=" + found.size() + " missing=" + missing + " extra=" + extra
        + " labels=" + corpus.labels().size());
    assertEquals(expected, found);
  }
}
