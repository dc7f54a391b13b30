package dev.leakguard.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The labelled conformance corpus: every {@code corpus/**}{@code /*.java} file under a source
 * root, its {@code // LEAK} labels and {@code // KNOWN} limits, and its methods.
 *
 * <pre>
 *   Corpus corpus = Corpus.load(Corpus.locateRoot());
 *   Score score = Score.compare(corpus, "errorprone", findings);
 *   assertTrue(score.passed(), score.report());
 * </pre>
 */
public final class Corpus {
  /** System property naming the corpus source root (the directory that contains corpus/). */
  public static final String ROOT_PROPERTY = "leakguard.corpus.dir";

  /** Where the corpus lives relative to the repository root. */
  public static final String DEFAULT_LOCATION = "conformance/src/main/java";

  /** The directory, under the root, that holds the labelled cases. */
  public static final String CORPUS_DIR = "corpus";

  /** Engine names accepted in KNOWN lines and by {@link Score#compare}. */
  public static final Set<String> ENGINES = Collections.unmodifiableSet(
      new TreeSet<>(LabelParser.ENGINES));

  /** Check ids accepted in LEAK labels. */
  public static final Set<String> CHECK_IDS = Collections.unmodifiableSet(
      new TreeSet<>(LabelParser.CHECK_IDS));

  private final Path root;
  private final List<Path> files;
  private final Set<Label> labels;
  private final List<KnownLimit> knownLimits;
  private final List<MethodSpan> methods;

  private Corpus(Path root, List<Path> files, Set<Label> labels, List<KnownLimit> knownLimits,
      List<MethodSpan> methods) {
    this.root = root;
    this.files = files;
    this.labels = labels;
    this.knownLimits = knownLimits;
    this.methods = methods;
  }

  /**
   * Reads every {@code corpus/**}{@code /*.java} file under {@code root} (normally {@code
   * conformance/src/main/java}).
   *
   * @throws IOException if a file cannot be read or {@code root/corpus} does not exist
   * @throws IllegalArgumentException if a label is malformed or a file does not parse; the
   *     message names {@code file:line}
   */
  public static Corpus load(Path root) throws IOException {
    Path absRoot = root.toAbsolutePath().normalize();
    Path dir = absRoot.resolve(CORPUS_DIR);
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null,
          "no corpus directory; pass the source root that contains corpus/ (" + DEFAULT_LOCATION
              + ")");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".java"))
          .filter(Files::isRegularFile)
          .map(p -> p.toAbsolutePath().normalize())
          .sorted()
          .collect(Collectors.toUnmodifiableList());
    }
    Set<Label> labels = new TreeSet<>();
    List<KnownLimit> known = new ArrayList<>();
    for (Path file : files) {
      String rel = relativize(absRoot, file);
      String source = Files.readString(file, StandardCharsets.UTF_8);
      LabelParser.Result parsed = LabelParser.parse(rel, source);
      labels.addAll(parsed.labels());
      known.addAll(parsed.knownLimits());
    }
    List<MethodSpan> methods = SourceStructure.methods(files, f -> relativize(absRoot, f));
    return new Corpus(absRoot, files, Collections.unmodifiableSet(labels), List.copyOf(known),
        List.copyOf(methods));
  }

  /**
   * Finds the corpus source root: the system property {@value #ROOT_PROPERTY} if set, otherwise
   * the first {@value #DEFAULT_LOCATION} found walking up from the working directory (so a test
   * in any module of the build finds it).
   *
   * @throws IllegalStateException if neither names a directory containing {@code corpus/}
   */
  public static Path locateRoot() {
    String property = System.getProperty(ROOT_PROPERTY);
    if (property != null && !property.isBlank()) {
      Path p = Path.of(property).toAbsolutePath().normalize();
      if (!Files.isDirectory(p.resolve(CORPUS_DIR))) {
        throw new IllegalStateException("system property " + ROOT_PROPERTY + "=" + property
            + " does not name a directory containing " + CORPUS_DIR + "/");
      }
      return p;
    }
    Path start = Path.of("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DEFAULT_LOCATION);
      if (Files.isDirectory(candidate.resolve(CORPUS_DIR))) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find the conformance corpus: no "
        + DEFAULT_LOCATION + "/" + CORPUS_DIR + " in " + start
        + " or any parent directory; set -D" + ROOT_PROPERTY
        + "=<path to conformance/src/main/java>");
  }

  /** The absolute, normalised source root (the directory containing {@code corpus/}). */
  public Path root() {
    return root;
  }

  /** Every corpus file, absolute and sorted. */
  public List<Path> files() {
    return files;
  }

  /** Every LEAK label, sorted by file, line and id. */
  public Set<Label> labels() {
    return labels;
  }

  /** The KNOWN limits written for {@code engine}, in file order. */
  public List<KnownLimit> knownLimits(String engine) {
    requireEngine(engine);
    return knownLimits.stream().filter(k -> k.engine().equals(engine)).toList();
  }

  /** Every KNOWN limit of every engine, in file order. */
  public List<KnownLimit> allKnownLimits() {
    return knownLimits;
  }

  /** Methods and constructors with bodies (lambdas excluded), in file and source order. */
  public List<MethodSpan> methods() {
    return methods;
  }

  /** The number of methods and constructors with bodies (lambdas excluded). */
  public int methodCount() {
    return methods.size();
  }

  /** The labels of one corpus-relative file, sorted by line. */
  public List<Label> labels(String file) {
    return labels.stream().filter(l -> l.file().equals(file)).toList();
  }

  /** {@code file} relative to the root, with '/' separators: the {@link Label#file()} form. */
  public String relativize(Path file) {
    return relativize(root, file.toAbsolutePath().normalize());
  }

  /** One line of numbers, for test output. */
  public String stats() {
    long labelledMethods = methods.stream().filter(m -> labels.stream().anyMatch(m::contains))
        .count();
    return "corpus " + root + ": files=" + files.size() + " methods=" + methods.size()
        + " labelled-methods=" + labelledMethods + " unlabelled-methods="
        + (methods.size() - labelledMethods) + " labels=" + labels.size() + " known-limits="
        + knownLimits.size();
  }

  static void requireEngine(String engine) {
    if (!LabelParser.ENGINES.contains(engine)) {
      throw new IllegalArgumentException("unknown engine '" + engine + "'; engines: "
          + String.join(", ", ENGINES));
    }
  }

  private static String relativize(Path root, Path file) {
    if (!file.startsWith(root)) {
      return file.toString().replace('\\', '/');
    }
    Path rel = root.relativize(file);
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
