package dev.leakguard.core.finding;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of LeakGuard check ids. One string serves as Error Prone check name, SpotBugs bug
 * type, SARIF ruleId, suppression key, baseline key and docs page name. Never rename an id.
 */
public enum CheckId {
  JdbcConnectionLeak(Category.LEAK, Severity.ERROR, CheckSummaries.CONNECTION_LEAK),
  JdbcStatementLeak(Category.LEAK, Severity.WARNING, CheckSummaries.STATEMENT_LEAK),
  JdbcResultSetLeak(Category.LEAK, Severity.WARNING, CheckSummaries.RESULT_SET_LEAK),
  JdbcStatementLeftToConnectionClose(
      Category.LEAK, Severity.NOTE, CheckSummaries.STATEMENT_LEFT_TO_CONNECTION_CLOSE),
  JdbcCloseChain(Category.LEAK, Severity.WARNING, CheckSummaries.CLOSE_CHAIN),
  JdbcUnclosedOwningField(Category.LEAK, Severity.WARNING, CheckSummaries.UNCLOSED_OWNING_FIELD),

  JdbcPoolSizeOutOfRange(Category.POOL_CONFIG, Severity.ERROR, CheckSummaries.POOL_SIZE_OUT_OF_RANGE),
  JdbcPoolUnboundedWait(Category.POOL_CONFIG, Severity.ERROR, CheckSummaries.POOL_UNBOUNDED_WAIT),
  JdbcPoolLifetimeMisconfigured(
      Category.POOL_CONFIG, Severity.WARNING, CheckSummaries.POOL_LIFETIME_MISCONFIGURED),
  JdbcPoolLeakDetectionIgnored(
      Category.POOL_CONFIG, Severity.WARNING, CheckSummaries.POOL_LEAK_DETECTION_IGNORED),
  JdbcPoolAbandonedMisconfigured(
      Category.POOL_CONFIG, Severity.WARNING, CheckSummaries.POOL_ABANDONED_MISCONFIGURED);

  /** What an id checks: Java code that leaks a JDBC resource, or a connection-pool setting. */
  public enum Category {
    /** A JDBC resource not closed on every path; reported by the Java engines. */
    LEAK,
    /** A connection-pool setting that starves or destabilises the pool; reported from config files. */
    POOL_CONFIG
  }

  private static final List<CheckId> LEAK_IDS =
      Arrays.stream(values()).filter(id -> id.category == Category.LEAK).toList();

  public static final String DOCS_BASE =
      "https://github.com/leakguard/leakguard/blob/main/docs/checks/";

  private final Category category;
  private final Severity severity;
  private final String summary;

  CheckId(Category category, Severity severity, String summary) {
    this.category = category;
    this.severity = severity;
    this.summary = summary;
  }

  public Category category() {
    return category;
  }

  /** The ids of JDBC resource leaks (the ones the Java engines report), in registry order. */
  public static List<CheckId> leakIds() {
    return LEAK_IDS;
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
