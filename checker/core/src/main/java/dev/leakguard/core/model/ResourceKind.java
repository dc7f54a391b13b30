package dev.leakguard.core.model;

import dev.leakguard.core.finding.CheckId;
import java.util.Locale;

/** The kinds of JDBC resource LeakGuard tracks; each has the check id its leaks are reported as. */
public enum ResourceKind {
  CONNECTION("connection", "Connection", CheckId.JdbcConnectionLeak),
  STATEMENT("statement", "Statement", CheckId.JdbcStatementLeak),
  RESULT_SET("resultset", "ResultSet", CheckId.JdbcResultSetLeak);

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
      case CONNECTION -> null;
    };
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
