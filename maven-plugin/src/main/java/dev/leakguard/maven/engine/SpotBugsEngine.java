package dev.leakguard.maven.engine;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.AnalysisRequest;
import dev.leakguard.maven.InputFile;
import dev.leakguard.maven.PluginInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The bytecode engine: SpotBugs with LeakGuard's SpotBugs plugin over the module's compiled
 * classes ({@code target/classes}), with the dependencies as auxiliary class path, in a forked
 * JVM. Only LeakGuard's detectors run and only LeakGuard's bug types are reported. Available when
 * the plugin's jar resolves from the build's repositories.
 */
public final class SpotBugsEngine implements Engine {
  public static final String NAME = "spotbugs";
  static final String MAIN_CLASS = "edu.umd.cs.findbugs.FindBugs2";
  /** Where the LeakGuard SpotBugs plugin is published (spotbugs-plugin/ in this repository). */
  static final List<String> PLUGIN_ARTIFACTS = List.of("dev.leakguard:leakguard-spotbugs-plugin");
  /** The system property LeakGuard's SpotBugs plugin reads the pool size ceiling from. */
  static final String POOL_SIZE_CEILING_PROPERTY = "leakguard.poolSizeCeiling";

  private static final Map<String, Optional<List<Path>>> PLUGIN_JARS = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable(EngineContext ctx) {
    return pluginJar(ctx).isPresent();
  }

  /**
   * The LeakGuard SpotBugs plugin jar of this plugin's version, then its runtime dependencies
   * (none when it is shaded), resolved once per build.
   */
  static Optional<List<Path>> pluginJar(EngineContext ctx) {
    return PLUGIN_JARS.computeIfAbsent(
        PluginInfo.version(),
        v -> {
          for (String ga : PLUGIN_ARTIFACTS) {
            try {
              List<Path> files = ctx.resolve(ga + ":" + v);
              if (!files.isEmpty()) {
                return Optional.of(files);
              }
            } catch (EngineContext.ResolutionException notThere) {
              ctx.log().debug("LeakGuard [spotbugs]: " + ga + ":" + v + " does not resolve: " + notThere.getMessage());
            }
          }
          return Optional.empty();
        });
  }

