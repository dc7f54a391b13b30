package dev.leakguard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the real corpus: size, balance, coverage of every check id, and label placement. */
class CorpusSanityTest {
  /** The categories the corpus is organised in, one package each. */
  private static final Set<String> CATEGORIES =
      Set.of(
          "basic",
          "finallyblocks",
          "trywithresources",
          "temporaries",
          "reassignment",
          "ownership",
          "aliasing",
          "lambdas",
          "implicitclose",
          "closechain",
          "connections",
          "realistic",
          "inference",
          "poolconfig",
          "libraries");

  /**
   * Names of the calls that acquire a resource in the corpus: the JDBC API, plus the corpus's own
   * factories and bodiless methods that return a resource.
   */
  private static final Set<String> ACQUIRING_CALLS =
      Set.of(
          // the other libraries that hold a pooled connection (corpus/libraries)
          "execute",
          "stream",
          "getResource",
          "getReadWriteConnection",
          "getReadOnlyConnection",
          "openSession",
          "openStatelessSession",
          "createEntityManager",
          "getResultStream",
          "scroll",
          "selectCursor",
          "fetchLazy",
          "fetchStream",
          "beginTransaction",
          "HikariDataSource",
          "BasicDataSource",
          "createConnection",
          "createSession",
          "createProducer",
          "createContext",
          "getConnection",
          "connect",
          "getPooledConnection",
          "getXAConnection",
          "createStatement",
          "prepareStatement",
          "prepareCall",
          "executeQuery",
          "getResultSet",
          "getGeneratedKeys",
          "getTables",
          "getColumns",
          "getPrimaryKeys",
          "getIndexInfo",
          "getImportedKeys",
          "getProcedures",
          "getSchemas",
          "getCatalogs",
          "getTypeInfo",
          "open",
          "openReadOnly",
          "openForJobs",
          "openConnection",
          "connection",
          "lease",
          "PhysicalConnection",
          "prepareOneShot",
          "prepare",
          "createMemoryResultSet",
          "tables",
          "openLabelled",
          "doPrepare");

  private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

  private static Corpus corpus;

  @BeforeAll
  static void load() throws IOException {
    corpus = Corpus.load(Corpus.locateRoot());
    System.out.println(corpus.stats());
    Map<String, int[]> perCategory = new TreeMap<>();
    for (MethodSpan m : corpus.methods()) {
      int[] counts = perCategory.computeIfAbsent(category(m.file()), k -> new int[4]);
      counts[0]++;
      if (corpus.labels().stream().anyMatch(m::contains)) {
        counts[1]++;
      }
    }
    for (Path f : corpus.files()) {
      perCategory.computeIfAbsent(category(corpus.relativize(f)), k -> new int[4])[3]++;
    }
    for (Label l : corpus.labels()) {
      perCategory.computeIfAbsent(category(l.file()), k -> new int[4])[2]++;
    }
    perCategory.forEach(
        (cat, c) ->
            System.out.printf(
                "  %-17s files=%d methods=%d labelled-methods=%d labels=%d%n",
                cat, c[3], c[0], c[1], c[2]));
    Map<String, Long> perId =
        corpus.labels().stream()
            .collect(Collectors.groupingBy(Label::checkId, TreeMap::new, Collectors.counting()));
    System.out.println("  labels per id: " + perId);
  }

  private static String category(String file) {
    String[] parts = file.split("/");
    return parts.length > 2 ? parts[1] : "";
  }

  @Test
  void hasEnoughMethods() {
    assertTrue(corpus.methodCount() >= 170, corpus::stats);
  }

  @Test
  void hasEnoughLabels() {
    assertTrue(corpus.labels().size() >= 70, corpus::stats);
  }

  @Test
  void hasEnoughMethodsWithoutLabels() {
    long unlabelled =
        corpus.methods().stream()
            .filter(m -> corpus.labels().stream().noneMatch(m::contains))
            .count();
    assertTrue(unlabelled >= 70, corpus::stats);
  }

  @Test
  void everyCheckIdIsUsed() {
    Set<String> used =
        corpus.labels().stream().map(Label::checkId).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Corpus.CHECK_IDS, used);
  }

  @Test
  void everyCategoryHasFilesAndNothingElse() {
    Set<String> categories = new TreeSet<>();
    for (Path f : corpus.files()) {
      categories.add(category(corpus.relativize(f)));
    }
    assertEquals(new TreeSet<>(CATEGORIES), categories);
  }

  @Test
  void everyFileDeclaresItsPackageAndHasMethods() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path f : corpus.files()) {
      String rel = corpus.relativize(f);
      String pkg = "package corpus." + category(rel) + ";";
      if (!Files.readString(f).contains(pkg)) {
        problems.add(rel + ": expected '" + pkg + "'");
      }
      if (corpus.methods().stream().noneMatch(m -> m.file().equals(rel))) {
        problems.add(rel + ": no methods");
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void everyLabelIsInsideAMethod() {
    List<Label> outside =
        corpus.labels().stream()
            .filter(l -> corpus.methods().stream().noneMatch(m -> m.contains(l)))
            .toList();
    assertTrue(outside.isEmpty(), () -> "labels outside any method: " + outside);
  }

  /** A label on a line without an acquiring call is almost certainly on the wrong line. */
  @Test
  void everyLabelledLineHasAnAcquiringCall() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path f : corpus.files()) {
      String rel = corpus.relativize(f);
      List<String> lines = Files.readAllLines(f);
      for (Label l : corpus.labels(rel)) {
        String code = lines.get(l.line() - 1);
        boolean pool = l.checkId().startsWith("JdbcPool");
        int comment = code.lastIndexOf(pool ? "// POOL" : "// LEAK");
        Matcher m = CALL.matcher(comment >= 0 ? code.substring(0, comment) : code);
        boolean acquiring = false;
        while (m.find()) {
          acquiring |= pool ? m.group(1).matches("set[A-Z]\\w*") : ACQUIRING_CALLS.contains(m.group(1));
        }
        if (!acquiring) {
          problems.add(l + (pool ? ": no setter call on the line: " : ": no acquiring call on the line: ") + code.trim());
        }
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  void noKnownLimitsAreStaleAgainstTheLabels() {
    for (KnownLimit k : corpus.allKnownLimits()) {
      if (k.isMissing()) {
        assertTrue(corpus.labels().contains(k.label()), k::toString);
      } else {
        assertTrue(!corpus.labels().contains(k.label()), k::toString);
      }
    }
  }
}
