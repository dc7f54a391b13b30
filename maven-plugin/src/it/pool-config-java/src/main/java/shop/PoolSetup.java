package shop;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import org.apache.commons.dbcp2.BasicDataSource;

/** The shop's pools, configured in code. */
public final class PoolSetup {
  static final int WORKERS = 8;

  private PoolSetup() {}

  public static HikariConfig orders(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
    config.setConnectionTimeout(2_000);
    return config;
  }

  public static HikariConfig sized(String url, int workers) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(workers + 1);
    config.setMinimumIdle(WORKERS);
    return config;
  }

  public static BasicDataSource reports(String url) {
    BasicDataSource ds = new BasicDataSource();
    ds.setUrl(url);
    ds.setMaxTotal(WORKERS * 2);
    ds.setMaxWait(Duration.ofMillis(-1)); // POOL JdbcPoolUnboundedWait
    return ds;
  }
}
