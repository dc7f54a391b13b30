package dev.leakguard.core.finding;

/**
 * One way a resource leaks: where control leaves (or the variable is overwritten) and why.
 *
 * @param kind the kind of exit
 * @param line 1-based line of the exit, reassignment or store
 * @param detail the exception phrase ("when executeQuery throws SQLException at line 42"), the
 *     reassigned variable, or the field name, depending on kind
 * @param via an earlier jump that explains the path ("after the break at line 12"), or null
 */
public record LeakPath(Kind kind, int line, String detail, String via) {

  /** How control leaves with the resource open. */
  public enum Kind {
    /** An explicit return statement. */
    RETURN,
    /** Falling off the end of the method body. */
    END,
    /** An exception leaves the method. */
    EXCEPTION,
    /** An exception from another resource's close() leaves the method. */
    CLOSE_CHAIN,
    /** The variable holding the only reference is overwritten. */
    REASSIGNED,
    /** The variable is overwritten by the same acquisition on the next loop iteration. */
    NEXT_ITERATION,
    /** The resource is never bound to a variable. */
    TEMPORARY,
    /** The resource is stored in a field that nothing closes. */
    FIELD,
    /** The resource is closed only implicitly with its parent (a Connection). */
    LEFT_TO_PARENT,
    /**
     * Stored by a constructor in a field its class closes, and the constructor then fails: the
     * object that would close it never exists. {@code detail} is the "when" phrase, {@code via}
     * the field.
     */
    CONSTRUCTOR_FAILS;

    public boolean exceptional() {
      return this == EXCEPTION || this == CLOSE_CHAIN || this == CONSTRUCTOR_FAILS;
    }
  }

  public boolean exceptional() {
    return kind.exceptional();
  }

  // equals and hashCode are written out, with the values a record's own would give: those are
  // linked on first use (java.lang.runtime.ObjectMethods), which costs a short compilation more
  // than every call of them

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof LeakPath p
            && kind == p.kind
            && line == p.line
            && java.util.Objects.equals(detail, p.detail)
            && java.util.Objects.equals(via, p.via));
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(kind);
    h = 31 * h + line;
    h = 31 * h + java.util.Objects.hashCode(detail);
    return 31 * h + java.util.Objects.hashCode(via);
  }
}
