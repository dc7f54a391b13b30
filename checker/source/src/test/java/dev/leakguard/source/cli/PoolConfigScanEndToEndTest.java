package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code leakguard scan} over a project with Java sources and pool configuration files: the
 * configuration findings are reported with the Java ones in every format, a malformed file is
 * skipped with its line, and the baseline accepts them; pool settings made in Java code are
 * reported the same way, and the ceiling option applies to both.
 */
class PoolConfigScanEndToEndTest {
  @TempDir Path dir;

  private record Run(int exit, String out, List<String> err) {}

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

  private void put(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = EndToEndTest.class.getResourceAsStream("e2e/" + name + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void configurationFindingsAreReportedInEveryFormat() throws Exception {
    put("src/main/java/shop/OrderDao.java", fixture("OrderDao.java"));
    put(
        "src/main/resources/application.properties",
        "spring.datasource.url=jdbc:h2:mem:shop\nspring.datasource.hikari.maximum-pool-size=1\n");
    put(
        "src/main/resources/application-prod.yml",
        "spring:\n  datasource:\n    dbcp2:\n      max-total: 20\n      max-wait-millis: -1\n");
    put("src/main/resources/application-broken.yml", "spring:\n  datasource: [\n");
    put("target/classes/application.properties", "spring.datasource.hikari.maximum-pool-size=1\n");
    String root = dir.toString();

    Run text = leakguard("scan", "--root", root, root);
    assertEquals(1, text.exit(), String.join("\n", text.err()));
    List<String> lines = text.out().lines().toList();
    assertEquals(4, lines.size(), text.out());
    assertTrue(
        lines.contains(
            "src/main/resources/application-prod.yml:5: error: [JdbcPoolUnboundedWait]"
                + " spring.datasource.dbcp2.max-wait-millis=-1 in src/main/resources/application-prod.yml"
                + " (profile 'prod') makes a borrower wait for a free Commons DBCP2 connection forever:"
                + " when the pool runs dry (a leak, a slow query, a traffic spike) request threads pile up"
                + " blocked, the server stops answering even health checks and nothing in the logs names"
                + " the pool; set a timeout of a few seconds (e.g. 5000 ms) so requests fail fast with a"
                + " pool error."),
        text.out());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith(
            "src/main/resources/application.properties:2: error: [JdbcPoolSizeOutOfRange]"
                + " spring.datasource.hikari.maximum-pool-size=1 in src/main/resources/application.properties")),
        text.out());
    assertTrue(
        text.err().stream().anyMatch(l -> l.startsWith(
            "leakguard: skipped src/main/resources/application-broken.yml: line 3: not valid YAML: ")),
        String.join("\n", text.err()));
    assertEquals(
        "LeakGuard: 4 finding(s) in 4 file(s) (1 skipped) [JdbcConnectionLeak: 1, JdbcStatementLeak: 1,"
            + " JdbcPoolSizeOutOfRange: 1, JdbcPoolUnboundedWait: 1]",
        text.err().get(text.err().size() - 1));

    Run json = leakguard("scan", "--root", root, "-f", "json", root);
    JsonNode findings = JsonReport.MAPPER.readTree(json.out()).get("findings");
    assertEquals(4, findings.size());
    JsonNode pool = findings.get(3);
    assertEquals("src/main/resources/application.properties", pool.get("path").asString());
    assertEquals("config", pool.get("engines").get(0).asString());

    Path sarifFile = dir.resolve("out.sarif");
    Run sarif = leakguard("scan", "--root", root, "-f", "sarif", "-o", sarifFile.toString(), root);
    assertEquals(1, sarif.exit());
    String sarifText = Files.readString(sarifFile);
    SarifSchema.assertValid(sarifText);
    JsonNode results = JsonReport.MAPPER.readTree(sarifText).get("runs").get(0).get("results");
    assertEquals(4, results.size());
    assertTrue(
        results.valueStream().anyMatch(r -> r.get("ruleId").asString().equals("JdbcPoolUnboundedWait")),
        sarifText);

    Run gh = leakguard("scan", "--root", root, "-f", "github", root);
    assertTrue(
        gh.out().contains("::error file=src/main/resources/application.properties,line=2,title=[JdbcPoolSizeOutOfRange]::"),
        gh.out());
    Run cs = leakguard("scan", "--root", root, "-f", "checkstyle", root);
    assertEquals(4, cs.out().split("<error ", -1).length - 1, cs.out());
    assertTrue(cs.out().contains("JdbcPoolSizeOutOfRange"), cs.out());

    // the baseline accepts configuration findings like the others; a ceiling option changes nothing here
    Path baseline = dir.resolve("baseline.txt");
    assertEquals(0, leakguard("scan", "--root", root, "--write-baseline", baseline.toString(), root).exit());
    Run after = leakguard("scan", "--root", root, "--baseline", baseline.toString(), root);
    assertEquals(0, after.exit(), String.join("\n", after.err()));
    assertEquals("", after.out());
  }

