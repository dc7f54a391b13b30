package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Label;
import dev.leakguard.conformance.Score;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Error Prone engine on the WHOLE conformance corpus: exact (file, line, id) agreement. */
class ConformanceTest {

  @Test
  void wholeCorpusMatchesLabels() throws Exception {
    Corpus corpus = Corpus.load(Corpus.locateRoot());
    EpCompiler.Result r = EpCompiler.compile(corpus.files(), List.of());
    assertTrue(
        r.otherDiagnostics().stream().noneMatch(d -> d.startsWith("ERROR")),
        "the corpus must compile:\n" + String.join("\n", r.otherDiagnostics()));
    Set<Label> found =
        r.findings().stream()
            .map(f -> new Label(corpus.relativize(f.file()), (int) f.line(), f.id()))
            .collect(Collectors.toSet());
    Score score = Score.compare(corpus, "errorprone", found);
    System.out.println(score.report());
    if (!score.passed()) {
      r.findings().stream()
          .filter(f -> score.unexpected().contains(new Label(corpus.relativize(f.file()), (int) f.line(), f.id())))
          .forEach(f -> System.out.println("  unexpected: " + corpus.relativize(f.file()) + ":" + f.line() + " " + f.message()));
    }
    assertTrue(score.passed(), score.report());
  }
}
