package corpus.poolconfig;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * HikariCP configured in code: sizes, the wait for a connection, lifetimes and leak detection,
 * each next to the near miss that must stay silent. Only what a method sets with a constant is
 * checked; a setting the method leaves alone may be set elsewhere.
 */
public class HikariPools {
  static final int WORKERS = 1;
  static final int SHOP_POOL_SIZE = 12;

  private final HikariConfig shared = new HikariConfig();

  HikariConfig hermit(String url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("hermit");
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
    config.setConnectionTimeout(30_000);
    return config;
  }

  HikariConfig sized(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(SHOP_POOL_SIZE);
    config.setMinimumIdle(SHOP_POOL_SIZE);
    config.setConnectionTimeout(2_000);
    return config;
  }

  HikariConfig sizedByConstant() {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(WORKERS); // POOL JdbcPoolSizeOutOfRange
    return config;
  }

  HikariConfig sizedByLocalConstant() {
    final int size = 1;
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(size); // POOL JdbcPoolSizeOutOfRange
    return config;
  }

  HikariConfig sizedByLocalVariable() {
    int size = 1;
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(size);
    return config;
  }

  HikariConfig sizedByParameter(int size) {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size + 100);
    return config;
  }

  HikariConfig sizedByBranch(boolean production) {
    HikariConfig config = new HikariConfig();
    if (production) {
      config.setMaximumPoolSize(50);
    } else {
      config.setMaximumPoolSize(2);
    }
    return config;
  }

  HikariDataSource oversized() {
    HikariDataSource ds = new HikariDataSource();
    ds.setMaximumPoolSize(500); // POOL JdbcPoolSizeOutOfRange
    return ds;
  }

  HikariConfig minimumAboveMaximum() {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(5);
    config.setMinimumIdle(8); // POOL JdbcPoolSizeOutOfRange
    return config;
  }

  HikariConfig minimumOfAnotherPool() {
    HikariConfig small = new HikariConfig();
    HikariConfig large = new HikariConfig();
    small.setMaximumPoolSize(5);
    large.setMaximumPoolSize(40);
    large.setMinimumIdle(20);
    return small.getMaximumPoolSize() < 10 ? large : small;
  }

  void configureShared() {
    shared.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
  }

  HikariConfig waitsForever() {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(10);
    config.setConnectionTimeout(0); // POOL JdbcPoolUnboundedWait
    return config;
  }

  HikariConfig failsFast() {
    HikariConfig config = new HikariConfig();
    config.setConnectionTimeout(250);
    config.setValidationTimeout(TimeUnit.SECONDS.toMillis(1));
    return config;
  }

  HikariConfig lifetimeBelowMinimum() {
    HikariConfig config = new HikariConfig();
    config.setMaxLifetime(10_000); // POOL JdbcPoolLifetimeMisconfigured
    return config;
  }

  HikariConfig idleNotBelowLifetime() {
    HikariConfig config = new HikariConfig();
    config.setMaxLifetime(600_000);
    config.setIdleTimeout(600_000); // POOL JdbcPoolLifetimeMisconfigured
    config.setKeepaliveTime(900_000); // POOL JdbcPoolLifetimeMisconfigured
    return config;
  }

  HikariConfig lifetimesInOrder() {
    HikariConfig config = new HikariConfig();
    config.setMaxLifetime(1_800_000);
    config.setIdleTimeout(600_000);
    config.setKeepaliveTime(120_000);
    return config;
  }

  HikariConfig idleWithoutLifetime() {
    HikariConfig config = new HikariConfig();
    config.setIdleTimeout(3_600_000);
    config.setLeakDetectionThreshold(3_600_000);
    return config;
  }

  HikariConfig leakDetectionTooShort() {
    HikariConfig config = new HikariConfig();
    config.setLeakDetectionThreshold(500); // POOL JdbcPoolLeakDetectionIgnored
    return config;
  }

  HikariConfig leakDetectionAboveLifetime() {
    HikariConfig config = new HikariConfig();
    config.setMaxLifetime(60_000);
    config.setLeakDetectionThreshold(120_000); // POOL JdbcPoolLeakDetectionIgnored
    return config;
  }

  HikariConfig leakDetectionOnAndOff() {
    HikariConfig on = new HikariConfig();
    on.setLeakDetectionThreshold(10_000);
    HikariConfig off = new HikariConfig();
    off.setLeakDetectionThreshold(0);
    return on.getLeakDetectionThreshold() > 0 ? on : off;
  }

  Supplier<HikariConfig> lazily() {
    return () -> {
      HikariConfig config = new HikariConfig();
      config.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
      return config;
    };
  }

  /** A configuration class of the application's own: it sets the pool's settings on itself. */
  static class ShopPoolConfig extends HikariConfig {
    ShopPoolConfig(String url) {
      setJdbcUrl(url);
      setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
    }
  }

  /** A class with a setter of the same name that is not a pool. */
  static class WorkQueue {
    private int maximumPoolSize;

    void setMaximumPoolSize(int size) {
      this.maximumPoolSize = size;
    }

    int size() {
      return maximumPoolSize;
    }
  }

  WorkQueue queue() {
    WorkQueue queue = new WorkQueue();
    queue.setMaximumPoolSize(1);
    return queue;
  }
}
