package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.engine.Engine;
import dev.leakguard.maven.engine.EngineContext;
import dev.leakguard.maven.engine.EngineResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class AnalysisExecutorTest {
  private static final InputFile DAO =
      new InputFile(Path.of("/r/m/src/main/java/a/Dao.java"), "a/Dao.java", "src/main/java/a/Dao.java", "m/src/main/java/a/Dao.java", false);
  private static final InputFile OLD =
      new InputFile(Path.of("/r/m/src/main/java/a/legacy/Old.java"), "a/legacy/Old.java", "src/main/java/a/legacy/Old.java", "m/src/main/java/a/legacy/Old.java", false);

  /** Collects warnings so tests can read what the build would print. */
  private static final class Ctx implements EngineContext {
    final List<String> warnings = new ArrayList<>();
    final SystemStreamLog log =
        new SystemStreamLog() {
          @Override
          public void debug(Throwable error) {}

          @Override
          public void warn(CharSequence content) {
            synchronized (warnings) {
              warnings.add(content.toString());
            }
          }
        };

    @Override
    public org.apache.maven.plugin.logging.Log log() {
      return log;
    }

    @Override
    public List<Path> resolve(String coordinates) {
      return List.of();
    }

    @Override
    public Optional<Path> pluginDependency(String ga) {
      return Optional.empty();
    }

    @Override
    public Path javaExecutable() {
      return Path.of("java");
    }

    @Override
    public int jdkFeature() {
      return 17;
    }
  }

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
    return new AnalysisRequest("m", Path.of("/r/m"), Path.of("/r/m/target/leakguard"), Path.of("/r"),
        List.of(DAO, OLD), List.of(), List.of(), new JavaLevel(null, null, null, null, false),
        engines, List.of(), ResourceModel.builtIn(), "2.42.0", filter);
  }

  @Test
  void mergesFiltersAndAppliesTheBaseline() throws Exception {
    Map<String, Engine> engines = Map.of(
        "errorprone", engine("errorprone", EngineResult.ran("errorprone",
            List.of(f("errorprone", DAO, 5, "ep5"), f("errorprone", DAO, 9, "ep9"), f("errorprone", OLD, 3, "ep3")), 2, "files", List.of())),
        "source", engine("source", EngineResult.ran("source",
            List.of(f("source", DAO, 5, "src5"), f("source", OLD, 3, "src3")), 2, "files", List.of())));
    Baseline baseline = Baseline.parse(Path.of("b.txt"), "src5\n");
    Ctx ctx = new Ctx();
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
    Ctx ctx = new Ctx();
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
    Ctx ctx = new Ctx();
    AnalysisResult r = AnalysisExecutor.execute(request(List.of("spotbugs", "source"), new PathFilter(null, null)), ctx, null, engines::get);
    assertEquals(List.of("source"), r.enginesRan());
    assertTrue(ctx.warnings.get(0).contains("internal error: java.lang.IllegalStateException: boom"), ctx.warnings.toString());
    assertEquals(1, ctx.warnings.size());
  }
}
