package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The real command line, {@link LeakGuardCli#run(String[], PrintStream, PrintStream)}, over the source engine. */
class EndToEndTest {
  @TempDir Path dir;

  record Run(int exit, String out, List<String> err) {
    String summary() {
      return err.isEmpty() ? "" : err.get(err.size() - 1);
    }

    /** {@code path:line: level: [Id]} of each text line. */
    List<String> places() {
      List<String> out = new ArrayList<>();
      for (String line : this.out.lines().toList()) {
        out.add(line.substring(0, line.indexOf(']') + 1));
      }
      return out;
    }
  }

  private Run leakguard(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        LeakGuardCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).lines().toList());
  }

  private String root() {
    return dir.toString();
  }

  private String src() {
    return dir.resolve("src").toString();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = EndToEndTest.class.getResourceAsStream("e2e/" + name + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path put(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @BeforeEach
  void sources() throws IOException {
    put("src/shop/OrderDao.java", fixture("OrderDao.java"));
    put("src/shop/CustomerDao.java", fixture("CustomerDao.java"));
  }

  static final List<String> ORDER_DAO_LEAKS =
      List.of(
          "src/shop/OrderDao.java:18: error: [JdbcConnectionLeak]",
          "src/shop/OrderDao.java:19: warning: [JdbcStatementLeak]");

  @Test
  void reportsTheLeaksOfTheLeakyMethodOnly() {
    Run r = leakguard("scan", "--root", root(), src());
    assertEquals(1, r.exit(), String.join("\n", r.err()));
    assertEquals(ORDER_DAO_LEAKS, r.places());
    assertTrue(r.out().contains("Connection 'c'"), r.out());
    // the result set left open with its statement is named by the statement's finding
    assertTrue(r.out().contains("Closing it also closes ResultSet 'rs' (line 20), left open with it."), r.out());
    assertEquals(
        List.of(
            "LeakGuard: 2 finding(s) in 2 file(s) (0 skipped)"
                + " [JdbcConnectionLeak: 1, JdbcStatementLeak: 1]"),
        r.err());
  }

  @Test
  void cleanCodeExitsZero() {
    Run r = leakguard("scan", "--root", root(), dir.resolve("src/shop/CustomerDao.java").toString());
    assertEquals(0, r.exit());
    assertEquals("", r.out());
    assertEquals("LeakGuard: 0 finding(s) in 1 file(s) (0 skipped)", r.summary());
  }

  @Test
  void sarifOfARealScanIsValid() throws Exception {
    Path report = dir.resolve("leakguard.sarif");
    Map<String, String> before = ScanCommandTest.snapshot(dir);
    Run r = leakguard("scan", "--root", root(), "--format", "sarif", "--output", report.toString(), src());
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    Map<String, String> after = ScanCommandTest.snapshot(dir);
    after.remove("leakguard.sarif");
    assertEquals(before, after, "nothing written but the report");
    String sarif = Files.readString(report);
    SarifSchema.assertValid(sarif);
    JsonNode results = JsonReport.MAPPER.readTree(sarif).get("runs").get(0).get("results");
    assertEquals(2, results.size());
    for (JsonNode result : results) {
      assertEquals(
          "src/shop/OrderDao.java",
          result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asString());
      assertEquals(32, result.get("partialFingerprints").get("leakguard/v1").asString().length());
    }
  }

  @Test
  void everyFormatAgreesOnTheFindings() throws Exception {
    Run gh = leakguard("scan", "--root", root(), "-f", "github", src());
    assertEquals(2, gh.out().lines().count());
    assertTrue(gh.out().startsWith("::error file=src/shop/OrderDao.java,line=18,title=[JdbcConnectionLeak]::"), gh.out());
    Run cs = leakguard("scan", "--root", root(), "-f", "checkstyle", src());
    assertEquals(2, cs.out().split("<error ", -1).length - 1, cs.out());
    Run json = leakguard("scan", "--root", root(), "-f", "json", src());
    JsonNode findings = JsonReport.MAPPER.readTree(json.out()).get("findings");
    assertEquals(2, findings.size());
    assertEquals(18, findings.get(0).get("line").asInt());
    assertEquals("source", findings.get(0).get("engines").get(0).asString());
    assertEquals(2, JsonReport.MAPPER.readTree(json.out()).get("summary").get("files").asInt());
  }

  @Test
  void baselineRoundTripWithMovedCodeAndANewLeak() throws Exception {
    Path baseline = dir.resolve("leakguard-baseline.txt");
    Run w = leakguard("scan", "--root", root(), "--write-baseline", baseline.toString(), src());
    assertEquals(0, w.exit(), String.join("\n", w.err()));
    assertEquals("", w.out());

    Run same = leakguard("scan", "--root", root(), "--baseline", baseline.toString(), src());
    assertEquals(0, same.exit());
    assertEquals("", same.out());
    assertTrue(same.summary().endsWith("; 2 accepted by the baseline"), same.summary());

    String moved =
        fixture("OrderDao.java")
            .replace("class OrderDao {\n", "class OrderDao {\n  private static final int PAGE = 50;\n\n  // moved down\n");
    put("src/shop/OrderDao.java", moved);
    Run shifted = leakguard("scan", "--root", root(), "--baseline", baseline.toString(), src());
    assertEquals(0, shifted.exit(), shifted.out());
    assertEquals("", shifted.out());

    String withNewLeak =
        moved.replace(
            "  int countFixed()",
            "  void touch() throws SQLException {\n"
                + "    Connection other = ds.getConnection();\n"
                + "    other.setReadOnly(true);\n"
                + "  }\n\n"
                + "  int countFixed()");
    put("src/shop/OrderDao.java", withNewLeak);
    Run fresh = leakguard("scan", "--root", root(), "--baseline", baseline.toString(), src());
    assertEquals(1, fresh.exit());
    int line = withNewLeak.substring(0, withNewLeak.indexOf("Connection other")).split("\n", -1).length;
    assertEquals(List.of("src/shop/OrderDao.java:" + line + ": error: [JdbcConnectionLeak]"), fresh.places());
    assertTrue(fresh.out().contains("'other'"), fresh.out());
  }

  @Test
  void diffModeReportsOnlyTheChangedLines() throws Exception {
    String diff =
        "diff --git a/src/shop/OrderDao.java b/src/shop/OrderDao.java\n"
            + "--- a/src/shop/OrderDao.java\n"
            + "+++ b/src/shop/OrderDao.java\n"
            + "@@ -18,0 +19 @@\n"
            + "+    Statement st = c.createStatement();\n"
            + "diff --git a/src/shop/CustomerDao.java b/src/shop/CustomerDao.java\n"
            + "--- a/src/shop/CustomerDao.java\n"
            + "+++ b/src/shop/CustomerDao.java\n"
            + "@@ -20 +20 @@\n"
            + "-      ps.setInt(1, id);\n"
            + "+      ps.setLong(1, id);\n";
    Path diffFile = put("change.diff", diff);
    InputStream stdin = System.in;
    try (InputStream in = Files.newInputStream(diffFile)) {
      System.setIn(in);
      Run r = leakguard("scan", "--root", root(), "--diff", "-", "--fail-on", "warning", src());
      assertEquals(1, r.exit());
      assertEquals(List.of("src/shop/OrderDao.java:19: warning: [JdbcStatementLeak]"), r.places());
      assertEquals(
          "LeakGuard: 1 finding(s) in 2 file(s) (0 skipped) [JdbcStatementLeak: 1]; 1 outside the changed lines",
          r.summary());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void badInputsAreSkippedWithTheReasonAndTheScanGoesOn() throws Exception {
    put("src/shop/Broken.java", fixture("Broken.java"));
    Files.write(
        dir.resolve("src/shop/Latin1.java"),
        "package shop;\n// Gr\u00fc\u00dfe\nclass Latin1 {}\n".getBytes(StandardCharsets.ISO_8859_1));
    put("src/shop/Empty.java", "");
    put("src/shop/Blank.java", "\n\n   \n");
    put("src/shop/Generated.java", "package shop;\nclass Generated {\n" + "  int f;\n".repeat(2000) + "}\n");
    Files.createDirectories(dir.resolve("docs"));
    Run r = leakguard("scan", "--root", root(), "--max-file-size", "8K", src(), dir.resolve("docs").toString());
    assertEquals(1, r.exit());
    assertEquals(ORDER_DAO_LEAKS, r.places(), "the good files are analysed");
    List<String> err = r.err();
    assertEquals(7, err.size(), String.join("\n", err));
    assertEquals("leakguard: skipped docs: no .java files in this directory", err.get(0));
    assertEquals("leakguard: skipped src/shop/Blank.java: empty file", err.get(1));
    assertTrue(err.get(2).startsWith("leakguard: skipped src/shop/Broken.java: does not parse: "), err.get(2));
    assertEquals("leakguard: skipped src/shop/Empty.java: empty file", err.get(3));
    assertEquals(
        "leakguard: skipped src/shop/Generated.java: larger than 8 KB (17.6 KB); raise --max-file-size to analyse it",
        err.get(4));
    assertEquals(
        "leakguard: skipped src/shop/Latin1.java: not valid UTF-8 (give the sources' encoding: --encoding)",
        err.get(5));
    assertEquals(
        "LeakGuard: 2 finding(s) in 7 file(s) (6 skipped)"
            + " [JdbcConnectionLeak: 1, JdbcStatementLeak: 1]",
        err.get(6));
  }

  @Test
  void encodingReadsLatin1SourcesAndAnUnknownOneIsAUsageError() throws Exception {
    Files.createDirectories(dir.resolve("src/shop"));
    Files.write(
        dir.resolve("src/shop/Latin1.java"),
        ("package shop;\nimport java.sql.*;\n// Gr\u00fc\u00dfe\nclass Latin1 {\n"
                + "  void m(javax.sql.DataSource ds) throws SQLException {\n    Connection c = ds.getConnection();\n  }\n}\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    Run r = leakguard("scan", "--root", root(), "--encoding", "ISO-8859-1", src());
    assertEquals(1, r.exit(), String.join("\n", r.err()));
    assertTrue(String.join("\n", r.err()).contains("(0 skipped)"), String.join("\n", r.err()));
    assertTrue(r.places().stream().anyMatch(p -> p.startsWith("src/shop/Latin1.java:6: error: [JdbcConnectionLeak]")), r.places().toString());
    Run bad = leakguard("scan", "--root", root(), "--encoding", "latin-nine", src());
    assertEquals(2, bad.exit());
    assertTrue(String.join("\n", bad.err()).contains("--encoding latin-nine: no such charset"), String.join("\n", bad.err()));
  }

  @Test
  void failOnSkippedMakesASkippedFileFailTheScanButNotAnEmptyOne() throws Exception {
    put("src/shop/Clean.java", "package shop;\nclass Clean {}\n");
    put("src/shop/Empty.java", "");
    Run clean = leakguard("scan", "--root", root(), "--fail-on", "never", "--fail-on-skipped", src());
    assertEquals(0, clean.exit(), String.join("\n", clean.err()));
    put("src/shop/Broken.java", fixture("Broken.java"));
    Run withoutOption = leakguard("scan", "--root", root(), "--fail-on", "never", src());
    assertEquals(0, withoutOption.exit(), String.join("\n", withoutOption.err()));
    Run broken = leakguard("scan", "--root", root(), "--fail-on", "never", "--fail-on-skipped", src());
    assertEquals(1, broken.exit(), String.join("\n", broken.err()));
    assertTrue(broken.err().get(broken.err().size() - 1)
        .equals("leakguard: 1 file(s) with code were not analysed, and --fail-on-skipped is set"), String.join("\n", broken.err()));
  }

  @Test
  void userModelFileExtendsTheBuiltInModel() throws Exception {
    put(
        "src/acme/Jobs.java",
        "package acme;\n\n"
            + "import com.acme.pool.Pools;\n"
            + "import java.sql.Connection;\n"
            + "import java.sql.SQLException;\n\n"
            + "class Jobs {\n"
            + "  void run() throws SQLException {\n"
            + "    Connection c = Pools.lease(\"orders\");\n"
            + "    try { c.setAutoCommit(false); } finally { Pools.settle(c); }\n"
            + "  }\n"
            + "}\n");
    Path model =
        put(
            "acme.model",
            "section acme-pool https://example.com/acme/pool\n"
                + "release com.acme.pool.Pools.settle(..) arg 0 quiet\n");
    String jobs = dir.resolve("src/acme").toString();
    // without the model, settle is a call like any other: the leased connection leaks
    Run unknown = leakguard("scan", "--root", root(), jobs);
    assertEquals(1, unknown.exit());
    assertEquals(List.of("src/acme/Jobs.java:9: error: [JdbcConnectionLeak]"), unknown.places());
    Run r = leakguard("scan", "--root", root(), "--model", model.toString(), jobs);
    assertEquals(0, r.exit());
    assertEquals(List.of(), r.places(), "the model says settle releases it");

    Path bad = put("bad.model", "section acme\nacquire com.acme.pool.Pools.lease( connection\n");
    Run broken = leakguard("scan", "--root", root(), "--model", model.toString(), "--model", bad.toString(), jobs);
    assertEquals(2, broken.exit());
    assertEquals("", broken.out());
    assertTrue(broken.err().get(0).startsWith("leakguard: " + bad + ":2: "), broken.err().get(0));
  }

  @Test
  void sameResultWithOneThreadOrMany() throws Exception {
    for (int i = 0; i < 30; i++) {
      put("src/gen/p" + (i % 4) + "/Dao" + i + ".java",
          fixture(i % 2 == 0 ? "OrderDao.java" : "CustomerDao.java")
              .replace("package shop;", "package gen.p" + (i % 4) + ";")
              .replace("class OrderDao", "class Dao" + i)
              .replace("class CustomerDao", "class Dao" + i)
              .replace("OrderDao(", "Dao" + i + "(")
              .replace("CustomerDao(", "Dao" + i + "("));
    }
    Run one = leakguard("scan", "--root", root(), "--threads", "1", "-f", "json", src());
    Run many = leakguard("scan", "--root", root(), "--threads", "3", "-f", "json", src());
    assertEquals(one.out(), many.out());
    assertEquals(one.err(), many.err());
    assertTrue(one.summary().startsWith("LeakGuard: 32 finding(s) in 32 file(s)"), one.summary());
    assertFalse(one.out().isEmpty());
  }
}
