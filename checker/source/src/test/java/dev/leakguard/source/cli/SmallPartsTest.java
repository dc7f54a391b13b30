package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
  @Test
  void byteSizes() {
    assertEquals(2L << 20, ByteSize.parse("2MB"));
    assertEquals(2L << 20, ByteSize.parse("2m"));
    assertEquals(512L << 10, ByteSize.parse("512K"));
    assertEquals(512L << 10, ByteSize.parse("512 KiB"));
    assertEquals(1L << 30, ByteSize.parse("1G"));
    assertEquals(3000, ByteSize.parse("3000"));
    assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("2 parsecs"));
    assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("99999999999999999999"));
    assertEquals("2 MB", ByteSize.format(2L << 20));
    assertEquals("3.4 MB", ByteSize.format((long) (3.4 * (1 << 20))));
    assertEquals("512 KB", ByteSize.format(512L << 10));
    assertEquals("100 bytes", ByteSize.format(100));
  }

  @Test
  void failOnThresholds() {
    List<dev.leakguard.core.report.ReportedFinding> warningOnly = List.of(Fixtures.STATEMENT);
    assertFalse(FailOn.ERROR.fails(warningOnly));
    assertTrue(FailOn.WARNING.fails(warningOnly));
    assertTrue(FailOn.NOTE.fails(warningOnly));
    assertFalse(FailOn.NEVER.fails(List.of(Fixtures.CONNECTION)));
    assertTrue(FailOn.ERROR.fails(List.of(Fixtures.NOTE, Fixtures.CONNECTION)));
    assertFalse(FailOn.WARNING.fails(List.of(Fixtures.NOTE)));
    assertEquals(FailOn.WARNING, FailOn.parse("Warning"));
    assertEquals(FailOn.NEVER, FailOn.parse("never"));
    assertThrows(IllegalArgumentException.class, () -> FailOn.parse("fatal"));
  }

  @Test
  void summaryLine() {
    ScanReport r =
        new ScanReport(
            "v",
            List.of(Fixtures.CONNECTION, Fixtures.STATEMENT, Fixtures.CONNECTION),
            List.of(new Skipped("x", "y")),
            7,
            100,
            2,
            3);
    assertEquals(
        "LeakGuard: 3 finding(s) in 7 file(s) (1 skipped) [JdbcConnectionLeak: 2, JdbcStatementLeak: 1]",
        r.summaryLine(false, false));
    assertEquals(
        "LeakGuard: 3 finding(s) in 7 file(s) (1 skipped) [JdbcConnectionLeak: 2, JdbcStatementLeak: 1];"
            + " 2 accepted by the baseline; 3 outside the changed lines",
        r.summaryLine(true, true));
    assertEquals(
        "LeakGuard: 0 finding(s) in 0 file(s) (0 skipped)",
        new ScanReport("v", List.of(), List.of(), 0, 0, 0, 0).summaryLine(false, false));
  }

  @Test
  void progressOnATerminalAfterAWhileAndErasedAtTheEnd() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress p = new Progress(err, true, now::get, 5000);
    p.update(10, 100);
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing in the first half second");
    now.addAndGet(Progress.FIRST_AFTER_NANOS);
    p.update(1200, 12000);
    assertEquals("\rscanned 1200/5000 files", bytes.toString(StandardCharsets.UTF_8));
    now.addAndGet(Progress.EVERY_NANOS / 2);
    p.update(1300, 13000);
    assertEquals("\rscanned 1200/5000 files", bytes.toString(StandardCharsets.UTF_8), "throttled");
    now.addAndGet(Progress.EVERY_NANOS);
    p.update(4999, 49990);
    p.update(5000, 50000);
    p.finish();
    String all = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(all.contains("\rscanned 4999/5000 files"), all);
    assertTrue(all.contains("\rscanned 5000/5000 files"), "the last one is always drawn: " + all);
    assertTrue(all.endsWith("\r" + " ".repeat("scanned 5000/5000 files".length()) + "\r"), all);

    ByteArrayOutputStream phases = new ByteArrayOutputStream();
    Progress indexing = new Progress(new PrintStream(phases, true, StandardCharsets.UTF_8), true, now::get, 3);
    indexing.show("indexing 5000 files");
    indexing.finish();
    assertEquals(
        "\rindexing 5000 files\r" + " ".repeat("indexing 5000 files".length()) + "\r",
        phases.toString(StandardCharsets.UTF_8),
        "a phase line is drawn at once and erased");

  }

  @Test
  void progressElsewhereIsAPlainLineEveryTenSecondsOfALongScan() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress log = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get, 5000);
    log.show("indexing 5000 files");
    log.update(100, 20_000);
    now.addAndGet(Progress.LOG_EVERY_NANOS / 2);
    log.update(1000, 200_000);
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing in the first ten seconds, no phase line");
    now.addAndGet(Progress.LOG_EVERY_NANOS / 2);
    log.update(1200, 240_000);
    now.addAndGet(Progress.LOG_EVERY_NANOS / 2);
    log.update(2400, 480_000);
    now.addAndGet(Progress.LOG_EVERY_NANOS / 2);
    log.update(3600, 720_000);
    now.addAndGet(Progress.LOG_EVERY_NANOS);
    log.update(5000, 1_000_000);
    log.finish();
    assertEquals(
        "leakguard: scanned 1200/5000 files, 240000 lines, 10 s\n"
            + "leakguard: scanned 3600/5000 files, 720000 lines, 20 s\n",
        lines(bytes),
        "one line per ten seconds, none for the end (the summary follows), nothing to erase");

    ByteArrayOutputStream quick = new ByteArrayOutputStream();
    Progress shortScan = new Progress(new PrintStream(quick, true, StandardCharsets.UTF_8), false, now::get, 3);
    now.addAndGet(Progress.LOG_EVERY_NANOS / 10);
    shortScan.update(3, 300);
    shortScan.finish();
    assertEquals(0, quick.size(), "a short scan prints nothing");
  }

  @Test
  void thePassesThatPrepareTheAnalysisShowTheSameWay() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress log = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get, 15000);
    log.preparing("indexing", 100, 15000, 30_000);
    now.addAndGet(Progress.LOG_EVERY_NANOS);
    log.preparing("indexing", 9000, 15000, 3_100_000);
    now.addAndGet(Progress.LOG_EVERY_NANOS);
    log.preparing("tracing callers", 4000, 15000, 1_200_000);
    now.addAndGet(Progress.LOG_EVERY_NANOS);
    log.update(700, 210_000);
    log.finish();
    assertEquals(
        "leakguard: indexing 9000/15000 files, 3100000 lines, 10 s\n"
            + "leakguard: tracing callers 4000/15000 files, 1200000 lines, 20 s\n"
            + "leakguard: scanned 700/15000 files, 210000 lines, 30 s\n",
        lines(bytes),
        "one line per ten seconds, whichever pass it is in");

    ByteArrayOutputStream beats = new ByteArrayOutputStream();
    Progress stuck = new Progress(new PrintStream(beats, true, StandardCharsets.UTF_8), false, now::get, 100);
    stuck.tick();
    now.addAndGet(Progress.LOG_EVERY_NANOS);
    stuck.tick();
    assertEquals(0, beats.size(), "nothing to repeat before the first step");
    stuck.preparing("tracing callers", 40, 100, 4000); // ten seconds in: a line at once
    now.addAndGet(Progress.LOG_EVERY_NANOS - 1);
    stuck.tick();
    now.addAndGet(1);
    stuck.tick();
    stuck.tick();
    now.addAndGet(Progress.LOG_EVERY_NANOS);
    stuck.tick();
    assertEquals(
        "leakguard: tracing callers 40/100 files, 4000 lines, 10 s\n"
            + "leakguard: tracing callers 40/100 files, 4000 lines, 20 s\n"
            + "leakguard: tracing callers 40/100 files, 4000 lines, 30 s\n",
        lines(beats),
        "a pass stuck on one file still shows, once per ten seconds");

    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    Progress terminal = new Progress(new PrintStream(drawn, true, StandardCharsets.UTF_8), true, now::get, 15000);
    now.addAndGet(Progress.FIRST_AFTER_NANOS);
    terminal.preparing("indexing", 9000, 15000, 3_100_000);
    assertEquals("\rindexing 9000/15000 files", drawn.toString(StandardCharsets.UTF_8));
  }

  /** What was printed, with the platform's line separators as {@code \n}. */
  private static String lines(ByteArrayOutputStream printed) {
    return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
