package dev.leakguard.sampleapp;

import com.zaxxer.hikari.HikariConfig;

/**
 * The outage's configuration: a pool "fit for a hermit". A refactoring turned the maximum pool
 * size into 1, and the default 30-second timeout makes every starved request hang before it
 * fails. Nothing leaks, yet no checkout can finish: each needs two connections at once.
 */
public final class PoolConfigHermit {

  private PoolConfigHermit() {}

  public static HikariConfig create(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("shop-hermit");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(30_000);
    return config;
  }
}
