package dev.leakguard.maven.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.InputFile;
import dev.leakguard.maven.PathFilter;
import dev.leakguard.maven.TestRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolConfigEngineTest {
  private static final String APPLICATION_YML = """
      spring:
        datasource:
          hikari:
            maximum-pool-size: 80
      ---
      spring:
        config:
          activate:
            on-profile: prod
        datasource:
          hikari:
            connection-timeout: 0
      """;

  private static InputFile write(Path dir, String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return TestRequests.configFile(f, name);
  }

  private static List<String> lines(EngineResult r) {
    return r.findings().stream().map(f -> f.path() + ":" + f.line() + ":" + f.id()).toList();
  }

  private static EngineResult run(List<InputFile> files, PathFilter filter, int ceiling) {
    return new PoolConfigEngine().run(
        TestRequests.request(List.of(), files, List.of(), filter, ceiling), new TestRequests.Context());
  }

  @Test
  void reportsEachSettingAtItsLineWithTheCeilingOfTheRequest(@TempDir Path dir) throws Exception {
    InputFile app = write(dir, "application.yml", APPLICATION_YML);
    InputFile dbcp = write(dir, "dbcp.properties", "maxTotal=20\nmaxWaitMillis=-1\n");
    EngineResult r = run(List.of(app, dbcp), new PathFilter(null, null), 50);
    assertTrue(r.ran());
    assertEquals("config", r.engine());
    assertEquals(List.of(
            "m/src/main/resources/application.yml:4:JdbcPoolSizeOutOfRange",
            "m/src/main/resources/application.yml:12:JdbcPoolUnboundedWait",
            "m/src/main/resources/dbcp.properties:2:JdbcPoolUnboundedWait"),
        lines(r));
    for (ReportedFinding f : r.findings()) {
      assertEquals(List.of("config"), f.engines());
      assertTrue(f.fingerprint().matches("[0-9a-f]{32}"), f.fingerprint());
    }
    assertTrue(r.findings().get(0).message().contains("50"), r.findings().get(0).message());
    assertTrue(r.findings().get(1).message().contains("prod"), r.findings().get(1).message());
    assertEquals(2, r.units());
    assertEquals(List.of(), r.notes());
  }

  @Test
  void aSizeUpToTheCeilingIsNoFinding(@TempDir Path dir) throws Exception {
    InputFile app = write(dir, "application.yml", APPLICATION_YML);
    EngineResult r = run(List.of(app), new PathFilter(null, null), 80);
    assertEquals(List.of("m/src/main/resources/application.yml:12:JdbcPoolUnboundedWait"), lines(r));
  }

  @Test
  void aMalformedFileIsANoteWithItsLineAndTheOthersAreStillChecked(@TempDir Path dir) throws Exception {
    InputFile bad = write(dir, "application.yml", """
        spring:
          datasource:
            hikari:
              maximum-pool-size: 1
             minimum-idle: 1
        """);
    InputFile escape = write(dir, "hikari.properties", "poolName=shop\\u12G4\nmaximumPoolSize=1\n");
    InputFile dbcp = write(dir, "dbcp.properties", "maxTotal=20\nmaxWaitMillis=-1\n");
    EngineResult r = run(List.of(bad, escape, dbcp), new PathFilter(null, null), 100);
    assertTrue(r.ran());
    assertEquals(List.of("m/src/main/resources/dbcp.properties:2:JdbcPoolUnboundedWait"), lines(r));
    assertEquals(2, r.notes().size(), r.notes().toString());
    assertTrue(r.notes().get(0).startsWith("m/src/main/resources/application.yml:5: not valid YAML"), r.notes().get(0));
    assertTrue(r.notes().get(0).endsWith("; its pool settings are not checked"), r.notes().get(0));
    assertEquals("m/src/main/resources/hikari.properties:1: malformed \\uxxxx escape '\\u12G4';"
        + " its pool settings are not checked", r.notes().get(1));
    assertEquals(3, r.units());
  }

  @Test
  void aFileWithoutALineIsNamedAlone() {
    assertEquals("a/application.yml: not valid UTF-8; its pool settings are not checked",
        PoolConfigEngine.notChecked("a/application.yml", "not valid UTF-8"));
  }

  @Test
  void excludedFilesAreNotRead(@TempDir Path dir) throws Exception {
    InputFile app = write(dir, "application.yml", APPLICATION_YML);
    InputFile legacy = write(dir, "legacy/application.yml", "spring: [unclosed\n");
    EngineResult r = run(List.of(app, legacy), new PathFilter(null, List.of("legacy/")), 100);
    assertEquals(List.of("m/src/main/resources/application.yml:12:JdbcPoolUnboundedWait"), lines(r));
    assertEquals(List.of(), r.notes());
    assertEquals(1, r.units());
  }

  @Test
  void nothingToCheckIsAnEmptyRun() {
    EngineResult r = run(List.of(), new PathFilter(null, null), 100);
    assertTrue(r.ran());
    assertEquals(0, r.units());
  }
}
