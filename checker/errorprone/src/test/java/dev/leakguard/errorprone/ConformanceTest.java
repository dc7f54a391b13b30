package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Label;
import dev.leakguard.conformance.Score;
import dev.leakguard.conformance.Section;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Error Prone engine on the WHOLE conformance corpus, each section compiled at its release
 * (the Java 25 section too, in a build on JDK 25): exact (file, line, id) agreement.
 */
class ConformanceTest {

  static List<Section> sections() {
    return Section.all();
  }

  @ParameterizedTest
  @MethodSource("sections")
  void wholeCorpusMatchesLabels(Section section) throws Exception {
    Corpus corpus = section.load();
    EpCompiler.Result r = EpCompiler.compile(corpus.files(), section.releaseOptions());
    assertTrue(
        r.otherDiagnostics().stream().noneMatch(d -> d.startsWith("ERROR")),
        "the corpus must compile:\n" + String.join("\n", r.otherDiagnostics()));
    Set<Label> found =
        r.findings().stream()
            .map(f -> label(corpus, f))
            .collect(Collectors.toSet());
    Score score = Score.compare(corpus, "errorprone", found);
    System.out.println(section.reportPrefix() + score.report());
    if (!score.passed()) {
      r.findings().stream()
          .filter(f -> score.unexpected().contains(label(corpus, f)))
          .forEach(f -> System.out.println("  unexpected: " + corpus.relativize(f.file()) + ":" + f.line() + " " + f.message()));
    }
    assertTrue(score.passed(), score.report());
    // a variable is named in a message as written ('_' for an unnamed one), never as ''
    assertTrue(
        r.findings().stream().noneMatch(f -> f.message().contains("''")),
        () -> r.findings().stream().filter(f -> f.message().contains("''")).map(f -> f.line() + " " + f.message()).toList().toString());
  }

  /** The label of a finding, with its diagnostic's level where that is below its id's. */
  static Label label(Corpus corpus, EpCompiler.Reported f) {
    String level =
        switch (f.kind()) {
          case ERROR -> "error";
          case WARNING, MANDATORY_WARNING -> "warning";
          default -> "note";
        };
    return Label.reported(
        corpus.relativize(f.file()), (int) f.line(), f.id(), level,
        dev.leakguard.core.finding.CheckId.byName(f.id()).severity().sarifLevel());
  }
}
