import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Label;
import dev.leakguard.conformance.MethodSpan;
import dev.leakguard.conformance.Score;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Precision and recall of SpotBugs results on the labelled conformance corpus.
 *
 * <p>Usage: java -cp leakguard-conformance.jar BenchScore.java CORPUS_ROOT STOCK_XML LEAKGUARD_XML
 *
 * <p>A finding is located by the primary source line of its bug (for OBL the line where the
 * obligation was created, for ODR and LeakGuard the acquiring call). "location" scores count a
 * finding as right when a labelled leak sits on its (file, line), whatever the id; "exact" also
 * requires the id (LeakGuard only: stock SpotBugs has no such ids); "method" scores only ask
 * that the finding's method contains a labelled leak (a lenient view for detectors that point
 * elsewhere in the method).
 */
public class BenchScore {
  record Found(String file, int line, String type) {}

  public static void main(String[] args) throws Exception {
    Corpus corpus = Corpus.load(Path.of(args[0]));
    List<Found> stock = read(Path.of(args[1]), t -> t.startsWith("OBL_") || t.startsWith("ODR_"));
    List<Found> ours = read(Path.of(args[2]), t -> t.startsWith("Jdbc"));
    // stock SpotBugs has no pool-setting checks: the comparison rows are over the leak labels
    List<Label> leaks = corpus.labels().stream().filter(l -> !l.checkId().startsWith("JdbcPool")).toList();
    List<Found> ourLeaks = ours.stream().filter(f -> !f.type().startsWith("JdbcPool")).toList();
    System.out.printf(Locale.ROOT, "corpus: %d files, %d labelled leaks (+%d pool settings, in the exact row)%n",
        corpus.files().size(), leaks.size(), corpus.labels().size() - leaks.size());
    System.out.printf(Locale.ROOT, "%-34s %6s %9s %9s %7s %7s%n", "engine / scoring", "bugs",
        "locations", "correct", "prec.", "recall");
    row("stock SpotBugs OBL/ODR, location", corpus, leaks, stock, false);
    row("stock SpotBugs OBL/ODR, method", corpus, leaks, stock, true);
    row("LeakGuard, location", corpus, leaks, ourLeaks, false);
    row("LeakGuard, method", corpus, leaks, ourLeaks, true);
    List<Label> found = new ArrayList<>();
    for (Found f : ours) {
      found.add(new Label(f.file(), Math.max(1, f.line()), f.type()));
    }
    Score exact = Score.compare(corpus, "spotbugs", found);
    double p = exact.found().isEmpty() ? 0 : 100.0 * exact.matched().size() / exact.found().size();
    double r = 100.0 * exact.matched().size() / exact.expected().size();
    System.out.printf(Locale.ROOT, "%-34s %6d %9d %9d %6.1f%% %6.1f%%%n", "LeakGuard, exact (file, line, id)",
        ours.size(), exact.found().size(), exact.matched().size(), p, r);
  }

  static void row(String name, Corpus corpus, List<Label> labels, List<Found> findings, boolean byMethod) {
    Set<String> locations = new LinkedHashSet<>();
    for (Found f : findings) {
      locations.add(f.file() + ":" + f.line());
    }
    int correct = 0;
    Set<Label> recalled = new TreeSet<>();
    if (!byMethod) {
      for (String loc : locations) {
        boolean hit = false;
        for (Label l : labels) {
          if ((l.file() + ":" + l.line()).equals(loc)) {
            recalled.add(l);
            hit = true;
          }
        }
        correct += hit ? 1 : 0;
      }
    } else {
      Set<MethodSpan> flagged = new LinkedHashSet<>();
      for (Found f : findings) {
        MethodSpan m = method(corpus, f.file(), f.line());
        if (m != null) {
          flagged.add(m);
        }
      }
      for (MethodSpan m : flagged) {
        boolean hit = false;
        for (Label l : labels) {
          if (m.contains(l)) {
            recalled.add(l);
            hit = true;
          }
        }
        correct += hit ? 1 : 0;
      }
      locations.clear();
      flagged.forEach(m -> locations.add(m.toString()));
    }
    double precision = locations.isEmpty() ? 0 : 100.0 * correct / locations.size();
    double recall = 100.0 * recalled.size() / labels.size();
    System.out.printf(Locale.ROOT, "%-34s %6d %9d %9d %6.1f%% %6.1f%%%n", name, findings.size(),
        locations.size(), correct, precision, recall);
  }

  /** The innermost method containing the line. */
  static MethodSpan method(Corpus corpus, String file, int line) {
    MethodSpan best = null;
    for (MethodSpan m : corpus.methods()) {
      if (m.file().equals(file) && line >= m.startLine() && line <= m.endLine()
          && (best == null || m.startLine() >= best.startLine())) {
        best = m;
      }
    }
    return best;
  }

  static List<Found> read(Path xml, Predicate<String> types) throws Exception {
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    NodeList bugs = doc.getElementsByTagName("BugInstance");
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < bugs.getLength(); i++) {
      Element b = (Element) bugs.item(i);
      if (!types.test(b.getAttribute("type"))) {
        continue;
      }
      NodeList children = b.getChildNodes();
      for (int k = 0; k < children.getLength(); k++) {
        if (children.item(k) instanceof Element e && e.getTagName().equals("SourceLine")) {
          out.add(new Found(e.getAttribute("sourcepath"), Integer.parseInt(e.getAttribute("start")),
              b.getAttribute("type")));
          break;
        }
      }
    }
    return out;
  }
}
