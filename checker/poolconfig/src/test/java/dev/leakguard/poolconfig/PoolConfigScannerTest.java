package dev.leakguard.poolconfig;

import dev.leakguard.core.pool.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule on a bad configuration and a near-miss good one, in properties and YAML, for each
 * pool the rule applies to: exact (file, line, id) for the bad files, nothing for the good ones.
 */
class PoolConfigScannerTest {
  private static final CheckId SIZE = CheckId.JdbcPoolSizeOutOfRange;
  private static final CheckId WAIT = CheckId.JdbcPoolUnboundedWait;
  private static final CheckId LIFETIME = CheckId.JdbcPoolLifetimeMisconfigured;
  private static final CheckId LEAK = CheckId.JdbcPoolLeakDetectionIgnored;
  private static final CheckId ABANDONED = CheckId.JdbcPoolAbandonedMisconfigured;

  /** The expected findings of every file under pools/bad, as "line Id". */
  private static final Map<String, List<String>> BAD = new TreeMap<>();

  static {
    BAD.put("size/application.properties", List.of("2 " + SIZE, "3 " + SIZE, "4 " + SIZE, "7 " + SIZE));
    BAD.put("size/application.yml", List.of("4 " + SIZE, "12 " + SIZE));
    BAD.put("size/c3p0.properties", List.of("1 " + SIZE, "2 " + SIZE));
    BAD.put("size/hikari.properties", List.of("2 " + SIZE));
    BAD.put("wait/application.properties", List.of("1 " + WAIT, "2 " + WAIT, "3 " + WAIT));
    BAD.put("wait/application.yml", List.of("4 " + WAIT, "7 " + WAIT));
    BAD.put("wait/c3p0.properties", List.of("1 " + WAIT));
    BAD.put("wait/c3p0-zero.properties", List.of("2 " + WAIT));
    BAD.put("wait/dbcp.properties", List.of("2 " + WAIT));
    BAD.put("lifetime/application.properties", List.of("2 " + LIFETIME, "3 " + LIFETIME));
    BAD.put("lifetime/application.yml", List.of("7 " + LIFETIME, "8 " + LIFETIME));
    BAD.put("lifetime/application-prod.yml", List.of("1 " + LIFETIME));
    BAD.put("lifetime/hikari.properties", List.of("1 " + LIFETIME));
    BAD.put("leak/application.properties", List.of("1 " + LEAK));
    BAD.put("leak/application.yml", List.of("5 " + LEAK));
    BAD.put("leak/hikari.properties", List.of("1 " + LEAK));
    BAD.put("abandoned/application.properties", List.of("3 " + ABANDONED, "5 " + ABANDONED));
    BAD.put("abandoned/application-prod.yml", List.of("4 " + ABANDONED));
    BAD.put("abandoned/application.yml", List.of("13 " + ABANDONED));
    BAD.put("abandoned/dbcp.properties", List.of("3 " + ABANDONED));
  }

  static Path pools() throws URISyntaxException {
    return Path.of(PoolConfigScannerTest.class.getResource("/pools").toURI());
  }

  private static List<String> scan(Path file, String reportPath) {
    PoolConfigScanner.FileResult r = new PoolConfigScanner().scan(file, reportPath);
    assertNull(r.skipped(), reportPath + " skipped: " + r.skipped());
    List<String> out = new ArrayList<>();
    for (ReportedFinding f : r.findings()) {
      assertEquals(reportPath, f.path());
      assertEquals(List.of("config"), f.engines());
      out.add(f.line() + " " + f.id());
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> badConfigurationsReportExactlyTheirFindings() throws Exception {
    Path bad = pools().resolve("bad");
    try (Stream<Path> files = Files.walk(bad)) {
      List<String> found =
          files.filter(Files::isRegularFile).map(p -> bad.relativize(p).toString().replace('\\', '/')).sorted().toList();
      assertEquals(BAD.keySet().stream().toList(), found, "every bad fixture has its expectations");
    }
    return BAD.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> assertEquals(e.getValue(), scan(bad.resolve(e.getKey()), e.getKey()))));
  }

  @TestFactory
  Stream<DynamicTest> nearMissConfigurationsAreSilent() throws Exception {
    Path good = pools().resolve("good");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(good)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(files.size() >= 20, "near-miss fixtures: " + files.size());
    return files.stream()
        .map(
            f -> {
              String name = good.relativize(f).toString().replace('\\', '/');
              return DynamicTest.dynamicTest(name, () -> assertEquals(List.of(), scan(f, name)));
            });
  }

