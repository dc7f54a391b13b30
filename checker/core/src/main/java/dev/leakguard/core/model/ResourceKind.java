package dev.leakguard.core.model;

import dev.leakguard.core.finding.CheckId;
import java.util.Locale;

/**
 * The kinds of resource LeakGuard tracks: the three JDBC ones, and the families of other libraries
 * that hold a pooled connection. Each has the check id its leaks are reported as.
 */
public enum ResourceKind {
  CONNECTION("connection", "Connection", CheckId.JdbcConnectionLeak),
  STATEMENT("statement", "Statement", CheckId.JdbcStatementLeak),
  RESULT_SET("resultset", "ResultSet", CheckId.JdbcResultSetLeak),
  /** An ORM or SQL-mapper session holding a connection: Hibernate, JPA, JDBI, MyBatis, sql2o. */
  SESSION("session", "session", CheckId.DbSessionLeak),
  /** A lazy cursor or stream of rows that keeps its statement open: jOOQ, Hibernate, JPA, JDBI. */
  CURSOR("cursor", "cursor", CheckId.DbCursorLeak),
  /** A connection pool created in code. */
  POOL("pool", "connection pool", CheckId.ConnectionPoolLeak),
  /** An HTTP client response holding a pooled connection. */
  HTTP_RESPONSE("http-response", "HTTP response", CheckId.HttpResponseLeak),
  /** A Redis connection borrowed from a pool. */
  REDIS_CONNECTION("redis-connection", "Redis connection", CheckId.RedisConnectionLeak),
  /** A JMS connection, session, producer, consumer or context. */
  JMS("jms", "JMS resource", CheckId.JmsResourceLeak);

  private final String token;
  private final String displayName;
  private final CheckId leakId;

  ResourceKind(String token, String displayName, CheckId leakId) {
    this.token = token;
    this.displayName = displayName;
    this.leakId = leakId;
  }

  /** The word used for this kind in model files. */
  public String token() {
    return token;
  }

  public String displayName() {
    return displayName;
  }

  public CheckId leakId() {
    return leakId;
  }

  /**
   * The kind of resource this kind is created from when a model entry says "from receiver": a
   * ResultSet comes from a Statement, a Statement from a Connection; null for a Connection.
   */
  public ResourceKind parentKind() {
    return switch (this) {
      case RESULT_SET -> STATEMENT;
      case STATEMENT -> CONNECTION;
      default -> null;
    };
  }

  /**
   * Whether a resource of this kind that the method hands over when nothing fails still leaks when
   * something fails before. Not for a connection pool: one being configured when the failure comes
   * holds nothing yet (pools open their connections when started, on first use or in their
   * constructor, before later setup can fail).
   */
  public boolean leaksWhenSetupFails() {
    return this != POOL;
  }

  /** True for the JDBC kinds (connection, statement, result set). */
  public boolean isJdbc() {
    return this == CONNECTION || this == STATEMENT || this == RESULT_SET;
  }

  /** Returns the kind for a model-file token, or null if the token names no kind. */
  public static ResourceKind fromToken(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    for (ResourceKind k : values()) {
      if (k.token.equals(t)) {
        return k;
      }
    }
    return null;
  }
}