  @Override
  public EngineResult run(AnalysisRequest req, EngineContext ctx) throws InterruptedException {
    Optional<List<Path>> plugin = pluginJar(ctx);
    if (plugin.isEmpty()) {
      return EngineResult.unavailable(
          NAME, "LeakGuard's SpotBugs plugin (" + PLUGIN_ARTIFACTS.get(0) + ":" + PluginInfo.version()
              + ") is not in the build's repositories");
    }
    List<Path> dirs = new ArrayList<>();
    int classes = 0;
    for (Path d : req.classesDirs()) {
      int n = countClasses(d);
      if (n > 0) {
        dirs.add(d);
        classes += n;
      }
    }
    if (dirs.isEmpty()) {
      if (req.files().isEmpty()) {
        return EngineResult.ran(NAME, List.of(), 0, "classes", List.of());
      }
      return EngineResult.unavailable(
          NAME, "no compiled classes in " + req.classesDirs().stream().map(Path::toString)
              .collect(Collectors.joining(", ")) + " (run leakguard:check after compile, e.g. in verify)");
    }
    List<Path> spotbugs;
    try {
      spotbugs = ctx.resolve("com.github.spotbugs:spotbugs:" + PluginInfo.spotbugsVersion());
    } catch (EngineContext.ResolutionException e) {
      return EngineResult.unavailable(NAME, "SpotBugs " + PluginInfo.spotbugsVersion() + " cannot be resolved ("
          + e.getMessage() + ")");
    }
    Path work = req.workDir();
    Path xml = work.resolve("spotbugs.xml");
    Path aux = work.resolve("spotbugs.auxclasspath");
    Path filter = work.resolve("spotbugs-include.xml");
    try {
      Files.createDirectories(work);
      Files.deleteIfExists(xml);
      Files.write(aux, req.classpath().stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
      Files.writeString(filter, includeFilter(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return EngineResult.unavailable(NAME, "cannot write its input files in " + work + " (" + e + ")");
    }
    List<String> args = new ArrayList<>(ForkedJvm.tuning(classes));
    args.add("-Xss8m");
    args.addAll(systemProperties(req));
    List<Path> classpath = new ArrayList<>(spotbugs);
    Path pluginJar = plugin.get().get(0);
    classpath.addAll(plugin.get().subList(1, plugin.get().size()));
    args.add("-cp");
    args.add(ErrorProneEngine.join(classpath));
    args.add(MAIN_CLASS);
    args.add("-pluginList");
    args.add(pluginJar.toString());
    List<String> detectors = detectorNames(pluginJar);
    if (!detectors.isEmpty()) {
      args.add("-visitors");
      args.add(String.join(",", detectors));
    }
    args.add("-include");
    args.add(filter.toString());
    args.add("-low");
    args.add("-effort:max");
    args.add("-noClassOk");
    args.add("-auxclasspathFromFile");
    args.add(aux.toString());
    args.add("-sourcepath");
    args.add(sourceRoots(req));
    args.add("-xml:withMessages=" + xml);
    for (Path d : dirs) {
      args.add(d.toString());
    }
    ctx.log().info("LeakGuard [spotbugs]: analysing " + EngineResult.plural(classes, "class") + " of " + req.module()
        + " with SpotBugs " + PluginInfo.spotbugsVersion());
    ForkedJvm.Outcome o;
    try {
      o = ForkedJvm.run(ctx.javaExecutable(), args, work, "spotbugs",
          s -> ctx.log().info("LeakGuard [spotbugs]: still analysing " + req.module() + " (" + s + " s)"));
    } catch (IOException e) {
      return EngineResult.unavailable(NAME, "cannot start " + ctx.javaExecutable() + " (" + e.getMessage() + ")");
    }
    if (!Files.exists(xml)) {
      return EngineResult.unavailable(NAME, "SpotBugs ended with exit code " + o.exitCode() + " and no report: "
          + o.stderr().strip().lines().limit(5).collect(Collectors.joining(" | "))
          + " (log: " + work.resolve("spotbugs.err.log") + ")");
    }
    List<ReportedFinding> findings;
    try {
      findings = SourceSuppressions.apply(
          readXml(xml, req.files()), req.files(), ErrorProneEngine.charset(req.javaLevel()));
    } catch (IOException e) {
      return EngineResult.unavailable(NAME, "cannot read its report " + xml + " (" + e.getMessage() + ")");
    }
    ctx.log().info(String.format(Locale.ROOT, "LeakGuard [spotbugs]: %s in %s (%.1f s)",
        EngineResult.count(findings.size()), EngineResult.plural(classes, "class"), o.seconds()));
    return EngineResult.ran(NAME, findings, classes, "classes", List.of());
  }

  /** The options of LeakGuard's SpotBugs plugin, as system properties of the forked JVM. */
  static List<String> systemProperties(AnalysisRequest req) {
    List<String> props = new ArrayList<>();
    if (!req.modelFiles().isEmpty()) {
      props.add("-Dleakguard.modelFile="
          + req.modelFiles().stream().map(Path::toString).collect(Collectors.joining(",")));
    }
    props.add("-D" + POOL_SIZE_CEILING_PROPERTY + "=" + req.poolSizeCeiling());
    return props;
  }

  private static String sourceRoots(AnalysisRequest req) {
    Set<String> roots = new LinkedHashSet<>();
    for (InputFile f : req.files()) {
      String abs = f.file().toString().replace('\\', '/');
      roots.add(abs.substring(0, abs.length() - f.rootRelative().length()));
    }
    return String.join(java.io.File.pathSeparator, roots);
  }

  /** Every LeakGuard bug type: the leaks and the pool settings configured in code. */
  static String includeFilter() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FindBugsFilter>\n");
    for (CheckId id : CheckId.values()) {
      sb.append("  <Match><Bug pattern=\"").append(id.name()).append("\"/></Match>\n");
    }
    return sb.append("</FindBugsFilter>\n").toString();
  }

  private static int countClasses(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return (int) s.filter(p -> p.toString().endsWith(".class")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The simple class names of the detectors the plugin's findbugs.xml declares. */
  static List<String> detectorNames(Path pluginJar) {
    try (JarFile jar = new JarFile(pluginJar.toFile())) {
      ZipEntry e = jar.getEntry("findbugs.xml");
      if (e == null) {
        return List.of();
      }
      try (InputStream in = jar.getInputStream(e)) {
        Document doc = parser().parse(in);
        NodeList nodes = doc.getElementsByTagName("Detector");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
          String cls = ((Element) nodes.item(i)).getAttribute("class");
          if (!cls.isEmpty()) {
            out.add(cls.substring(cls.lastIndexOf('.') + 1));
          }
        }
        return out;
      }
    } catch (Exception unreadable) {
      return List.of();
    }
  }

  /**
   * A bug's severity from its priority (the detector maps error to high, warning to normal, note
   * to low), never above its id's.
   */
  static Severity severity(Element bug, CheckId id) {
    Severity s =
        switch (bug.getAttribute("priority").trim()) {
          case "2" -> Severity.WARNING;
          case "3", "4", "5" -> Severity.NOTE;
          default -> id.severity();
        };
    return s.atMost(id.severity());
  }

  /** The LeakGuard bug instances of a SpotBugs XML report, placed in the module's source files. */
  static List<ReportedFinding> readXml(Path xml, List<InputFile> files) throws IOException {
    Map<String, InputFile> byRootRelative = new HashMap<>();
    for (InputFile f : files) {
      byRootRelative.putIfAbsent(f.rootRelative(), f);
    }
    Document doc;
    try {
      doc = parser().parse(xml.toFile());
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
    List<ReportedFinding> out = new ArrayList<>();
    NodeList bugs = doc.getElementsByTagName("BugInstance");
    for (int i = 0; i < bugs.getLength(); i++) {
      Element bug = (Element) bugs.item(i);
      CheckId id;
      try {
        id = CheckId.byName(bug.getAttribute("type"));
      } catch (IllegalArgumentException notOurs) {
        continue;
      }
      Element line = primarySourceLine(bug);
      if (line == null) {
        continue;
      }
      String sourcePath = line.getAttribute("sourcepath");
      InputFile f = byRootRelative.get(sourcePath);
      String path = f != null ? f.reportPath() : sourcePath;
      int start = parseInt(line.getAttribute("start"));
      String message = text(bug, "LongMessage");
      String prefix = "[" + id.name() + "] ";
      if (message.startsWith(prefix)) {
        message = message.substring(prefix.length());
      }
      String fingerprint = property(bug, "leakguard.fingerprint");
      if (fingerprint == null) {
        Element m = child(bug, "Method");
        String sig = m == null ? "" : m.getAttribute("classname") + "." + m.getAttribute("name") + m.getAttribute("signature");
        fingerprint = ReportedFinding.fingerprintOf(id, sig, "", "");
      }
      out.add(new ReportedFinding(path, start, id, message, fingerprint, List.of(NAME), severity(bug, id)));
    }
    return out;
  }

  private static Element primarySourceLine(Element bug) {
    Element first = null;
    for (Node n = bug.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("SourceLine")) {
        if ("true".equals(e.getAttribute("primary"))) {
          return e;
        }
        if (first == null) {
          first = e;
        }
      }
    }
    if (first == null) {
      Element m = child(bug, "Method");
      if (m != null) {
        first = child(m, "SourceLine");
      }
    }
    return first;
  }

  private static Element child(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? "" : e.getTextContent().trim();
  }

  private static String property(Element bug, String name) {
    for (Node n = bug.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("Property") && name.equals(e.getAttribute("name"))) {
        return e.getAttribute("value");
      }
    }
    return null;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder();
  }
}
