package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.engine.Engine;
import dev.leakguard.maven.engine.EngineContext;
import dev.leakguard.maven.engine.EngineResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisExecutorTest {
  private static final InputFile DAO =
      new InputFile(Path.of("/r/m/src/main/java/a/Dao.java"), "a/Dao.java", "src/main/java/a/Dao.java", "m/src/main/java/a/Dao.java", false);
  private static final InputFile APP =
      TestRequests.configFile(Path.of("/r/m/src/main/resources/application.yml"), "application.yml");
  private static final InputFile LEGACY_DBCP =
      TestRequests.configFile(Path.of("/r/m/src/main/resources/legacy/dbcp.properties"), "legacy/dbcp.properties");
  private static final InputFile OLD =
      new InputFile(Path.of("/r/m/src/main/java/a/legacy/Old.java"), "a/legacy/Old.java", "src/main/java/a/legacy/Old.java", "m/src/main/java/a/legacy/Old.java", false);

  private static Engine engine(String name, EngineResult result) {
    return new Engine() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public EngineResult run(AnalysisRequest request, EngineContext context) {
        return result;
      }
    };
  }

  private static ReportedFinding f(String engine, InputFile file, int line, String fp) {
    return new ReportedFinding(file.reportPath(), line, CheckId.JdbcConnectionLeak, "m", fp, List.of(engine));
  }

  private static AnalysisRequest request(List<String> engines, PathFilter filter) {
    return TestRequests.request(List.of(DAO, OLD), List.of(), engines, filter, 100);
  }

  private static ReportedFinding pool(InputFile file, int line, CheckId id, String fp) {
    return new ReportedFinding(file.reportPath(), line, id, "m", fp, List.of("config"));
  }

  @Test
  void mergesFiltersAndAppliesTheBaseline() throws Exception {
    Map<String, Engine> engines = Map.of(
        "errorprone", engine("errorprone", EngineResult.ran("errorprone",
            List.of(f("errorprone", DAO, 5, "ep5"), f("errorprone", DAO, 9, "ep9"), f("errorprone", OLD, 3, "ep3")), 2, "files", List.of())),
        "source", engine("source", EngineResult.ran("source",
            List.of(f("source", DAO, 5, "src5"), f("source", OLD, 3, "src3")), 2, "files", List.of())));
    Baseline baseline = Baseline.parse(Path.of("b.txt"), "src5\n");
    TestRequests.Context ctx = new TestRequests.Context();
    AnalysisResult r = AnalysisExecutor.execute(
        request(List.of("errorprone", "source"), new PathFilter(List.of(), List.of("**/legacy/**"))), ctx, baseline, engines::get);
    assertEquals(List.of("m/src/main/java/a/Dao.java:9"),
        r.findings().stream().map(x -> x.path() + ":" + x.line()).toList());
    assertEquals(1, r.acceptedByBaseline());
    assertEquals(1, r.excluded());
    assertEquals(List.of("errorprone", "source"), r.enginesRan());
    assertEquals(List.of(), ctx.warnings);
  }

  @Test
  void anEngineThatCannotRunIsOneWarningAndTheSourceEngineStandsIn() throws Exception {
    Map<String, Engine> engines = Map.of(
        "errorprone", engine("errorprone", EngineResult.unavailable("errorprone", "Error Prone 9.9 needs JDK 99")),
        "source", engine("source", EngineResult.ran("source", List.of(f("source", DAO, 5, "src5")), 2, "files", List.of())));
    TestRequests.Context ctx = new TestRequests.Context();
    AnalysisResult r = AnalysisExecutor.execute(request(List.of("errorprone"), new PathFilter(null, null)), ctx, null, engines::get);
    assertEquals(List.of("source"), r.enginesRan());
    assertEquals(1, r.findings().size());
    assertEquals(List.of(
        "LeakGuard: the errorprone engine did not run on m: Error Prone 9.9 needs JDK 99",
        "LeakGuard: running the source engine on m instead"), ctx.warnings);
  }

  @Test
  void anEngineThatThrowsDoesNotStopTheOthers() throws Exception {
    Engine broken = new Engine() {
      @Override
      public String name() {
        return "spotbugs";
      }

      @Override
      public EngineResult run(AnalysisRequest request, EngineContext context) {
        throw new IllegalStateException("boom");
      }
    };
    Map<String, Engine> engines = Map.of(
        "spotbugs", broken,
        "source", engine("source", EngineResult.ran("source", List.of(), 2, "files", List.of())));
    TestRequests.Context ctx = new TestRequests.Context();
    AnalysisResult r = AnalysisExecutor.execute(request(List.of("spotbugs", "source"), new PathFilter(null, null)), ctx, null, engines::get);
    assertEquals(List.of("source"), r.enginesRan());
    assertTrue(ctx.warnings.get(0).contains("internal error: java.lang.IllegalStateException: boom"), ctx.warnings.toString());
    // where it was thrown, so that the report can be acted on without a debug log
    assertTrue(ctx.warnings.get(0).contains(" at dev.leakguard.maven.AnalysisExecutorTest"), ctx.warnings.toString());
    assertEquals(1, ctx.warnings.size());
  }

  @Test
  void anInternalErrorNamesItsRootCauseAndWhereEachWasThrown() {
    IllegalStateException root = new IllegalStateException("class init failed");
    root.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.Init", "<clinit>", "Init.java", 7)});
    NoClassDefFoundError e = new NoClassDefFoundError("a/Init");
    e.initCause(root);
    e.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.User", "run", "User.java", 3)});
    assertEquals(
        "java.lang.NoClassDefFoundError: a/Init at a.User.run(User.java:3); caused by"
            + " java.lang.IllegalStateException: class init failed at a.Init.<clinit>(Init.java:7)",
        AnalysisExecutor.internalError(e));
  }

  @Test
  void configurationFindingsAreMergedFilteredAndBaselinedWithTheOthers() throws Exception {
    Map<String, Engine> engines = Map.of(
        "source", engine("source", EngineResult.ran("source", List.of(f("source", DAO, 5, "src5")), 2, "files", List.of())),
        "config", engine("config", EngineResult.ran("config", List.of(
            pool(APP, 4, CheckId.JdbcPoolSizeOutOfRange, "size4"),
            pool(APP, 9, CheckId.JdbcPoolUnboundedWait, "wait9"),
            pool(LEGACY_DBCP, 2, CheckId.JdbcPoolUnboundedWait, "dbcp2")), 2, "files", List.of())));
    Baseline baseline = Baseline.parse(Path.of("b.txt"), "wait9\n");
    TestRequests.Context ctx = new TestRequests.Context();
    AnalysisResult r = AnalysisExecutor.execute(
        TestRequests.request(List.of(DAO, OLD), List.of(APP, LEGACY_DBCP), List.of("source"),
            new PathFilter(List.of(), List.of("**/legacy/**")), 100),
        ctx, baseline, engines::get);
    assertEquals(List.of(
            "m/src/main/java/a/Dao.java:5:JdbcConnectionLeak",
            "m/src/main/resources/application.yml:4:JdbcPoolSizeOutOfRange"),
        r.findings().stream().map(x -> x.path() + ":" + x.line() + ":" + x.id()).toList());
    assertEquals(List.of("config"), r.findings().get(1).engines());
    assertEquals(1, r.acceptedByBaseline());
    assertEquals(1, r.excluded());
    assertEquals(List.of("source", "config"), r.enginesRan());
    assertEquals(2, r.configFiles());
    assertEquals(List.of(), ctx.warnings);
  }

  @Test
  void withoutConfigurationFilesTheConfigurationChecksDoNotRun() throws Exception {
    Map<String, Engine> engines = Map.of(
        "source", engine("source", EngineResult.ran("source", List.of(), 2, "files", List.of())));
    AnalysisResult r = AnalysisExecutor.execute(request(List.of("source"), new PathFilter(null, null)), new TestRequests.Context(), null, engines::get);
    assertEquals(List.of("source"), r.enginesRan());
    assertEquals(0, r.configFiles());
  }

  @Test
  void aModuleWithOnlyConfigurationFilesRunsOnlyTheConfigurationChecks() throws Exception {
    // no Java engine in the map: looking one up would fail the test
    Map<String, Engine> engines = Map.of(
        "config", engine("config", EngineResult.ran("config",
            List.of(pool(APP, 4, CheckId.JdbcPoolSizeOutOfRange, "size4")), 1, "files", List.of())));
    TestRequests.Context ctx = new TestRequests.Context();
    AnalysisResult r = AnalysisExecutor.execute(
        TestRequests.request(List.of(), List.of(APP), List.of("errorprone", "spotbugs"), new PathFilter(null, null), 100),
        ctx, null, engines::get);
    assertEquals(List.of("config"), r.enginesRan());
    assertEquals(1, r.findings().size());
    assertFalse(r.javaEngineRan());
    assertEquals(List.of(), ctx.warnings);
  }

  @Test
  void configurationNotesAreWarningsAndBringInNoOtherEngine() throws Exception {
    Map<String, Engine> engines = Map.of(
        "errorprone", engine("errorprone", EngineResult.ran("errorprone", List.of(), 2, "files", List.of())),
        "config", engine("config", EngineResult.ran("config", List.of(), 1, "files",
            List.of("m/src/main/resources/application.yml:5: not valid YAML: bad indentation; its pool settings are not checked"))));
    TestRequests.Context ctx = new TestRequests.Context();
    AnalysisResult r = AnalysisExecutor.execute(
        TestRequests.request(List.of(DAO), List.of(APP), List.of("errorprone"), new PathFilter(null, null), 100),
        ctx, null, engines::get);
    assertEquals(List.of("errorprone", "config"), r.enginesRan());
    assertEquals(List.of("LeakGuard [config]: m/src/main/resources/application.yml:5: not valid YAML: bad indentation;"
        + " its pool settings are not checked"), ctx.warnings);
  }

  @Test
  void configurationChecksThatFailAreOneWarningAndTheJavaFindingsStay() throws Exception {
    Engine broken = new Engine() {
      @Override
      public String name() {
        return "config";
      }

      @Override
      public EngineResult run(AnalysisRequest request, EngineContext context) {
        throw new IllegalStateException("boom");
      }
    };
    Map<String, Engine> engines = Map.of(
        "errorprone", engine("errorprone", EngineResult.ran("errorprone", List.of(f("errorprone", DAO, 5, "ep5")), 1, "files", List.of())),
        "config", broken);
    TestRequests.Context ctx = new TestRequests.Context();
    AnalysisResult r = AnalysisExecutor.execute(
        TestRequests.request(List.of(DAO), List.of(APP), List.of("errorprone"), new PathFilter(null, null), 100),
        ctx, null, engines::get);
    assertEquals(List.of("errorprone"), r.enginesRan());
    assertEquals(1, r.findings().size());
    assertEquals(1, ctx.warnings.size(), ctx.warnings.toString());
    assertTrue(ctx.warnings.get(0).startsWith("LeakGuard: the config engine did not run on m: internal error: "), ctx.warnings.get(0));
  }
}
