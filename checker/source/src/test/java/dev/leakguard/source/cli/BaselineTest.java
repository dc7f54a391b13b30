package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.report.ReportedFinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path dir;

  @Test
  void renderThenReadAcceptsTheSameFindings() throws Exception {
    List<ReportedFinding> findings = List.of(Fixtures.CONNECTION, Fixtures.STATEMENT, Fixtures.AWKWARD);
    String text = Baseline.render(findings);
    assertTrue(text.startsWith(Baseline.HEADER + "\n"), text);
    text.lines()
        .filter(l -> !l.startsWith("#"))
        .forEach(l -> assertEquals(4, l.split("\t", -1).length, "one line, four columns: " + l));
    assertTrue(
        text.contains(
            Fixtures.CONNECTION.fingerprint() + "\tJdbcConnectionLeak\tsrc/main/java/shop/OrderDao.java\t"
                + Fixtures.CONNECTION.message() + "\n"));

    Path file = dir.resolve("baseline.txt");
    Files.writeString(file, text);
    Baseline b = Baseline.read(file);
    assertEquals(3, b.size());
    Baseline.Split split = b.split(findings);
    assertEquals(List.of(), split.reported());
    assertEquals(3, split.accepted().size());
  }

  @Test
  void matchesByFingerprintOnlySoMovedLinesStayAccepted() throws Exception {
    Baseline b = Baseline.parse("b", Baseline.render(List.of(Fixtures.CONNECTION)));
    ReportedFinding moved =
        new ReportedFinding(
            "elsewhere/Renamed.java", 420, Fixtures.CONNECTION.id(), "reworded",
            Fixtures.CONNECTION.fingerprint(), List.of("source"));
    assertEquals(List.of(), b.split(List.of(moved)).reported());
    assertEquals(List.of(Fixtures.STATEMENT), b.split(List.of(moved, Fixtures.STATEMENT)).reported());
  }

  @Test
  void eachEntryAcceptsOneFinding() throws Exception {
    Baseline b = Baseline.parse("b", Baseline.render(List.of(Fixtures.CONNECTION)));
    ReportedFinding twin =
        new ReportedFinding(
            Fixtures.CONNECTION.path(), 50, Fixtures.CONNECTION.id(), Fixtures.CONNECTION.message(),
            Fixtures.CONNECTION.fingerprint(), List.of("source"));
    Baseline.Split split = b.split(List.of(Fixtures.CONNECTION, twin));
    assertEquals(List.of(Fixtures.CONNECTION), split.accepted());
    assertEquals(List.of(twin), split.reported(), "a second leak with the same fingerprint is new");
  }

  @Test
  void fingerprintOnlyLinesCommentsBlankLinesBomAndCrlf() throws Exception {
    String text =
        "\uFEFF# my baseline\r\n\r\n" + Fixtures.CONNECTION.fingerprint() + "\r\n  \r\n# "
            + Fixtures.STATEMENT.fingerprint() + "\r\n";
    Baseline b = Baseline.parse("b", text);
    assertEquals(1, b.size());
    assertEquals(List.of(Fixtures.STATEMENT), b.split(List.of(Fixtures.CONNECTION, Fixtures.STATEMENT)).reported());
  }

  @Test
  void malformedLineNamesFileAndLine() throws Exception {
    Path file = dir.resolve("bad-baseline.txt");
    Files.writeString(file, Baseline.HEADER + "\n" + Fixtures.CONNECTION.fingerprint() + "\nnot a fingerprint\tX\n");
    CliException e = assertThrows(CliException.class, () -> Baseline.read(file));
    assertTrue(e.getMessage().startsWith(file + ":3: expected a fingerprint"), e.getMessage());
  }

  @Test
  void unreadableOrNonUtf8FileIsAnError() throws Exception {
    CliException missing = assertThrows(CliException.class, () -> Baseline.read(dir.resolve("none.txt")));
    assertTrue(missing.getMessage().contains("none.txt: cannot read the baseline file (no such file)"), missing.getMessage());
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    CliException e = assertThrows(CliException.class, () -> Baseline.read(latin1));
    assertTrue(e.getMessage().endsWith("(not UTF-8)"), e.getMessage());
  }
}
