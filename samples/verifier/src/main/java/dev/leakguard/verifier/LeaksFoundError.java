package dev.leakguard.verifier;

import java.util.List;

/** A failed leak check: the test or checkpoint left JDBC resources open. */
public final class LeaksFoundError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient List<LeakRecord> leaks;

  public LeaksFoundError(String where, List<LeakRecord> leaks) {
    super(LeakMessages.failure(where, leaks));
    this.leaks = List.copyOf(leaks);
  }

  /** The leaks, in acquisition order. */
  public List<LeakRecord> leaks() {
    return leaks;
  }
}
