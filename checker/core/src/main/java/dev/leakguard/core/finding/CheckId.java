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
  DbSessionLeak(Category.LEAK, Severity.ERROR, CheckSummaries.DB_SESSION_LEAK),
  DbCursorLeak(Category.LEAK, Severity.WARNING, CheckSummaries.DB_CURSOR_LEAK),
  ConnectionPoolLeak(Category.LEAK, Severity.ERROR, CheckSummaries.CONNECTION_POOL_LEAK),
  HttpResponseLeak(Category.LEAK, Severity.ERROR, CheckSummaries.HTTP_RESPONSE_LEAK),
  RedisConnectionLeak(Category.LEAK, Severity.ERROR, CheckSummaries.REDIS_CONNECTION_LEAK),
  JmsResourceLeak(Category.LEAK, Severity.ERROR, CheckSummaries.JMS_RESOURCE_LEAK),

  JdbcPoolSizeOutOfRange(Category.POOL_CONFIG, Severity.ERROR, CheckSummaries.POOL_SIZE_OUT_OF_RANGE),
  JdbcPoolUnboundedWait(Category.POOL_CONFIG, Severity.ERROR, CheckSummaries.POOL_UNBOUNDED_WAIT),
  JdbcPoolLifetimeMisconfigured(
      Category.POOL_CONFIG, Severity.WARNING, CheckSummaries.POOL_LIFETIME_MISCONFIGURED),
  JdbcPoolLeakDetectionIgnored(
      Category.POOL_CONFIG, Severity.WARNING, CheckSummaries.POOL_LEAK_DETECTION_IGNORED),
  JdbcPoolAbandonedMisconfigured(
      Category.POOL_CONFIG, Severity.WARNING, CheckSummaries.POOL_ABANDONED_MISCONFIGURED);

  /** What an id checks: Java code that leaks a resource, or a connection-pool setting. */
  public enum Category {
    /**
     * A resource not closed on every path (a JDBC one, or another that holds a pooled
     * connection); reported by the Java engines.
     */
    LEAK,
    /** A connection-pool setting that starves or destabilises the pool; reported from config files. */
    POOL_CONFIG
  }

  private static final List<CheckId> LEAK_IDS =
      Arrays.stream(values()).filter(id -> id.category == Category.LEAK).toList();

  /**
   * Where the check pages are, relative to the root of LeakGuard's repository. LeakGuard has no
   * published web address of its own: a link is only absolute when {@value #DOCS_BASE_PROPERTY}
   * names a real one (a mirror or an internal host of the docs folder).
   */
  public static final String DOCS_BASE = "docs/checks/";

  /** System property: an absolute base (http or https) for the check pages, ending with '/'. */
  public static final String DOCS_BASE_PROPERTY = "leakguard.docsBase";

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

  /**
   * The check's documentation page: docs/checks/&lt;Id&gt;.md of LeakGuard's repository, or under
   * the absolute base that {@value #DOCS_BASE_PROPERTY} gives.
   */
  public String docsUrl() {
    String base = absoluteDocsBase();
    return (base != null ? base : DOCS_BASE) + name() + ".md";
  }

  /** The absolute docs base of {@value #DOCS_BASE_PROPERTY} (with a trailing '/'), or null. */
  public static String absoluteDocsBase() {
    String base = System.getProperty(DOCS_BASE_PROPERTY, "").strip();
    if (!(base.startsWith("https://") || base.startsWith("http://"))) {
      return null;
    }
    return base.endsWith("/") ? base : base + "/";
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
