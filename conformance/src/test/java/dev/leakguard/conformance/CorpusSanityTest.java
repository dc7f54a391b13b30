package dev.leakguard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the real corpus: size, balance, coverage of every check id, and label placement; the
 * placement checks for every section of the build (the Java 25 section too when it is part of
 * it).
 */
class CorpusSanityTest {
  /** The categories the main corpus is organised in, one package each. */
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

  /** The Java 25 section is one category. */
  private static final Set<String> JAVA25_CATEGORIES = Set.of("java25");

  /**
   * The syntax the Java 25 section is there for, each with a pattern (over a whole file) that
   * finds it: the section must keep a case of each.
   */
  private static final Map<String, Pattern> JAVA25_SYNTAX =
      Map.of(
          "record", syntax("\\brecord \\w+\\("),
          "sealed interface", syntax("\\bsealed interface \\w+ permits\\b"),
          "guarded pattern", syntax("^\\s*case \\S.* when \\S.*->"),
          "record pattern", syntax("^\\s*case \\w+\\((var|[A-Z]\\w*) \\w+"),
          "several patterns in one case label", syntax("^\\s*case \\w+ _, \\w+ _"),
          "unnamed catch parameter", syntax("\\bcatch \\(\\w+ _\\)"),
          "unnamed try-with-resources resource", syntax("\\btry \\(var _ = "),
          "local enum", syntax("^ {4,}enum \\w+ \\{"),
          "statement before super(..)", syntax("[;}]\\n\\s*super\\("),
          "module import", syntax("^import module java\\.sql;$"));

  private static Pattern syntax(String regex) {
    return Pattern.compile(regex, Pattern.MULTILINE);
  }

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
          "obtainConnection",
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
        corpus.labels().stream().map(l -> Label.baseId(l.checkId())).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Corpus.CHECK_IDS, used);
  }

  static List<Section> sections() {
    return Section.all();
  }

  private static final Map<String, Corpus> LOADED = new ConcurrentHashMap<>();

  private static Corpus corpus(Section section) throws IOException {
    Corpus c = LOADED.get(section.name());
    if (c == null) {
      c = section.load();
      LOADED.put(section.name(), c);
      System.out.println("section " + section + ": " + c.stats());
    }
    return c;
  }

  @ParameterizedTest
  @MethodSource("sections")
  void everyCategoryHasFilesAndNothingElse(Section section) throws IOException {
    Corpus corpus = corpus(section);
    Set<String> categories = new TreeSet<>();
    for (Path f : corpus.files()) {
      categories.add(category(corpus.relativize(f)));
    }
    assertEquals(
        new TreeSet<>(section.name().equals("main") ? CATEGORIES : JAVA25_CATEGORIES), categories);
  }

  @ParameterizedTest
  @MethodSource("sections")
  void everyFileDeclaresItsPackageAndHasMethods(Section section) throws IOException {
    Corpus corpus = corpus(section);
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

  @ParameterizedTest
  @MethodSource("sections")
  void everyLabelIsInsideAMethod(Section section) throws IOException {
    Corpus corpus = corpus(section);
    List<Label> outside =
        corpus.labels().stream()
            .filter(l -> corpus.methods().stream().noneMatch(m -> m.contains(l)))
            .toList();
    assertTrue(outside.isEmpty(), () -> "labels outside any method: " + outside);
  }

  /** A label on a line without an acquiring call is almost certainly on the wrong line. */
  @ParameterizedTest
  @MethodSource("sections")
  void everyLabelledLineHasAnAcquiringCall(Section section) throws IOException {
    Corpus corpus = corpus(section);
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

  @ParameterizedTest
  @MethodSource("sections")
  void noKnownLimitsAreStaleAgainstTheLabels(Section section) throws IOException {
    Corpus corpus = corpus(section);
    for (KnownLimit k : corpus.allKnownLimits()) {
      if (k.isMissing()) {
        assertTrue(corpus.labels().contains(k.label()), k::toString);
      } else {
        assertTrue(!corpus.labels().contains(k.label()), k::toString);
      }
    }
  }

  /**
   * The Java 25 section has leaks and near misses, and a case of each syntax it is there for
   * (see {@link #JAVA25_SYNTAX}). In a build without the section (JDK 17 to 24) there is nothing
   * to check.
   */
  @ParameterizedTest
  @MethodSource("sections")
  void theJava25SectionCoversItsSyntax(Section section) throws IOException {
    if (!section.name().equals("java25")) {
      assertTrue(Files.notExists(section.root().resolve("corpus/java25")),
          "the Java 25 section is not part of the main corpus");
      return;
    }
    Corpus corpus = corpus(section);
    long labelled = corpus.methods().stream().filter(m -> corpus.labels().stream().anyMatch(m::contains)).count();
    assertTrue(labelled >= 10, corpus::stats);
    assertTrue(corpus.methodCount() - labelled >= 10, corpus::stats);
    Set<String> missing = new TreeSet<>(JAVA25_SYNTAX.keySet());
    for (Path f : corpus.files()) {
      String text = Files.readString(f);
      missing.removeIf(feature -> JAVA25_SYNTAX.get(feature).matcher(text).find());
    }
    assertTrue(missing.isEmpty(), () -> "the Java 25 section has no case of: " + missing);
  }
}
