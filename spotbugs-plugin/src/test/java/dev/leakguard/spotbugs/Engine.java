package dev.leakguard.spotbugs;

import edu.umd.cs.findbugs.BugCollectionBugReporter;
import edu.umd.cs.findbugs.BugRanker;
import edu.umd.cs.findbugs.DetectorFactoryCollection;
import edu.umd.cs.findbugs.FindBugs2;
import edu.umd.cs.findbugs.Plugin;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.Project;
import edu.umd.cs.findbugs.config.UserPreferences;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * SpotBugs run directly (not through the test harness, which fails a run that logged errors), to
 * see what SpotBugs reports when the input is bad. Test classes using it do not use the harness:
 * a plugin id can be loaded from one jar only per JVM (surefire forks a JVM per test class).
 */
final class Engine {
  private static Path pluginJar;

  private Engine() {}

  /** The result of a run: the reporter holds the bugs, the errors and the missing classes. */
  record Run(BugCollectionBugReporter reporter, List<String> errors) {}

  static Run run(List<Path> files, List<Path> aux) throws Exception {
    DetectorFactoryCollection.resetInstance(new DetectorFactoryCollection());
    FindBugs2 engine = new FindBugs2();
    Project project = new Project();
    Plugin plugin = Plugin.addCustomPlugin(pluginJar().toUri());
    project.setPluginStatusTrinary(plugin.getPluginId(), Boolean.TRUE);
    for (Path f : files) {
      project.addFile(f.toString());
    }
    for (Path a : aux) {
      project.addAuxClasspathEntry(a.toString());
    }
    engine.setProject(project);
    engine.setDetectorFactoryCollection(DetectorFactoryCollection.instance());
    BugCollectionBugReporter reporter =
        new BugCollectionBugReporter(project) {
          @Override
          public void reportQueuedErrors() {
            // the tests read the queued errors (Run.errors); printing them would make a green
            // build look broken
          }
        };
    reporter.setPriorityThreshold(Priorities.LOW_PRIORITY);
    reporter.setRankThreshold(BugRanker.VISIBLE_RANK_MAX);
    engine.setBugReporter(reporter);
    engine.setUserPreferences(UserPreferences.createDefaultUserPreferences());
    Runs.onlyLeakGuard().accept(engine);
    try {
      engine.execute();
    } finally {
      project.close();
      engine.close();
    }
    List<String> errors = new ArrayList<>();
    reporter.getQueuedErrors().forEach(e -> errors.add(e.getMessage()));
    return new Run(reporter, errors);
  }

  /** A plugin jar made of the plugin's classes and descriptors, as SpotBugs loads plugins. */
  static synchronized Path pluginJar() throws IOException {
    if (pluginJar != null) {
      return pluginJar;
    }
    Path classes;
    try {
      URI uri = LeakGuardDetector.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      classes = Path.of(uri);
    } catch (Exception e) {
      throw new IOException(e);
    }
    Path jar = Files.createTempFile("leakguard-plugin", ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, j);
        j.closeEntry();
      }
    }
    pluginJar = jar;
    return jar;
  }
}
