package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Label;
import dev.leakguard.conformance.Score;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The packaged plugin jar in a stock SpotBugs command line ({@code -pluginList}), in a JVM of its
 * own whose class path has SpotBugs and nothing of LeakGuard: the jar must be self-contained.
 * It reports the whole conformance corpus exactly.
 */
class CommandLineIT {
  static Path pluginJar() {
    return Path.of(System.getProperty("leakguard.pluginJar"));
  }

  /** SpotBugs and its dependencies, without any LeakGuard classes or test libraries. */
  static String spotbugsClasspath() {
    List<String> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String n = e.replace('\\', '/');
      boolean ours = n.contains("leakguard") || n.contains("/checker/core/") || n.contains("/conformance/")
          || n.endsWith("/target/classes") || n.endsWith("/target/test-classes");
      if (!ours) {
        out.add(e);
      }
    }
    return String.join(File.pathSeparator, out);
  }

  @Test
  void theJarIsSelfContained() throws Exception {
    try (JarFile jar = new JarFile(pluginJar().toFile())) {
      List<String> names = jar.stream().map(e -> e.getName()).collect(Collectors.toList());
      assertTrue(names.contains("findbugs.xml") && names.contains("messages.xml") && names.contains("bugrank.txt"));
      assertTrue(names.contains("dev/leakguard/spotbugs/shaded/core/model/jdbc.model"), "the built-in model");
      assertTrue(names.stream().anyMatch(n -> n.startsWith("dev/leakguard/spotbugs/shaded/core/analysis/")));
      assertTrue(names.contains("dev/leakguard/spotbugs/shaded/core/pool/PoolCalls.class"), "the pool rules");
      assertTrue(names.contains("dev/leakguard/spotbugs/LeakGuardPoolDetector.class"));
      assertFalse(names.stream().anyMatch(n -> n.startsWith("dev/leakguard/core/")), "the core is relocated");
    }
  }

  @Test
  void stockSpotBugsWithThePluginListReportsTheCorpus() throws Exception {
    Corpus corpus = Corpus.load(Corpus.locateRoot());
    Path classes = Javac.compile(corpus.files(), List.of("--release", "17", "-g"));
    Path xml = Files.createTempFile("spotbugs", ".xml");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", spotbugsClasspath(),
        "edu.umd.cs.findbugs.FindBugs2",
        "-pluginList", pluginJar().toString(),
        "-low",
        "-auxclasspath", Javac.libraries().stream().map(Path::toString)
            .collect(Collectors.joining(File.pathSeparator)),
        "-xml:withMessages", "-output", xml.toString(),
        classes.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    assertFalse(output.contains("LeakGuard could not"), output);

    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    NodeList bugs = d.getElementsByTagName("BugInstance");
    List<Label> found = new ArrayList<>();
    String example = null;
    for (int i = 0; i < bugs.getLength(); i++) {
      Element b = (Element) bugs.item(i);
      String type = b.getAttribute("type");
      if (!Runs.IDS.contains(type)) {
        continue;
      }
      Element line = primarySourceLine(b);
      found.add(new Label(line.getAttribute("sourcepath"), Integer.parseInt(line.getAttribute("start")), type));
      String message = b.getElementsByTagName("LongMessage").item(0).getTextContent();
      assertTrue(message.startsWith("[" + type + "] "), message);
      if (example == null && type.equals("JdbcConnectionLeak")) {
        example = message;
      }
    }
    Score score = Score.compare(corpus, "spotbugs", found);
    System.out.println("spotbugs command line with -pluginList: " + score.report());
    System.out.println("for example: " + example);
    assertTrue(score.passed(), score.report());
  }

  private static Element primarySourceLine(Element bug) {
    NodeList children = bug.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals("SourceLine")) {
        return e;
      }
    }
    throw new AssertionError("no source line in " + bug.getAttribute("type"));
  }
}
