package dev.leakguard.maven.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/** What the build offers engines: logging, artifact resolution, a JVM to fork. */
public interface EngineContext {
  Log log();

  /**
   * Resolves an artifact and its runtime dependencies from the build's repositories.
   *
   * @param coordinates {@code groupId:artifactId:version} (or with {@code :extension} before the version)
   * @throws ResolutionException with the resolver's message when it cannot be resolved
   */
  List<Path> resolve(String coordinates) throws ResolutionException;

  /** The file of one of this plugin's own dependencies ({@code groupId:artifactId}), if it has it. */
  Optional<Path> pluginDependency(String groupIdAndArtifactId);

  /** The {@code java} launcher of the JDK running the build, used for forked engines. */
  Path javaExecutable();

  /** The feature release of that JDK (17, 21, 25 ...). */
  int jdkFeature();

  /** Thrown when an artifact cannot be resolved. */
  final class ResolutionException extends Exception {
    public ResolutionException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
