package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner that writes the reports: leak and pool findings alike, with their fingerprints. */
class LeakGuardJavacTest {
  @TempDir Path dir;
  private Path src;

  @BeforeEach
  void writeSource() throws Exception {
    src = dir.resolve("src").resolve("Shop.java");
    Files.createDirectories(src.getParent());
    Files.write(
        src,
        List.of(
            "import com.zaxxer.hikari.HikariConfig;",
            "import java.sql.*;",
            "import javax.sql.DataSource;",
            "class Shop {",
            "  HikariConfig pool(String url) {",
            "    HikariConfig config = new HikariConfig();",
            "    config.setMaximumPoolSize(60);",
            "    config.setConnectionTimeout(0);",
            "    return config;",
            "  }",
            "  void touch(DataSource ds) throws SQLException {",
            "    Connection c = ds.getConnection();",
            "  }",
            "}"));
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--root", dir.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--", "-cp", System.getProperty("java.class.path"), "-d", dir.resolve("classes").toString(),
        src.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = LeakGuardJavac.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void poolFindingsAreReportedWithTheirFingerprint() throws Exception {
    Path sarif = dir.resolve("out.sarif");
    Path text = dir.resolve("out.txt");
    Run r = run("--sarif", sarif.toString(), "--text", text.toString());
    assertEquals(1, r.exit(), r.err());
    String report = Files.readString(text, StandardCharsets.UTF_8);
    assertTrue(report.contains("src/Shop.java:8: error: [JdbcPoolUnboundedWait] config.setConnectionTimeout(0) in"
        + " Shop.pool makes a borrower wait"), report);
    assertTrue(report.contains("src/Shop.java:12: error: [JdbcConnectionLeak]"), report);
    assertTrue(report.contains("LeakGuard: 2 finding(s) in 1 file(s)"), report);
    String json = Files.readString(sarif, StandardCharsets.UTF_8);
    String fingerprint =
        ReportedFinding.fingerprintOf(CheckId.JdbcPoolUnboundedWait, "Shop.pool(java.lang.String)", "pool", "connectionTimeout");
    assertTrue(json.contains("\"ruleId\": \"JdbcPoolUnboundedWait\""), json);
    assertTrue(json.contains(fingerprint), json);
  }

  @Test
  void theCeilingOption() throws Exception {
    Run r = run("--pool-size-ceiling", "50");
    assertTrue(r.out().contains("src/Shop.java:7: error: [JdbcPoolSizeOutOfRange] config.setMaximumPoolSize(60)"
        + " in Shop.pool lets HikariCP open up to 60 connections, above the ceiling of 50"), r.out());
    Run bad = run("--pool-size-ceiling", "one");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--pool-size-ceiling one: give a whole number of at least 2"), bad.err());
  }

  @Test
  void fixRewritesTheSourceInPlaceAndCountsTheFixes() throws Exception {
    Run r = run("--fix", "--fail-on", "never");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("LeakGuard: 2 finding(s) in 1 file(s)"), r.out());
    assertTrue(r.out().contains("; 1 fixed in place"), r.out());
    String fixed = Files.readString(src, StandardCharsets.UTF_8);
    assertTrue(fixed.contains("    try (Connection c = ds.getConnection()) {\n    }\n"), fixed);
    Run again = run("--fail-on", "never");
    assertTrue(again.out().contains("LeakGuard: 1 finding(s) in 1 file(s)"), again.out());
    assertTrue(!again.out().contains("JdbcConnectionLeak"), again.out());
  }
}
