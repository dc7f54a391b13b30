package dev.leakguard.verifier.confirm;

import java.util.List;

/**
 * A run in which the pool ran dry: borrows failed because every connection was in use for the
 * whole connection timeout.
 *
 * @param source the run
 * @param configuredIn the source file whose code configured the pool ({@code PoolConfigHermit.java}),
 *     or null when the run did not say
 * @param maximumPoolSize the pool's maximum size as the pool applied it, or -1 when unknown
 * @param failures the messages of the failed borrows, oldest first
 */
public record PoolStarvation(String source, String configuredIn, int maximumPoolSize, List<String> failures) {
  public PoolStarvation {
    failures = List.copyOf(failures);
  }
}
