package dev.leakguard.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A part of the corpus with a source root of its own and the Java release its cases are written
 * for: {@code main} (release 17, always present) and {@code java25} (release 25: records,
 * sealed types, pattern switch, unnamed variables, local enums, flexible constructor bodies,
 * module imports), present only in a build on JDK 25 or newer, which names its root in the system
 * property {@value #JAVA25_ROOT_PROPERTY}.
 *
 * <pre>
 *   for (Section section : Section.all()) {
 *     Corpus corpus = section.load();
 *     // compile or parse corpus.files() at section.release(), score the findings
 *   }
 * </pre>
 *
 * @param name {@code main} or {@code java25}
 * @param root the source root (the directory containing {@code corpus/})
 * @param release the {@code --release} its files are compiled with
 */
public record Section(String name, Path root, int release) {
  /** System property naming the source root of the Java 25 section. */
  public static final String JAVA25_ROOT_PROPERTY = "leakguard.corpus.java25.dir";

  /** Where the Java 25 section lives relative to the repository root. */
  public static final String JAVA25_LOCATION = "conformance/src/java25/java";

  /** The release the main corpus is compiled with. */
  public static final int MAIN_RELEASE = 17;

  /** The release the Java 25 section is compiled with. */
  public static final int JAVA25_RELEASE = 25;

  /** Reads the section (see {@link Corpus#load}). */
  public Corpus load() throws java.io.IOException {
    return Corpus.load(root);
  }

  /** The javac options that select this section's release. */
  public List<String> releaseOptions() {
    return List.of("--release", Integer.toString(release));
  }

  /**
   * The sections of this build: {@code main} (see {@link Corpus#locateRoot()}), then {@code
   * java25} if the system property {@value #JAVA25_ROOT_PROPERTY} is set.
   *
   * @throws IllegalStateException if the main corpus cannot be found, if the property does not
   *     name a directory containing {@code corpus/}, or if it is set on a JDK older than 25
   */
  public static List<Section> all() {
    List<Section> out = new ArrayList<>();
    out.add(new Section("main", Corpus.locateRoot(), MAIN_RELEASE));
    String property = System.getProperty(JAVA25_ROOT_PROPERTY);
    if (property != null && !property.isBlank()) {
      Path p = Path.of(property).toAbsolutePath().normalize();
      if (!Files.isDirectory(p.resolve(Corpus.CORPUS_DIR))) {
        throw new IllegalStateException("system property " + JAVA25_ROOT_PROPERTY + "=" + property
            + " does not name a directory containing " + Corpus.CORPUS_DIR + "/");
      }
      if (Runtime.version().feature() < JAVA25_RELEASE) {
        throw new IllegalStateException("system property " + JAVA25_ROOT_PROPERTY
            + " is set, but the Java 25 section needs JDK 25 or newer to compile; this is JDK "
            + Runtime.version().feature());
      }
      out.add(new Section("java25", p, JAVA25_RELEASE));
    }
    return List.copyOf(out);
  }

  /**
   * What an engine's test prints before its {@link Score#report()} of this section: nothing for
   * the main corpus (its report reads as it always has), {@code "section java25 (release 25): "}
   * for another.
   */
  public String reportPrefix() {
    return name.equals("main") ? "" : "section " + name + " (release " + release + "): ";
  }

  @Override
  public String toString() {
    return name;
  }
}
