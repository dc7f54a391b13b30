package dev.leakguard.spotbugs;

import dev.leakguard.conformance.Label;
import dev.leakguard.core.finding.CheckId;
import edu.umd.cs.findbugs.BugCollection;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.DetectorFactory;
import edu.umd.cs.findbugs.DetectorFactoryCollection;
import edu.umd.cs.findbugs.IFindBugsEngine;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.SourceLineAnnotation;
import edu.umd.cs.findbugs.config.UserPreferences;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Helpers for running SpotBugs with the plugin through the test harness. */
final class Runs {
  /** Every check id: the leaks and the pool settings set in code. */
  static final Set<String> IDS =
      Arrays.stream(CheckId.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private Runs() {}

  /** Only LeakGuard's detectors (and SpotBugs' suppression notes): fast, quiet runs. */
  static Consumer<IFindBugsEngine> onlyLeakGuard() {
    return engine -> {
      UserPreferences prefs = UserPreferences.createDefaultUserPreferences();
      prefs.getFilterSettings().clearAllCategories();
      prefs.getFilterSettings().setMinPriority("Low");
      for (DetectorFactory f : DetectorFactoryCollection.instance().getFactories()) {
        String cls = f.getFullName();
        prefs.enableDetector(
            f, cls.startsWith("dev.leakguard.") || cls.endsWith(".NoteSuppressedWarnings"));
      }
      engine.setUserPreferences(prefs);
    };
  }

  /** Runs the plugin over {@code classes} with the corpus libraries as auxiliary class path. */
  static BugCollection analyze(SpotBugsRunner spotbugs, Path... classes) {
    for (Path lib : Javac.libraries()) {
      spotbugs.addAuxClasspathEntry(e -> {}, lib);
    }
    return spotbugs.performAnalysis(onlyLeakGuard(), classes);
  }

  /** LeakGuard's bugs only. */
  static List<BugInstance> leakGuardBugs(BugCollection bugs) {
    List<BugInstance> out = new ArrayList<>();
    for (BugInstance b : bugs) {
      if (IDS.contains(b.getType())) {
        out.add(b);
      }
    }
    return out;
  }

  /** (source path, line, id) of each LeakGuard bug, line 0 when the class has no line numbers. */
  static List<Label> labels(BugCollection bugs) {
    List<Label> out = new ArrayList<>();
    for (BugInstance b : leakGuardBugs(bugs)) {
      SourceLineAnnotation s = b.getPrimarySourceLineAnnotation();
      int line = Math.max(1, s.getStartLine());
      out.add(label(s.getSourcePath(), line, b.getType(), b.getPriority()));
    }
    return out;
  }

  /** The corpus label of a LeakGuard bug: its level from its priority (see LeakGuardDetector.priority). */
  static Label label(String sourcePath, int line, String type, int priority) {
    String level =
        switch (priority) {
          case Priorities.HIGH_PRIORITY -> "error";
          case Priorities.NORMAL_PRIORITY -> "warning";
          default -> "note";
        };
    return Label.reported(sourcePath, line, type, level, CheckId.byName(type).severity().sarifLevel());
  }
}
