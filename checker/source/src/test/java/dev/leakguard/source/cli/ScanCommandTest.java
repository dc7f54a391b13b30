package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's behaviour over a stand-in engine (see {@link CliRunner.MarkerEngine}). */
class ScanCommandTest {
  @TempDir Path dir;
  CliRunner.MarkerEngine engine;

  static final String LEAKY =
      """
      package shop;

      class OrderDao {
        void load() throws Exception {
          Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak
          Statement st = c.createStatement(); // LEAK JdbcStatementLeak
        }
      }
      """;

  /** What the marker engine prints for LEAKY at src/shop/OrderDao.java. */
  static final List<String> LEAKY_LINES =
      List.of(
          "src/shop/OrderDao.java:5: error: [JdbcConnectionLeak] fake leak at 'Connection c = ds.getConnection();'",
          "src/shop/OrderDao.java:6: warning: [JdbcStatementLeak] fake leak at 'Statement st = c.createStatement();'");

  static final String WARNING_ONLY =
      """
      package shop;

      class ReportDao {
        void run() throws Exception {
          Statement st = c.createStatement(); // LEAK JdbcStatementLeak
        }
      }
      """;

  static final String CLEAN =
      """
      package shop;

      class CleanDao {
        void load() throws Exception {
          try (Connection c = ds.getConnection()) {
            c.commit();
          }
        }
      }
      """;

  @BeforeEach
  void setUp() {
    engine = new CliRunner.MarkerEngine();
  }

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** {@code leakguard scan ARGS} in the temporary folder. */
  private CliRunner.Result scan(String... args) {
    return scanWithStdin("", args);
  }

  private CliRunner.Result scanWithStdin(String stdin, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "scan";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRunner.run(dir, engine, stdin, all);
  }

  /** Every file under {@code root} with its size and modification time. */
  static List<Path> realPaths(List<Path> paths) throws IOException {
    List<Path> out = new java.util.ArrayList<>();
    for (Path p : paths) {
      out.add(p.toRealPath());
    }
    return out;
  }

  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  // ------------------------------------------------------------------ exit codes and thresholds

  @Test
  void thePoolSizeCeilingReachesTheEngine() throws Exception {
    write("src/shop/CleanDao.java", CLEAN);
    assertEquals(0, scan("--root", ".", "src").exit());
    assertEquals(100, engine.poolSizeCeiling);
    assertEquals(0, scan("--root", ".", "--pool-size-ceiling", "40", "src").exit());
    assertEquals(40, engine.poolSizeCeiling);
  }

  @Test
  void theClassPathReachesTheEngineAndAMissingEntryIsAnError() throws Exception {
    write("src/shop/CleanDao.java", CLEAN);
    write("lib/a.jar", "not really a jar");
    Files.createDirectories(dir.resolve("classes"));
    String cp = "lib/a.jar" + java.io.File.pathSeparator + "classes";
    assertEquals(0, scan("--root", ".", "--classpath", cp, "src").exit());
    assertEquals(
        List.of(dir.resolve("lib/a.jar").toRealPath(), dir.resolve("classes").toRealPath()),
        realPaths(engine.classPath));
    assertEquals(0, scan("--root", ".", "src").exit());
    assertEquals(List.of(), engine.classPath);
    CliRunner.Result r = scan("--root", ".", "-cp", "lib/missing.jar", "src");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--classpath lib/missing.jar: no such jar or directory"), r.err());
  }

  @Test
  void cleanCodeExitsZeroWithSummary() throws Exception {
    write("src/shop/CleanDao.java", CLEAN);
    CliRunner.Result r = scan("--root", ".", "src");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(List.of("LeakGuard: 0 finding(s) in 1 file(s) (0 skipped)"), r.errLines());
  }

