package corpus.poolconfig;

import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;

/** The Tomcat JDBC pool configured in code, through its properties object and its data source. */
public class TomcatPools {

  PoolProperties starved(String url) {
    PoolProperties p = new PoolProperties();
    p.setUrl(url);
    p.setMaxActive(1); // POOL JdbcPoolSizeOutOfRange
    p.setMaxWait(0); // POOL JdbcPoolUnboundedWait
    return p;
  }

  PoolProperties sized(String url) {
    PoolProperties p = new PoolProperties();
    p.setUrl(url);
    p.setMaxActive(50);
    p.setMinIdle(10);
    p.setMaxWait(10_000);
    return p;
  }

  PoolProperties minimumAboveMaximum() {
    PoolProperties p = new PoolProperties();
    p.setMaxActive(10);
    p.setMinIdle(20); // POOL JdbcPoolSizeOutOfRange
    return p;
  }

  DataSource reclaimsTooSoon() {
    DataSource ds = new DataSource();
    ds.setRemoveAbandoned(true);
    ds.setRemoveAbandonedTimeout(30); // POOL JdbcPoolAbandonedMisconfigured
    return ds;
  }

  DataSource reclaimsLate() {
    DataSource ds = new DataSource();
    ds.setRemoveAbandoned(true);
    ds.setRemoveAbandonedTimeout(300);
    return ds;
  }

  DataSource shortTimeoutWithoutRemoval() {
    DataSource ds = new DataSource();
    ds.setRemoveAbandonedTimeout(30);
    ds.setMaxWait(5_000);
    return ds;
  }
}
