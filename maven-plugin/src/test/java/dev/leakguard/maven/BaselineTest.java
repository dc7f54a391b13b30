package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {
  private static final Path FILE = Path.of("leakguard-baseline.txt");

  private static MergedFinding finding(String path, int line, CheckId id, String... fingerprints) {
    return new MergedFinding(
        new ReportedFinding(path, line, id, "Connection 'c'\tis not closed", fingerprints[0], List.of("errorprone")),
        List.of(fingerprints));
  }

  @Test
  void renderedBaselineAcceptsWhatItWasWrittenFrom() throws Exception {
    List<MergedFinding> now =
        List.of(
            finding("src/A.java", 10, CheckId.JdbcConnectionLeak, "aaa1", "bbb1"),
            finding("src/A.java", 20, CheckId.JdbcStatementLeak, "ccc2"));
    String text = Baseline.render(now);
    assertTrue(text.startsWith(Baseline.HEADER + "\n"), text);
    // one line per finding, with every engine's fingerprint
    assertTrue(text.contains("aaa1,bbb1\tJdbcConnectionLeak\tsrc/A.java\tConnection 'c' is not closed\n"), text);
    assertEquals(2, text.lines().filter(l -> !l.startsWith("#")).count(), text);
    Baseline b = Baseline.parse(FILE, text);
    assertEquals(2, b.size());
    Baseline.Split split = b.split(now);
    assertEquals(List.of(), split.reported());
    assertEquals(2, split.accepted().size());
  }

  @Test
  void lineNumbersDoNotMatterButFingerprintsDo() throws Exception {
    Baseline b = Baseline.parse(FILE, Baseline.render(List.of(finding("src/A.java", 10, CheckId.JdbcConnectionLeak, "aaa1"))));
    MergedFinding moved = finding("src/A.java", 14, CheckId.JdbcConnectionLeak, "aaa1");
    MergedFinding fresh = finding("src/A.java", 30, CheckId.JdbcConnectionLeak, "fff9");
    Baseline.Split split = b.split(List.of(moved, fresh));
    assertEquals(List.of(moved), split.accepted());
    assertEquals(List.of(fresh), split.reported());
  }

  @Test
  void eachEntryAcceptsOneFindingEvenWithSeveralEngineFingerprints() throws Exception {
    Baseline b = Baseline.parse(FILE, Baseline.render(List.of(finding("A.java", 1, CheckId.JdbcConnectionLeak, "ep1", "src1"))));
    MergedFinding first = finding("A.java", 1, CheckId.JdbcConnectionLeak, "ep1", "src1");
    MergedFinding sameShapeAgain = finding("A.java", 5, CheckId.JdbcConnectionLeak, "ep1", "src1");
    Baseline.Split split = b.split(List.of(first, sameShapeAgain));
    assertEquals(List.of(first), split.accepted());
    assertEquals(List.of(sameShapeAgain), split.reported());
  }

  @Test
  void oneEngineAloneStillMatches() throws Exception {
    Baseline b = Baseline.parse(FILE, Baseline.render(List.of(finding("A.java", 1, CheckId.JdbcConnectionLeak, "ep1", "src1"))));
    assertEquals(1, b.split(List.of(finding("A.java", 1, CheckId.JdbcConnectionLeak, "src1"))).accepted().size());
  }

  /** Files written with one line per engine fingerprint accept each finding once, as before. */
  @Test
  void aBaselineWithOneLinePerEngineStillAcceptsEachFindingOnce() throws Exception {
    Baseline b = Baseline.parse(FILE, "ep1\tJdbcConnectionLeak\nsrc1\tJdbcConnectionLeak\n");
    MergedFinding first = finding("A.java", 1, CheckId.JdbcConnectionLeak, "ep1", "src1");
    MergedFinding sameShapeAgain = finding("A.java", 5, CheckId.JdbcConnectionLeak, "ep1", "src1");
    Baseline.Split split = b.split(List.of(first, sameShapeAgain));
    assertEquals(List.of(first), split.accepted());
    assertEquals(List.of(sameShapeAgain), split.reported());
  }

  @Test
  void readsTheCommandLinesFormatWithOnlyFingerprintsAndComments() throws Exception {
    Baseline b = Baseline.parse(FILE, "\uFEFF# LeakGuard baseline, format 1\r\n\r\nabc123\r\ndef456\tJdbcStatementLeak\n");
    assertEquals(2, b.size());
  }

  @Test
  void malformedLineNamesFileAndLine() {
    Baseline.BaselineException e =
        assertThrows(Baseline.BaselineException.class, () -> Baseline.parse(FILE, "# header\nnot a fingerprint!\tX\n"));
    assertEquals(
        "leakguard-baseline.txt:2: expected a fingerprint (letters, digits, '-', '_', '.', ':' or '/'),"
            + " or several separated by ',', as the first tab-separated column, found 'not a fingerprint!'",
        e.getMessage());
  }
}
