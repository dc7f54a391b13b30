package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Label;
import dev.leakguard.conformance.Score;
import dev.leakguard.conformance.Section;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The source engine on the WHOLE conformance corpus (the Java 25 section too, in a build on JDK
 * 25): exact (file, line, id) agreement, every file parsed and every method analysed.
 */
class SourceConformanceTest {

  static List<Section> sections() {
    return Section.all();
  }

  @ParameterizedTest
  @MethodSource("sections")
  void wholeCorpusMatchesLabels(Section section) throws Exception {
    Corpus corpus = section.load();
    score(section, corpus, SourceEngine.create(ResourceModel.builtIn(), corpus.root(), corpus.files()), "source");
  }

  /**
   * With the libraries on the class path, as {@code leakguard:check} runs it and as {@code
   * leakguard scan --classpath} does: the library calls resolve to what they declare.
   */
  @ParameterizedTest
  @MethodSource("sections")
  void wholeCorpusWithTheClassPathMatchesLabels(Section section) throws Exception {
    Corpus corpus = section.load();
    List<Path> classPath = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classPath.add(Path.of(e));
    }
    score(section, corpus,
        SourceEngine.create(ResourceModel.builtIn(), corpus.root(), corpus.files(),
            SourceEngine.Options.defaults().withClassPath(classPath)),
        "source-classpath");
  }

  private static void score(Section section, Corpus corpus, SourceEngine engine, String name) throws Exception {
    Set<Label> found = new HashSet<>();
    StringBuilder details = new StringBuilder();
    for (var file : corpus.files()) {
      SourceEngine.FileResult r = engine.analyze(file);
      assertTrue(r.skipped() == null, file + " skipped: " + r.skipped());
      assertTrue(r.notes().isEmpty(), file + ": " + r.notes());
      for (ReportedFinding f : r.findings()) {
        Label l =
            Label.reported(
                corpus.relativize(file), f.line(), f.id().name(), f.severity().sarifLevel(),
                f.id().severity().sarifLevel());
        found.add(l);
        details.append("  ").append(l.file()).append(':').append(f.line()).append(' ').append(f.message()).append('\n');
      }
    }
    Score score = Score.compare(corpus, name, found);
    System.out.println(section.reportPrefix() + score.report());
    if (!score.passed()) {
      for (String line : details.toString().split("\n")) {
        for (Label u : score.unexpected()) {
          if (line.contains(u.file() + ":" + u.line() + " ")) {
            System.out.println("unexpected:" + line);
          }
        }
      }
    }
    assertTrue(score.passed(), score.report());
  }
}
