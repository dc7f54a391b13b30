package dev.leakguard.verifier;

/** Why a tracked resource stopped being open. */
public enum CloseReason {
  /** The application called {@code close()} (or {@code Connection.abort}). */
  EXPLICIT,
  /** A ResultSet closed because its Statement was closed (JDBC: no finding). */
  STATEMENT_CLOSED,
  /** A ResultSet closed because its Statement was executed again (JDBC: no finding). */
  RE_EXECUTED,
  /** A ResultSet closed by {@code getMoreResults} moving past it (JDBC: no finding). */
  MORE_RESULTS,
  /** A Statement closed by {@code closeOnCompletion()} when its last ResultSet was closed. */
  CLOSE_ON_COMPLETION,
  /**
   * A Statement, or a metadata ResultSet, closed only because its Connection was closed:
   * reported as a finding of its own.
   */
  CONNECTION_CLOSED,
  /** Closed by the verifier after a leak was reported, so the pool gets its connection back. */
  RECLAIMED
}
