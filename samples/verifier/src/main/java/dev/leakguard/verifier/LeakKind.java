package dev.leakguard.verifier;

/**
 * What a leak record reports, each mapped to the LeakGuard check id that static analysis uses
 * for the same mistake, so runtime leaks and static findings can be compared by id.
 */
public enum LeakKind {
  /** A Connection still open at the checkpoint: it stays borrowed from the pool. */
  CONNECTION_LEAK("JdbcConnectionLeak"),
  /** A Statement, PreparedStatement or CallableStatement still open at the checkpoint. */
  STATEMENT_LEAK("JdbcStatementLeak"),
  /**
   * A ResultSet still open at the checkpoint (its Statement is then open too), or a metadata
   * ResultSet, which has no Statement, closed only because its Connection was closed.
   */
  RESULT_SET_LEAK("JdbcResultSetLeak"),
  /**
   * A Statement never closed itself, closed only because its Connection was closed. JDBC closes
   * it, but a pool keeps the physical connection, so the cursor may stay open on the server.
   */
  STATEMENT_LEFT_TO_CONNECTION_CLOSE("JdbcStatementLeftToConnectionClose");

  private final String checkId;

  LeakKind(String checkId) {
    this.checkId = checkId;
  }

  /** The LeakGuard check id, as in SARIF {@code ruleId} and {@code @SuppressWarnings}. */
  public String checkId() {
    return checkId;
  }

  /** The kind reported for a resource of this type that is still open at a checkpoint. */
  public static LeakKind ofOpen(ResourceType type) {
    switch (type) {
      case CONNECTION:
        return CONNECTION_LEAK;
      case RESULT_SET:
        return RESULT_SET_LEAK;
      default:
        return STATEMENT_LEAK;
    }
  }

  /** Parses a check id as written in exports. */
  public static LeakKind byCheckId(String checkId) {
    for (LeakKind kind : values()) {
      if (kind.checkId.equals(checkId)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown runtime check id '" + checkId + "'");
  }
}
