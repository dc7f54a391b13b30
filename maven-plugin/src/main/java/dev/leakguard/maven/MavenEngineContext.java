package dev.leakguard.maven;

import dev.leakguard.maven.engine.EngineContext;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/** The engines' view of the Maven build: its log, its repositories, its JDK. */
final class MavenEngineContext implements EngineContext {
  /** Resolutions are the same for every module of a build: keep them. */
  private static final Map<String, List<Path>> RESOLVED = new ConcurrentHashMap<>();

  private final Log log;
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final PluginDescriptor plugin;

  MavenEngineContext(
      Log log, RepositorySystem system, RepositorySystemSession session, MavenProject project,
      PluginDescriptor plugin) {
    this.log = log;
    this.system = system;
    this.session = session;
    this.plugin = plugin;
    Map<String, RemoteRepository> repos = new LinkedHashMap<>();
    for (RemoteRepository r : project.getRemotePluginRepositories()) {
      repos.putIfAbsent(r.getId(), r);
    }
    for (RemoteRepository r : project.getRemoteProjectRepositories()) {
      repos.putIfAbsent(r.getId(), r);
    }
    this.repositories = new ArrayList<>(repos.values());
  }

  @Override
  public Log log() {
    return log;
  }

  @Override
  public List<Path> resolve(String coordinates) throws ResolutionException {
    List<Path> cached = RESOLVED.get(coordinates);
    if (cached != null) {
      return cached;
    }
    CollectRequest collect = new CollectRequest();
    collect.setRoot(new Dependency(new DefaultArtifact(coordinates), "runtime"));
    collect.setRepositories(repositories);
    DependencyFilter runtime =
        (node, parents) -> {
          Dependency d = node.getDependency();
          if (d == null) {
            return true;
          }
          String scope = d.getScope();
          return scope == null || scope.isEmpty() || scope.equals("compile") || scope.equals("runtime");
        };
    try {
      List<Path> files = new ArrayList<>();
      for (ArtifactResult r :
          system.resolveDependencies(session, new DependencyRequest(collect, runtime)).getArtifactResults()) {
        File f = r.getArtifact().getFile();
        if (f != null) {
          files.add(f.toPath());
        }
      }
      List<Path> result = List.copyOf(files);
      RESOLVED.put(coordinates, result);
      return result;
    } catch (DependencyResolutionException | RuntimeException e) {
      throw new ResolutionException(e.getMessage(), e);
    }
  }

  @Override
  public Optional<Path> pluginDependency(String groupIdAndArtifactId) {
    for (org.apache.maven.artifact.Artifact a : plugin.getArtifacts()) {
      if ((a.getGroupId() + ":" + a.getArtifactId()).equals(groupIdAndArtifactId) && a.getFile() != null) {
        return Optional.of(a.getFile().toPath());
      }
    }
    return Optional.empty();
  }

  @Override
  public Path javaExecutable() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
  }

  @Override
  public int jdkFeature() {
    return Runtime.version().feature();
  }
}