  @Test
  void everyPoolCheckHasABadFixture() {
    for (CheckId id : PoolConfigScanner.checkIds()) {
      assertTrue(
          BAD.values().stream().flatMap(List::stream).anyMatch(s -> s.endsWith(" " + id.name())),
          "no bad fixture for " + id);
    }
  }

  @Test
  void malformedYamlIsSkippedWithItsLine() throws Exception {
    PoolConfigScanner.FileResult r =
        new PoolConfigScanner().scan(pools().resolve("malformed/application.yml"), "application.yml");
    assertEquals(List.of(), r.findings());
    assertTrue(r.skipped() != null && r.skipped().startsWith("line 5: not valid YAML"), r.skipped());
  }

  @Test
  void malformedPropertiesAreSkippedWithTheirLine() throws Exception {
    PoolConfigScanner.FileResult r =
        new PoolConfigScanner().scan(pools().resolve("malformed/hikari.properties"), "hikari.properties");
    assertEquals(List.of(), r.findings());
    assertEquals("line 2: malformed \\uxxxx escape '\\u12G4'", r.skipped());
  }

  @Test
  void messageNamesSettingPlaceValueEffectAndFix() throws Exception {
    List<ReportedFinding> f =
        new PoolConfigScanner()
            .scan(pools().resolve("bad/size/hikari.properties"), "conf/hikari.properties")
            .findings();
    assertEquals(1, f.size());
    String m = f.get(0).message();
    assertTrue(m.startsWith("maximumPoolSize=1 in conf/hikari.properties lets HikariCP open a single connection"), m);
    assertTrue(m.contains("set it to at least 2"), m);
    assertEquals(
        ReportedFinding.fingerprintOf(SIZE, "conf/hikari.properties#maximumPoolSize", "pool", "maximumPoolSize"),
        f.get(0).fingerprint());
  }

  @Test
  void profileIsNamedInTheMessage() throws Exception {
    List<ReportedFinding> f =
        new PoolConfigScanner()
            .scan(pools().resolve("bad/abandoned/application.yml"), "application.yml")
            .findings();
    assertTrue(f.get(0).message().contains("in application.yml (profile 'production')"), f.get(0).message());
  }

  @Test
  void ceilingIsConfigurable() {
    String text = "spring.datasource.hikari.maximum-pool-size=150\n";
    assertEquals(1, new PoolConfigScanner().scanText("application.properties", "a", text).findings().size());
    assertEquals(0, new PoolConfigScanner(200).scanText("application.properties", "a", text).findings().size());
  }

  @Test
  void suppressionNamesTheId() {
    String other = "# leakguard:ignore JdbcPoolUnboundedWait\nspring.datasource.hikari.maximum-pool-size=1\n";
    assertEquals(1, new PoolConfigScanner().scanText("application.properties", "a", other).findings().size());
  }

  @Test
  void recognisesConfigurationFileNames() {
    for (String yes :
        List.of("application.properties", "application-prod.yml", "application.yaml", "hikari.properties",
            "dbcp.properties", "dbcp2-shop.properties", "c3p0.properties")) {
      assertTrue(PoolConfigScanner.isConfigFile(Path.of(yes)), yes);
    }
    for (String no : List.of("app.properties", "application.json", "hikari.yml", "logback.xml", "Shop.java")) {
      assertTrue(!PoolConfigScanner.isConfigFile(Path.of(no)), no);
    }
  }

  /** The outage "a pool fit for a hermit": PoolConfigHermit's settings as Spring Boot configuration. */
  @Test
  void hermitSampleIsReported() throws IOException {
    Path samples = Path.of(System.getProperty("leakguard.samples.resources", "../../samples/app/src/main/resources"));
    Path file = samples.resolve("application-hermit.properties");
    List<String> lines = Files.readAllLines(file);
    int line = lines.indexOf("spring.datasource.hikari.maximum-pool-size=1") + 1;
    assertTrue(line > 0, "the hermit file sets maximum-pool-size=1");
    PoolConfigScanner.FileResult r = new PoolConfigScanner().scan(file, "application-hermit.properties");
    assertEquals(List.of(line + " " + SIZE), r.findings().stream().map(f -> f.line() + " " + f.id()).toList());
    assertTrue(r.findings().get(0).message().contains("(profile 'hermit')"), r.findings().get(0).message());
  }
}
