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
    assertEquals(readmeOptions(), optionsOf(cmd), "the options of spotbugs-plugin/README.md's command line");
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
      found.add(
          Runs.label(
              line.getAttribute("sourcepath"), Integer.parseInt(line.getAttribute("start")), type,
              Integer.parseInt(b.getAttribute("priority"))));
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

  /** The options of the README's command-line block, less the launcher's -textui. */
  static java.util.Set<String> readmeOptions() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf("### Command line");
    java.util.regex.Matcher block = java.util.regex.Pattern.compile("```sh\\n(.*?)```", java.util.regex.Pattern.DOTALL)
        .matcher(readme);
    assertTrue(at >= 0 && block.find(at), "the README's command-line block");
    String command = block.group(1).replace("\\\n", " ");
    assertTrue(command.startsWith("spotbugs -textui "), command);
    java.util.Set<String> out = optionsOf(List.of(command.substring("spotbugs -textui ".length()).trim().split("\\s+")));
    assertFalse(readme.contains("FindBugs2 ...` takes the\nsame options"), "FindBugs2 does not take -textui");
    return out;
  }

  /** The option names of a command (what starts with '-'), less the ones that only name the output. */
  static java.util.Set<String> optionsOf(List<String> cmd) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    boolean afterMain = false;
    for (String a : cmd) {
      if (a.equals("edu.umd.cs.findbugs.FindBugs2")) {
        afterMain = true;
        continue;
      }
      if ((afterMain || !cmd.contains("edu.umd.cs.findbugs.FindBugs2")) && a.startsWith("-")
          && !a.startsWith("-xml") && !a.equals("-output")) {
        out.add(a);
      }
    }
    return out;
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
