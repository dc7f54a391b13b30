package dev.leakguard.sampleapp;

import com.zaxxer.hikari.HikariConfig;

/**
 * The fix: the pool is sized from the workload, with a short timeout so starvation fails fast
 * and visibly, and the configuration checks itself when it is built.
 */
public final class PoolConfigFixed {

  /** Requests the service handles at once (its worker threads). */
  public static final int CONCURRENT_REQUESTS = 4;

  private PoolConfigFixed() {}

  public static HikariConfig create(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("shop");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(PoolSizing.minimumPoolSize(CONCURRENT_REQUESTS));
    config.setConnectionTimeout(2_000);
    PoolSizing.check(config, CONCURRENT_REQUESTS);
    return config;
  }
}
