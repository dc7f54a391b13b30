package dev.leakguard.spotbugs;

import dev.leakguard.core.model.ModelException;
import dev.leakguard.core.model.ResourceModel;
import edu.umd.cs.findbugs.SystemProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource model of an analysis: the built-in model merged with the user model files named by
 * the property {@value #PROPERTY} (comma-separated paths). The property is read from SpotBugs'
 * own properties ({@link SystemProperties}: the JVM's system properties, plus any file given with
 * {@code -Dfindbugs.loadPropertiesFrom=<url>}). A file that cannot be read or parsed is reported
 * once as an analysis error naming the file and line; the analysis then goes on with the built-in
 * model.
 */
final class ModelConfig {
  static final String PROPERTY = "leakguard.modelFile";

  /** The model to use and, if the user's files could not be used, why. */
  record Loaded(ResourceModel model, String error) {}

  private ModelConfig() {}

  static Loaded load() {
    String value = SystemProperties.getProperty(PROPERTY);
    return load(value);
  }

  static Loaded load(String value) {
    if (value == null || value.isBlank()) {
      return new Loaded(ResourceModel.builtIn(), null);
    }
    List<Path> files = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        files.add(Path.of(part.trim()));
      }
    }
    try {
      return new Loaded(ResourceModel.withUserFiles(files), null);
    } catch (ModelException e) {
      return new Loaded(
          ResourceModel.builtIn(),
          "LeakGuard: cannot use the model file given by " + PROPERTY + ": " + e.getMessage()
              + "; analysing with the built-in model only");
    } catch (RuntimeException e) {
      return new Loaded(
          ResourceModel.builtIn(),
          "LeakGuard: cannot use the model file given by " + PROPERTY + " (" + value + "): " + e
              + "; analysing with the built-in model only");
    }
  }
}
