package dev.leakguard.sampleapp;

import com.zaxxer.hikari.HikariConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The automated check the outages' postmortems asked for: does a pool configuration fit the
 * application's workload? Run it at start-up and in a unit test, so a configuration change that
 * shrinks the pool fails the build instead of production.
 */
public final class PoolSizing {

  /** Connections one checkout holds at once: its transaction's and the audit log's. */
  public static final int CONNECTIONS_PER_CHECKOUT = 2;

  /** The longest a request should wait for a connection before failing, in milliseconds. */
  public static final long MAX_CONNECTION_TIMEOUT_MILLIS = 5_000;

  private PoolSizing() {}

  /**
   * The smallest pool in which {@code concurrentRequests} requests, each holding {@link
   * #CONNECTIONS_PER_CHECKOUT} connections at once, cannot all wait on each other: if every
   * request holds all but one of its connections, one spare connection lets one of them finish.
   */
  public static int minimumPoolSize(int concurrentRequests) {
    return concurrentRequests * (CONNECTIONS_PER_CHECKOUT - 1) + 1;
  }

  /** What is wrong with {@code config} for {@code concurrentRequests}; empty if nothing. */
  public static List<String> problems(HikariConfig config, int concurrentRequests) {
    List<String> problems = new ArrayList<>();
    int minimum = minimumPoolSize(concurrentRequests);
    if (config.getMaximumPoolSize() < minimum) {
      problems.add(
          "maximumPoolSize="
              + config.getMaximumPoolSize()
              + " is below "
              + minimum
              + ", the least for "
              + concurrentRequests
              + " concurrent checkouts holding "
              + CONNECTIONS_PER_CHECKOUT
              + " connections each: requests will wait connectionTimeout and fail");
    }
    if (config.getConnectionTimeout() > MAX_CONNECTION_TIMEOUT_MILLIS) {
      problems.add(
          "connectionTimeout="
              + config.getConnectionTimeout()
              + "ms lets a starved request hang longer than "
              + MAX_CONNECTION_TIMEOUT_MILLIS
              + "ms before it fails");
    }
    return problems;
  }

  /** Throws if {@link #problems} finds any. */
  public static void check(HikariConfig config, int concurrentRequests) {
    List<String> problems = problems(config, concurrentRequests);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "pool " + config.getPoolName() + " does not fit the workload: " + String.join("; ", problems));
    }
  }
}
