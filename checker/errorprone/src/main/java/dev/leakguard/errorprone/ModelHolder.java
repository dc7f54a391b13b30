package dev.leakguard.errorprone;

import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.model.ModelException;
import dev.leakguard.core.model.ResourceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource model for a set of Error Prone flags: the built-in model merged with the files
 * given by {@code -XepOpt:LeakGuard:ModelFile=a.model,b.model}. A bad file is reported once as a
 * compilation error naming file and line; the checks then run with the built-in model.
 */
final class ModelHolder {
  static final String FLAG = "LeakGuard:ModelFile";

  private static final Map<List<String>, ModelHolder> CACHE = new ConcurrentHashMap<>();

  final ResourceModel model;
  final String error;

  private ModelHolder(ResourceModel model, String error) {
    this.model = model;
    this.error = error;
  }

  static ModelHolder forFlags(ErrorProneFlags flags) {
    List<String> files = flags == null ? List.of() : flags.getListOrEmpty(FLAG);
    return CACHE.computeIfAbsent(List.copyOf(files), ModelHolder::load);
  }

  private static ModelHolder load(List<String> files) {
    if (files.isEmpty()) {
      return new ModelHolder(ResourceModel.builtIn(), null);
    }
    List<Path> paths = new ArrayList<>();
    for (String f : files) {
      if (!f.isBlank()) {
        paths.add(Path.of(f.trim()));
      }
    }
    try {
      return new ModelHolder(ResourceModel.withUserFiles(paths), null);
    } catch (ModelException e) {
      return new ModelHolder(
          ResourceModel.builtIn(),
          "LeakGuard: cannot use the model file given by -XepOpt:" + FLAG + ": " + e.getMessage());
    }
  }
}
