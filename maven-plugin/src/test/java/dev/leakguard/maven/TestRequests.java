package dev.leakguard.maven;

import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.maven.engine.EngineContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Requests and a build context for tests that need no Maven project. */
public final class TestRequests {
  private TestRequests() {}

  /** A request of module {@code m} in /r/m with the given inputs. */
  public static AnalysisRequest request(
      List<InputFile> files, List<InputFile> configFiles, List<String> engines, PathFilter filter, int ceiling) {
    return new AnalysisRequest("m", Path.of("/r/m"), Path.of("/r/m/target/leakguard"), Path.of("/r"),
        files, List.of(), List.of(), new JavaLevel(null, null, null, null, false),
        engines, List.of(), ResourceModel.builtIn(), "2.42.0", filter, configFiles, ceiling);
  }

  /** A configuration file of /r/m/src/main/resources. */
  public static InputFile configFile(Path file, String rootRelative) {
    return new InputFile(file, rootRelative, "src/main/resources/" + rootRelative,
        "m/src/main/resources/" + rootRelative, false);
  }

  /** Collects what the build would log at info and warning level. */
  public static final class Context implements EngineContext {
    public final List<String> infos = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    private final SystemStreamLog log =
        new SystemStreamLog() {
          @Override
          public void debug(Throwable error) {}

          @Override
          public void info(CharSequence content) {
            synchronized (infos) {
              infos.add(content.toString());
            }
          }

          @Override
          public void warn(CharSequence content) {
            synchronized (warnings) {
              warnings.add(content.toString());
            }
          }
        };

    @Override
    public Log log() {
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
}
