package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every check id is a SpotBugs bug type: a BugPattern in findbugs.xml with the category of its
 * severity, texts in messages.xml (the summary of the id, the finding's message as long
 * description, a link to its page), a bugrank.txt line, and a docs/checks page.
 */
class MetadataTest {
  private static Document xml(String resource) throws Exception {
    try (InputStream in = MetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
  }

  private static Element byType(Document d, String tag, String type) {
    NodeList list = d.getElementsByTagName(tag);
    for (int i = 0; i < list.getLength(); i++) {
      Element e = (Element) list.item(i);
      if (type.equals(e.getAttribute("type"))) {
        return e;
      }
    }
    return null;
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
  }

  static String category(CheckId id) {
    return switch (id.severity()) {
      case ERROR -> "CORRECTNESS";
      case WARNING -> "BAD_PRACTICE";
      case NOTE -> "STYLE";
    };
  }

  /** SpotBugs reports every id: the leaks, and the pool settings that Java code sets. */
  static java.util.stream.Stream<CheckId> ids() {
    return java.util.Arrays.stream(CheckId.values());
  }

  /** The bug code: JDBC for the leaks, JDBCPOOL for the pool settings. */
  static String abbrev(CheckId id) {
    return id.category() == CheckId.Category.LEAK ? "JDBC" : "JDBCPOOL";
  }

  @ParameterizedTest
  @MethodSource("ids")
  void everyIdIsDescribedEverywhere(CheckId id) throws Exception {
    Element pattern = byType(xml("findbugs.xml"), "BugPattern", id.name());
    assertTrue(pattern != null, "findbugs.xml has no BugPattern " + id);
    assertEquals(category(id), pattern.getAttribute("category"), id + " category");
    assertEquals(abbrev(id), pattern.getAttribute("abbrev"));
    NodeList codes = xml("messages.xml").getElementsByTagName("BugCode");
    boolean described = false;
    for (int i = 0; i < codes.getLength(); i++) {
      described |= abbrev(id).equals(((Element) codes.item(i)).getAttribute("abbrev"));
    }
    assertTrue(described, "messages.xml has no BugCode " + abbrev(id));

    Element messages = byType(xml("messages.xml"), "BugPattern", id.name());
    assertTrue(messages != null, "messages.xml has no BugPattern " + id);
    assertEquals(id.summary(), text(messages, "ShortDescription"));
    assertEquals("[" + id.name() + "] {2}", text(messages, "LongDescription"));
    assertTrue(text(messages, "Details").contains(id.docsUrl()), id + " links its page");

    Map<String, Integer> ranks = new HashMap<>();
    try (InputStream in = MetadataTest.class.getClassLoader().getResourceAsStream("bugrank.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 3 && parts[1].equals("BugPattern")) {
          ranks.put(parts[2], Integer.parseInt(parts[0]));
        }
      }
    }
    assertTrue(ranks.containsKey(id.name()), "bugrank.txt has no line for " + id);

    Path page = Path.of("..", "docs", "checks", id.name() + ".md");
    assertTrue(Files.isRegularFile(page), "no docs page " + page.toAbsolutePath().normalize());
    assertTrue(Files.readString(page).startsWith("# " + id.name()), page + " starts with its id");
  }

  @Test
  void theDetectorReportsExactlyTheIds() throws Exception {
    Document d = xml("findbugs.xml");
    NodeList detectors = d.getElementsByTagName("Detector");
    Set<String> reported = new TreeSet<>();
    for (int i = 0; i < detectors.getLength(); i++) {
      String reports = ((Element) detectors.item(i)).getAttribute("reports");
      for (String r : reports.split(",")) {
        if (!r.isBlank()) {
          reported.add(r.trim());
        }
      }
    }
    Set<String> ids = new TreeSet<>(Runs.IDS);
    assertEquals(ids, reported);
    Set<String> pool = new TreeSet<>();
    for (int i = 0; i < detectors.getLength(); i++) {
      Element e = (Element) detectors.item(i);
      if (e.getAttribute("class").equals(LeakGuardPoolDetector.class.getName())) {
        pool.addAll(List.of(e.getAttribute("reports").split(",")));
      }
    }
    Set<String> poolIds = new TreeSet<>();
    for (CheckId id : CheckId.values()) {
      if (id.category() == CheckId.Category.POOL_CONFIG) {
        poolIds.add(id.name());
      }
    }
    assertEquals(poolIds, pool, "the pool detector reports the pool ids");
    NodeList patterns = d.getElementsByTagName("BugPattern");
    assertEquals(ids.size(), patterns.getLength(), "no bug types besides the check ids");
    // the summaries are computed in an earlier pass than the reports
    Element split = (Element) d.getElementsByTagName("SplitPass").item(0);
    assertEquals(LeakGuardSummaries.class.getName(),
        ((Element) split.getElementsByTagName("Earlier").item(0)).getAttribute("class"));
    assertEquals(LeakGuardDetector.class.getName(),
        ((Element) split.getElementsByTagName("Later").item(0)).getAttribute("class"));
    assertTrue(List.of(LeakGuardDetector.priority(CheckId.JdbcConnectionLeak.severity())).contains(1));
  }
}
