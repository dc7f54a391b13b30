package dev.leakguard.conformance;

import java.util.Objects;

/**
 * A documented limit of one engine, written in the corpus as {@code // KNOWN(<engine>) <kind>
 * <Id>: <reason>} on the line directly above the code line it is about.
 *
 * @param engine {@code errorprone}, {@code spotbugs} or {@code source}
 * @param kind {@link #MISSING} (the engine cannot report this labelled leak) or {@link
 *     #UNEXPECTED} (the engine reports a finding here that is not a leak)
 * @param label the finding concerned: file, the code line below the comment, the id
 * @param reason why, as written in the corpus
 */
public record KnownLimit(String engine, String kind, Label label, String reason) {
  public static final String MISSING = "missing";
  public static final String UNEXPECTED = "unexpected";

  public KnownLimit {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(reason, "reason");
    if (!kind.equals(MISSING) && !kind.equals(UNEXPECTED)) {
      throw new IllegalArgumentException("kind must be missing or unexpected: " + kind);
    }
  }

  public boolean isMissing() {
    return kind.equals(MISSING);
  }

  @Override
  public String toString() {
    return label.file() + ":" + label.line() + ": " + label.checkId() + " (" + engine + " " + kind
        + ": " + reason + ")";
  }
}