  static final String POOL_CONFIG_JAVA =
      """
      package shop;

      import com.zaxxer.hikari.HikariConfig;

      class PoolConfig {
        HikariConfig create(String url) {
          HikariConfig config = new HikariConfig();
          config.setJdbcUrl(url);
          config.setMaximumPoolSize(60);
          config.setConnectionTimeout(0);
          return config;
        }
      }
      """;

  @Test
  void poolSettingsInJavaCodeAreReportedInEveryFormatAndTheCeilingAppliesToThem() throws Exception {
    put("src/main/java/shop/PoolConfig.java", POOL_CONFIG_JAVA);
    put("src/main/resources/application.properties", "spring.datasource.hikari.maximum-pool-size=60\n");
    String root = dir.toString();

    Run text = leakguard("scan", "--root", root, root);
    assertEquals(1, text.exit(), String.join("\n", text.err()));
    List<String> lines = text.out().lines().toList();
    assertEquals(1, lines.size(), text.out());
    assertTrue(
        lines.get(0).startsWith(
            "src/main/java/shop/PoolConfig.java:10: error: [JdbcPoolUnboundedWait] config.setConnectionTimeout(0)"
                + " in PoolConfig.create makes a borrower wait for a free HikariCP connection forever"),
        text.out());

    Run lower = leakguard("scan", "--root", root, "--pool-size-ceiling", "50", root);
    assertEquals(
        List.of(
            "src/main/java/shop/PoolConfig.java:9: error: [JdbcPoolSizeOutOfRange]",
            "src/main/java/shop/PoolConfig.java:10: error: [JdbcPoolUnboundedWait]",
            "src/main/resources/application.properties:1: error: [JdbcPoolSizeOutOfRange]"),
        lower.out().lines().map(l -> l.substring(0, l.indexOf(']') + 1)).toList(),
        lower.out());
    assertTrue(lower.out().contains("above the ceiling of 50"), lower.out());

    Run json = leakguard("scan", "--root", root, "--pool-size-ceiling", "50", "-f", "json", root);
    JsonNode findings = JsonReport.MAPPER.readTree(json.out()).get("findings");
    assertEquals(3, findings.size(), json.out());
    assertEquals("src/main/java/shop/PoolConfig.java", findings.get(0).get("path").asString());
    assertEquals("JdbcPoolSizeOutOfRange", findings.get(0).get("id").asString());
    assertEquals("source", findings.get(0).get("engines").get(0).asString());
    assertEquals("config", findings.get(2).get("engines").get(0).asString());

    Run sarif = leakguard("scan", "--root", root, "-f", "sarif", root);
    SarifSchema.assertValid(sarif.out());
    JsonNode result = JsonReport.MAPPER.readTree(sarif.out()).get("runs").get(0).get("results").get(0);
    assertEquals("JdbcPoolUnboundedWait", result.get("ruleId").asString());
    assertEquals(10, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());

    Run gh = leakguard("scan", "--root", root, "-f", "github", root);
    assertTrue(
        gh.out().startsWith("::error file=src/main/java/shop/PoolConfig.java,line=10,title=[JdbcPoolUnboundedWait]::"),
        gh.out());
    Run cs = leakguard("scan", "--root", root, "-f", "checkstyle", root);
    assertTrue(cs.out().contains("<file name=\"src/main/java/shop/PoolConfig.java\">"), cs.out());
    assertTrue(cs.out().contains("source=\"JdbcPoolUnboundedWait\""), cs.out());

    // the baseline accepts them, and keeps accepting them when code moves around them
    Path baseline = dir.resolve("baseline.txt");
    assertEquals(0, leakguard("scan", "--root", root, "--write-baseline", baseline.toString(), root).exit());
    put("src/main/java/shop/PoolConfig.java", POOL_CONFIG_JAVA.replace("class PoolConfig {", "class PoolConfig {\n\n  int unused;"));
    Run after = leakguard("scan", "--root", root, "--baseline", baseline.toString(), root);
    assertEquals(0, after.exit(), String.join("\n", after.err()));
    assertEquals("", after.out());

    // --diff keeps the finding on a changed line only
    String diff =
        """
        --- a/src/main/java/shop/PoolConfig.java
        +++ b/src/main/java/shop/PoolConfig.java
        @@ -11 +11 @@
        -    config.setMaximumPoolSize(20);
        +    config.setMaximumPoolSize(60);
        """;
    CliRunner.Result changed =
        CliRunner.run(dir, Analyzer.sourceEngine(), diff, "scan", "--root", root, "--pool-size-ceiling", "50", "--diff", "-", root);
    assertEquals(
        List.of("src/main/java/shop/PoolConfig.java:11: error: [JdbcPoolSizeOutOfRange]"),
        changed.out().lines().map(l -> l.substring(0, l.indexOf(']') + 1)).toList(),
        changed.out());
  }
}
