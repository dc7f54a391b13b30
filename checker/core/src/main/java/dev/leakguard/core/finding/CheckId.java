package dev.leakguard.core.finding;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of LeakGuard check ids. One string serves as Error Prone check name, SpotBugs bug
 * type, SARIF ruleId, suppression key, baseline key and docs page name. Never rename an id.
 */
public enum CheckId {
  JdbcConnectionLeak(Severity.ERROR, CheckSummaries.CONNECTION_LEAK),
  JdbcStatementLeak(Severity.WARNING, CheckSummaries.STATEMENT_LEAK),
  JdbcResultSetLeak(Severity.WARNING, CheckSummaries.RESULT_SET_LEAK),
  JdbcStatementLeftToConnectionClose(Severity.NOTE, CheckSummaries.STATEMENT_LEFT_TO_CONNECTION_CLOSE),
  JdbcCloseChain(Severity.WARNING, CheckSummaries.CLOSE_CHAIN),
  JdbcUnclosedOwningField(Severity.WARNING, CheckSummaries.UNCLOSED_OWNING_FIELD);

  public static final String DOCS_BASE =
      "https://github.com/leakguard/leakguard/blob/main/docs/checks/";

  private final Severity severity;
  private final String summary;

  CheckId(Severity severity, String summary) {
    this.severity = severity;
    this.summary = summary;
  }

  public Severity severity() {
    return severity;
  }

  public String summary() {
    return summary;
  }

  /** Link to the check's documentation page, docs/checks/&lt;Id&gt;.md. */
  public String docsUrl() {
    return DOCS_BASE + name() + ".md";
  }

  /** Parses an id, case-sensitively as written everywhere, with a clear error for unknown ids. */
  public static CheckId byName(String name) {
    for (CheckId id : values()) {
      if (id.name().equals(name.trim())) {
        return id;
      }
    }
    for (CheckId id : values()) {
      if (id.name().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "unknown check id '" + name + "'; did you mean '" + id.name() + "'?");
      }
    }
    throw new IllegalArgumentException(
        "unknown check id '"
            + name
            + "'; known ids: "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
