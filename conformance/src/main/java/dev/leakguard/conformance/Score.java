package dev.leakguard.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One engine's findings compared with the corpus labels: exact equality of (file, line, id),
 * less the engine's documented KNOWN limits.
 */
public final class Score {
  private final Corpus corpus;
  private final String engine;
  private final Set<Label> expected;
  private final Set<Label> found;
  private final Set<Label> matched;
  private final Set<Label> missing;
  private final Set<Label> unexpected;
  private final List<KnownLimit> known;
  private final List<KnownLimit> stale;

  private Score(Corpus corpus, String engine, Set<Label> found) {
    this.corpus = corpus;
    this.engine = engine;
    this.expected = corpus.labels();
    this.found = Collections.unmodifiableSet(found);
    this.known = corpus.knownLimits(engine);

    Set<Label> knownMissing = new TreeSet<>();
    Set<Label> knownUnexpected = new TreeSet<>();
    List<KnownLimit> staleLimits = new ArrayList<>();
    for (KnownLimit k : known) {
      if (k.isMissing()) {
        knownMissing.add(k.label());
        if (found.contains(k.label())) {
          staleLimits.add(k);
        }
      } else {
        knownUnexpected.add(k.label());
        if (!found.contains(k.label())) {
          staleLimits.add(k);
        }
      }
    }
    Set<Label> match = new TreeSet<>(expected);
    match.retainAll(found);
    Set<Label> miss = new TreeSet<>(expected);
    miss.removeAll(found);
    miss.removeAll(knownMissing);
    Set<Label> extra = new TreeSet<>(found);
    extra.removeAll(expected);
    extra.removeAll(knownUnexpected);
    this.matched = Collections.unmodifiableSet(match);
    this.missing = Collections.unmodifiableSet(miss);
    this.unexpected = Collections.unmodifiableSet(extra);
    this.stale = List.copyOf(staleLimits);
  }

  /**
   * Compares an engine's findings with the corpus. Findings whose file is absolute, uses '\'
   * separators or has a prefix before {@code corpus/} are normalised to the label form first.
   *
   * @param engine {@code errorprone}, {@code spotbugs} or {@code source}
   * @throws IllegalArgumentException for an unknown engine
   */
  public static Score compare(Corpus corpus, String engine, Collection<Label> found) {
    Corpus.requireEngine(engine);
    Set<Label> normalised = new TreeSet<>();
    for (Label l : found) {
      normalised.add(new Label(normalise(corpus, l.file()), l.line(), l.checkId()));
    }
    return new Score(corpus, engine, normalised);
  }

  private static String normalise(Corpus corpus, String file) {
    String f = file.replace('\\', '/');
    Path p = Path.of(file);
    if (p.isAbsolute() && p.normalize().startsWith(corpus.root())) {
      return corpus.relativize(p);
    }
    while (f.startsWith("./")) {
      f = f.substring(2);
    }
    String marker = Corpus.CORPUS_DIR + "/";
    if (!f.startsWith(marker)) {
      int i = f.lastIndexOf("/" + marker);
      if (i >= 0) {
        f = f.substring(i + 1);
      }
    }
    return f;
  }

  public String engine() {
    return engine;
  }

  /** Every LEAK label of the corpus. */
  public Set<Label> expected() {
    return expected;
  }

  /** The engine's findings, normalised. */
  public Set<Label> found() {
    return found;
  }

  /** Labels the engine reported. */
  public Set<Label> matched() {
    return matched;
  }

  /** Labels the engine did not report, less its KNOWN missing limits. */
  public Set<Label> missing() {
    return missing;
  }

  /** Findings that are not labels, less the engine's KNOWN unexpected limits. */
  public Set<Label> unexpected() {
    return unexpected;
  }

  /** The engine's KNOWN limits. */
  public List<KnownLimit> known() {
    return known;
  }

  /**
   * KNOWN limits that no longer hold: a "missing" label the engine now reports, or an
   * "unexpected" finding it no longer reports. Reported, not failed: delete the KNOWN line.
   */
  public List<KnownLimit> staleKnown() {
    return stale;
  }

  /** True when nothing is missing and nothing is unexpected. */
  public boolean passed() {
    return missing.isEmpty() && unexpected.isEmpty();
  }

  /** A multi-line report: a summary line, then one line per difference and per known limit. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("conformance[").append(engine).append("]: files=").append(corpus.files().size())
        .append(" methods=").append(corpus.methodCount())
        .append(" expected=").append(expected.size())
        .append(" found=").append(found.size())
        .append(" matched=").append(matched.size())
        .append(" missing=").append(missing.size())
        .append(" unexpected=").append(unexpected.size())
        .append(" known-limits=").append(known.size());
    for (Label l : missing) {
      sb.append('\n').append("  missing     ").append(l);
    }
    for (Label l : unexpected) {
      sb.append('\n').append("  unexpected  ").append(l);
    }
    for (KnownLimit k : known) {
      sb.append('\n').append("  known ").append(k.kind().equals(KnownLimit.MISSING)
              ? "missing     " : "unexpected  ")
          .append(k.label()).append(" -- ").append(k.reason());
      if (stale.contains(k)) {
        sb.append(k.isMissing()
            ? " [stale: now reported, remove the KNOWN line]"
            : " [stale: no longer reported, remove the KNOWN line]");
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return report();
  }
}
