package dev.leakguard.core.finding;

/** Severity of a check id; maps to SARIF levels and to the build gate's threshold. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTE("note");

  private final String sarifLevel;

  Severity(String sarifLevel) {
    this.sarifLevel = sarifLevel;
  }

  public String sarifLevel() {
    return sarifLevel;
  }

  /** True if this severity is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** This severity, or {@code cap} where this one is more severe. */
  public Severity atMost(Severity cap) {
    return atLeast(cap) ? cap : this;
  }

  public static Severity parse(String text) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "'; expected one of error, warning, note");
  }
}
