package dev.leakguard.verifier;

/**
 * Counters since the verifier was built or last reset. In a run without leaks, every acquired
 * resource ends up closed explicitly or implicitly and {@code open} is zero.
 *
 * @param connections Connections acquired
 * @param statements Statements, PreparedStatements and CallableStatements acquired
 * @param resultSets ResultSets acquired
 * @param closedExplicitly resources the application closed itself
 * @param closedImplicitly resources closed by closing or re-executing their parent
 * @param reclaimed resources the verifier closed after reporting them
 * @param open resources open now
 */
public record VerifierStats(
    long connections,
    long statements,
    long resultSets,
    long closedExplicitly,
    long closedImplicitly,
    long reclaimed,
    long open) {

  /** All resources acquired. */
  public long acquired() {
    return connections + statements + resultSets;
  }
}