  @Test
  void errorFindingExitsOneAndPrintsJavacStyleLines() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    write("src/shop/CleanDao.java", CLEAN);
    CliRunner.Result r = scan("--root", ".", "src");
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        LEAKY_LINES,
        r.out().lines().toList());
    assertEquals(
        "LeakGuard: 2 finding(s) in 2 file(s) (0 skipped) [JdbcConnectionLeak: 1, JdbcStatementLeak: 1]",
        r.summary());
  }

  @Test
  void failOnDecidesWhichSeverityFails() throws Exception {
    write("src/shop/ReportDao.java", WARNING_ONLY);
    assertEquals(0, scan("--root", ".", "src").exit(), "a warning does not fail the default gate");
    assertEquals(1, scan("--root", ".", "--fail-on", "warning", "src").exit());
    assertEquals(1, scan("--root", ".", "--fail-on", "note", "src").exit());
    assertEquals(0, scan("--root", ".", "--fail-on", "error", "src").exit());
    write("src/shop/OrderDao.java", LEAKY);
    assertEquals(0, scan("--root", ".", "--fail-on", "never", "src").exit());
    assertEquals(1, scan("--root", ".", "--fail-on", "ERROR", "src").exit());
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    write("src/A.java", CLEAN);
    for (String[] args :
        List.of(
            new String[] {"scan"},
            new String[] {"scan", "--frobnicate", "src"},
            new String[] {"scan", "--format", "pdf", "src"},
            new String[] {"scan", "--fail-on", "fatal", "src"},
            new String[] {"scan", "--threads", "0", "src"},
            new String[] {"scan", "--threads", "many", "src"},
            new String[] {"scan", "--max-file-size", "huge", "src"},
            new String[] {"scan", "--root", "no-such-dir", "src"},
            new String[] {"scan", "src/Missing.java"},
            new String[] {"scan", "--write-baseline", "b.txt", "--diff", "HEAD", "src"},
            new String[] {"scan", "--diff", "--cached", "src"},
            new String[] {"scan", "--pool-size-ceiling", "1", "src"},
            new String[] {"scan", "--pool-size-ceiling", "many", "src"},
            new String[] {"scan", "--cache-mb", "-1", "src"},
            new String[] {"scan", "--cache-mb", "lots", "src"},
            new String[] {"frobnicate"},
            new String[] {})) {
      CliRunner.Result r = CliRunner.run(dir, engine, "", args);
      assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r.err());
      assertEquals("", r.out(), String.join(" ", args));
      assertFalse(r.err().isBlank(), String.join(" ", args));
    }
    CliRunner.Result format = CliRunner.run(dir, engine, "", "scan", "--format", "pdf", "src");
    assertTrue(
        format.err().contains("unknown format 'pdf'; expected one of text, sarif, github, checkstyle, json"),
        format.err());
    CliRunner.Result ceiling = CliRunner.run(dir, engine, "", "scan", "--pool-size-ceiling", "1", "src");
    assertTrue(ceiling.err().contains("--pool-size-ceiling must be at least 2, not 1"), ceiling.err());
    CliRunner.Result missing = CliRunner.run(dir, engine, "", "scan", "src/Missing.java");
    assertTrue(missing.err().startsWith("leakguard: "), missing.err());
    assertTrue(missing.err().contains("Missing.java: no such file or directory"), missing.err());
  }

  @Test
  void helpAndVersionExitZeroOnStdout() {
    CliRunner.Result help = CliRunner.run(dir, engine, "", "scan", "--help");
    assertEquals(0, help.exit());
    for (String word :
        List.of("--format", "--output", "--root", "--diff", "--model", "--baseline", "--write-baseline",
            "--fail-on", "--threads", "--max-file-size", "--pool-size-ceiling", "Java code", "Exit status",
            "usage error")) {
      assertTrue(help.out().contains(word), word + " in\n" + help.out());
    }
    CliRunner.Result version = CliRunner.run(dir, engine, "", "--version");
    assertEquals(0, version.exit());
    assertTrue(version.out().startsWith("LeakGuard " + VersionInfo.VERSION), version.out());
    assertEquals(0, CliRunner.run(dir, engine, "", "scan", "--version").exit());
    assertEquals(0, CliRunner.run(dir, engine, "", "help", "scan").exit());
  }

  // ------------------------------------------------------------------ output

  @Test
  void outputGoesOnlyToTheOutputFile() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    Map<String, String> before = snapshot(dir);
    CliRunner.Result r = scan("--root", ".", "--format", "sarif", "--output", "out/report.sarif", "src");
    assertEquals(2, r.exit(), "the folder of --output is not created: " + r.err());
    assertEquals(before, snapshot(dir));

    Files.createDirectories(dir.resolve("out"));
    before = snapshot(dir);
    r = scan("--root", ".", "--format", "sarif", "--output", "out/report.sarif", "src");
    assertEquals(1, r.exit(), r.err());
    assertEquals("", r.out());
    Map<String, String> after = snapshot(dir);
    after.remove("out/report.sarif");
    assertEquals(before, after, "nothing but the report was written");
    SarifSchema.assertValid(Files.readString(dir.resolve("out/report.sarif")));
  }

  @Test
  void everyFormatFromTheCommandLine() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    CliRunner.Result sarif = scan("--root", ".", "-f", "sarif", "src");
    SarifSchema.assertValid(sarif.out());
    assertTrue(sarif.out().contains("\"uri\" : \"src/shop/OrderDao.java\""), sarif.out());
    CliRunner.Result gh = scan("--root", ".", "-f", "github", "src");
    assertTrue(
        gh.out().startsWith("::error file=src/shop/OrderDao.java,line=5,title=[JdbcConnectionLeak]::fake leak"),
        gh.out());
    CliRunner.Result cs = scan("--root", ".", "-f", "checkstyle", "src");
    assertTrue(cs.out().contains("<file name=\"src/shop/OrderDao.java\">"), cs.out());
    CliRunner.Result json = scan("--root", ".", "-f", "JSON", "src");
    assertEquals(2, JsonReport.MAPPER.readTree(json.out()).get("findings").size());
    for (CliRunner.Result r : List.of(sarif, gh, cs, json)) {
      assertEquals(1, r.exit());
      assertTrue(r.summary().startsWith("LeakGuard: 2 finding(s)"), r.err());
    }
  }

  @Test
  void sameReportWhateverTheThreadCount() throws Exception {
    for (int i = 0; i < 40; i++) {
      write("src/p" + (i % 7) + "/Dao" + i + ".java", i % 3 == 0 ? LEAKY : CLEAN);
    }
    CliRunner.Result one = scan("--root", ".", "--threads", "1", "-f", "json", "src");
    CliRunner.Result four = scan("--root", ".", "--threads", "4", "-f", "json", "src");
    assertEquals(one.out(), four.out());
    assertEquals(one.err(), four.err());
    assertTrue(one.summary().startsWith("LeakGuard: 28 finding(s) in 40 file(s)"), one.summary());
  }

  @Test
  void threadsAreTheEnginesThreadsInEveryPass() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    scan("--root", ".", "--threads", "1", "src");
    assertEquals(1, engine.threads, "--threads 1 parses and indexes on one thread too");
    scan("--root", ".", "--threads", "3", "src");
    assertEquals(3, engine.threads);
  }

  @Test
  void cacheMbIsAFixedBudgetAndTheEngineSizesItOtherwise() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    scan("--root", ".", "src");
    assertEquals(dev.leakguard.source.SourceEngine.Options.AUTOMATIC_UNIT_CACHE, engine.unitCacheBytes);
    scan("--root", ".", "--cache-mb", "300", "src");
    assertEquals(300L << 20, engine.unitCacheBytes);
    scan("--root", ".", "--cache-mb", "0", "src");
    assertEquals(0, engine.unitCacheBytes, "nothing kept between passes: every pass parses again");
  }

  @Test
  void progressOnlyOnATerminalAndNeverInTheReport() throws Exception {
    for (int i = 0; i < ScanCommand.INDEXING_NOTICE_FILES; i++) {
      write("src/p/Dao" + i + ".java", i == 0 ? LEAKY : CLEAN);
    }
    CliRunner.Result tty = CliRunner.run(dir, engine, "", true, "scan", "--root", ".", "src");
    CliRunner.Result pipe = CliRunner.run(dir, engine, "", false, "scan", "--root", ".", "src");
    assertEquals(pipe.out(), tty.out(), "the report is the same");
    String indexing = "indexing " + ScanCommand.INDEXING_NOTICE_FILES + " files";
    assertTrue(tty.err().startsWith("\r" + indexing + "\r" + " ".repeat(indexing.length()) + "\r"), tty.err());
    assertTrue(tty.err().endsWith(pipe.err()), "then the same summary: " + tty.err());
    assertFalse(pipe.err().contains("\r"), pipe.err());
    assertFalse(pipe.err().contains("indexing"), pipe.err());
  }

  // ------------------------------------------------------------------ bad inputs

  @Test
  void badInputsAreSkippedAndTheScanGoesOn() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    write("src/shop/Broken.java", "class Broken { @@broken@@ }\n");
    Files.write(dir.resolve("src/shop/Latin1.java"), "// caf\u00e9\nclass Latin1 {}\n".getBytes(StandardCharsets.ISO_8859_1));
    write("src/shop/Empty.java", "");
    write("src/shop/Huge.java", "class Huge {\n" + "  int x;\n".repeat(400) + "}\n");
    Files.createDirectories(dir.resolve("docs"));
    write("docs/readme.md", "no java here");
    CliRunner.Result r = scan("--root", ".", "--max-file-size", "2K", "src", "docs");
    assertEquals(1, r.exit(), r.err());
    assertEquals(2, r.out().lines().count(), "the good file is still analysed: " + r.out());
    assertEquals(
        List.of(
            "leakguard: skipped docs: no .java files in this directory",
            "leakguard: skipped src/shop/Broken.java: does not parse: line 1",
            "leakguard: skipped src/shop/Empty.java: empty file",
            "leakguard: skipped src/shop/Huge.java: larger than 2 KB (3.5 KB); raise --max-file-size to analyse it",
            "leakguard: skipped src/shop/Latin1.java: not valid UTF-8",
            "LeakGuard: 2 finding(s) in 5 file(s) (5 skipped) [JdbcConnectionLeak: 1, JdbcStatementLeak: 1]"),
        r.errLines());
    assertFalse(engine.indexed.contains("src/shop/Huge.java"), "too large: not even indexed");
    assertFalse(engine.indexed.contains("src/shop/Empty.java"));
  }

  @Test
  void onlyADirectoryWithoutJava() throws Exception {
    Files.createDirectories(dir.resolve("docs"));
    CliRunner.Result r = scan("--root", ".", "docs");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "leakguard: skipped docs: no .java files in this directory",
            "LeakGuard: 0 finding(s) in 0 file(s) (1 skipped)"),
        r.errLines());
  }

  @Test
  void badModelFileIsExitTwoNamingFileAndLine() throws Exception {
    write("src/A.java", LEAKY);
    write("my.model", "# my pool helpers\nfrobnicate com.acme.Pool.get() connection\n");
    CliRunner.Result r = scan("--root", ".", "--model", "my.model", "src");
    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("leakguard: " + dir.resolve("my.model") + ":2: "), r.err());
    assertTrue(engine.analysed.isEmpty(), "nothing is scanned with a broken model");

    CliRunner.Result missing = scan("--root", ".", "--model", "none.model", "src");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("none.model"), missing.err());
  }

  @Test
  void goodModelFilesAreAccepted() throws Exception {
    write("src/A.java", CLEAN);
    write("a.model", "section acme https://example.com/acme\nresource com.acme.Handle connection\n");
    write("b.model", "# nothing but a comment\n");
    CliRunner.Result r = scan("--root", ".", "--model", "a.model", "--model", "b.model", "src");
    assertEquals(0, r.exit(), r.err());
  }

  // ------------------------------------------------------------------ baseline

  @Test
  void baselineRoundTrip() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    CliRunner.Result w = scan("--root", ".", "--write-baseline", "leakguard-baseline.txt", "src");
    assertEquals(0, w.exit(), w.err());
    assertEquals("", w.out());
    assertTrue(w.summary().endsWith("all written to the baseline " + dir.resolve("leakguard-baseline.txt")), w.summary());
    String baseline = Files.readString(dir.resolve("leakguard-baseline.txt"));
    assertEquals(2, baseline.lines().filter(l -> !l.startsWith("#")).count(), baseline);

    CliRunner.Result same = scan("--root", ".", "--baseline", "leakguard-baseline.txt", "src");
    assertEquals(0, same.exit(), same.err());
    assertEquals("", same.out());
    assertEquals(
        "LeakGuard: 0 finding(s) in 1 file(s) (0 skipped); 2 accepted by the baseline", same.summary());

    // lines move: still accepted
    write("src/shop/OrderDao.java", "// a new header\n\n\n" + LEAKY);
    CliRunner.Result shifted = scan("--root", ".", "--baseline", "leakguard-baseline.txt", "src");
    assertEquals(0, shifted.exit(), shifted.err());
    assertEquals("", shifted.out());

    // a new leak is reported, the old ones are not
    write("src/shop/OrderDao.java",
        LEAKY.replace("  }\n}", "  }\n  void more() {\n    Connection d = other.getConnection(); // LEAK JdbcConnectionLeak\n  }\n}"));
    CliRunner.Result fresh = scan("--root", ".", "--baseline", "leakguard-baseline.txt", "src");
    assertEquals(1, fresh.exit(), fresh.err());
    assertEquals(
        List.of("src/shop/OrderDao.java:9: error: [JdbcConnectionLeak] fake leak at 'Connection d = other.getConnection();'"),
        fresh.out().lines().toList());
  }

  @Test
  void badBaselineIsExitTwo() throws Exception {
    write("src/A.java", LEAKY);
    write("b.txt", "this is not a baseline\n");
    CliRunner.Result r = scan("--root", ".", "--baseline", "b.txt", "src");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("leakguard: " + dir.resolve("b.txt") + ":1: expected a fingerprint"), r.err());
    CliRunner.Result missing = scan("--root", ".", "--baseline", "none.txt", "src");
    assertEquals(2, missing.exit());
  }

  // ------------------------------------------------------------------ diff mode

  @Test
  void diffOnStdinKeepsOnlyFindingsOnChangedLines() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    write("src/shop/ReportDao.java", WARNING_ONLY);
    String diff =
        """
        diff --git a/src/shop/OrderDao.java b/src/shop/OrderDao.java
        --- a/src/shop/OrderDao.java
        +++ b/src/shop/OrderDao.java
        @@ -6 +6 @@ class OrderDao {
        -    Statement st = c.createStatement(1);
        +    Statement st = c.createStatement(); // LEAK JdbcStatementLeak
        diff --git a/src/shop/Other.java b/src/shop/Other.java
        --- a/src/shop/Other.java
        +++ b/src/shop/Other.java
        @@ -1 +1 @@
        -a
        +b
        """;
    CliRunner.Result r = scanWithStdin(diff, "--root", ".", "--diff", "-", "--fail-on", "warning", "src");
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        List.of("src/shop/OrderDao.java:6: warning: [JdbcStatementLeak] fake leak at 'Statement st = c.createStatement();'"),
        r.out().lines().toList());
    assertEquals(
        "LeakGuard: 1 finding(s) in 1 file(s) (0 skipped) [JdbcStatementLeak: 1]; 1 outside the changed lines",
        r.summary());
    assertEquals(java.util.Set.of("src/shop/OrderDao.java"), engine.analysed, "unchanged files are not analysed");
    assertEquals(
        java.util.Set.of("src/shop/OrderDao.java", "src/shop/ReportDao.java"),
        engine.indexed,
        "but every file is indexed");

    CliRunner.Result defaultGate = scanWithStdin(diff, "--root", ".", "--diff", "-", "src");
    assertEquals(0, defaultGate.exit(), "the error-level leak is not on a changed line");
  }

  @Test
  void diffWithOnlyDeletionsReportsNothing() throws Exception {
    write("src/shop/OrderDao.java", LEAKY);
    String diff = "--- a/src/shop/OrderDao.java\n+++ b/src/shop/OrderDao.java\n@@ -8,2 +7,0 @@\n-x\n-y\n";
    CliRunner.Result r = scanWithStdin(diff, "--root", ".", "--diff", "-", "src");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals("LeakGuard: 0 finding(s) in 0 file(s) (0 skipped); 0 outside the changed lines", r.summary());
  }

  @Test
  void diffAgainstAGitRefInTheRoot() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    git(repo, "init", "-q");
    Files.createDirectories(repo.resolve("src/shop"));
    Files.writeString(repo.resolve("src/shop/OrderDao.java"), LEAKY.replace(" // LEAK JdbcStatementLeak", ""));
    Files.writeString(repo.resolve("src/shop/Old.java"), WARNING_ONLY);
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
    // change one line, rename a file without changing it
    Files.writeString(repo.resolve("src/shop/OrderDao.java"), LEAKY);
    git(repo, "mv", "src/shop/Old.java", "src/shop/Renamed.java");
    Map<String, String> before = snapshot(repo);

    // run from a subfolder: the root defaults to the work tree's top level
    CliRunner.Result r =
        CliRunner.run(repo.resolve("src/shop"), engine, "", "scan", "--diff", "HEAD", "--fail-on", "warning", ".");
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        List.of("src/shop/OrderDao.java:6: warning: [JdbcStatementLeak] fake leak at 'Statement st = c.createStatement();'"),
        r.out().lines().toList());
    assertTrue(r.summary().endsWith("; 1 outside the changed lines"), r.summary());
    assertEquals(before, snapshot(repo), "git was run read-only");

    CliRunner.Result badRef = CliRunner.run(repo, engine, "", "scan", "--diff", "no-such-ref", ".");
    assertEquals(2, badRef.exit());
    assertTrue(badRef.err().startsWith("leakguard: --diff no-such-ref: 'git diff' failed"), badRef.err());
  }

  /** A file not yet added to Git is new: all of its lines count as changed. */
  @Test
  void diffAgainstAGitRefIncludesFilesNotYetAdded() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("src/shop"));
    git(repo, "init", "-q");
    Files.writeString(repo.resolve("src/shop/CleanDao.java"), CLEAN);
    Files.writeString(repo.resolve(".gitignore"), "ignored/\n");
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
    Files.writeString(repo.resolve("src/shop/OrderDao.java"), LEAKY);
    Files.createDirectories(repo.resolve("ignored"));
    Files.writeString(repo.resolve("ignored/Generated.java"), LEAKY);

    CliRunner.Result r = CliRunner.run(repo, engine, "", "scan", "--diff", "HEAD", "--fail-on", "warning", "src", "ignored");
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        LEAKY_LINES,
        r.out().lines().toList());
  }

  static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
  }
}
