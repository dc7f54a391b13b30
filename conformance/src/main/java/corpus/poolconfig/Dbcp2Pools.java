package corpus.poolconfig;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * Commons DBCP2 configured in code, with Spring-style annotations: a production profile makes
 * abandoned-connection logging a finding, and settings bound from properties afterwards
 * (configuration properties) are not what the code sets.
 */
public class Dbcp2Pools {

  BasicDataSource unbounded(String url) {
    BasicDataSource ds = new BasicDataSource();
    ds.setUrl(url);
    ds.setMaxTotal(-1); // POOL JdbcPoolSizeOutOfRange
    ds.setMaxWait(Duration.ofMillis(-1)); // POOL JdbcPoolUnboundedWait
    return ds;
  }

  @SuppressWarnings("deprecation")
  BasicDataSource waitsForeverInMillis() {
    BasicDataSource ds = new BasicDataSource();
    ds.setMaxWaitMillis(-1); // POOL JdbcPoolUnboundedWait
    return ds;
  }

  BasicDataSource bounded(String url) {
    BasicDataSource ds = new BasicDataSource();
    ds.setUrl(url);
    ds.setMaxTotal(20);
    ds.setMinIdle(5);
    ds.setMaxWait(Duration.ofSeconds(5));
    return ds;
  }

  BasicDataSource minimumAboveMaximum() {
    BasicDataSource ds = new BasicDataSource();
    ds.setMaxTotal(8);
    ds.setMinIdle(10); // POOL JdbcPoolSizeOutOfRange
    ds.setMaxWait(Duration.ofSeconds(2));
    return ds;
  }

  BasicDataSource reclaimsTooSoon() {
    BasicDataSource ds = new BasicDataSource();
    ds.setRemoveAbandonedOnBorrow(true);
    ds.setRemoveAbandonedTimeout(Duration.ofSeconds(10)); // POOL JdbcPoolAbandonedMisconfigured
    return ds;
  }

  BasicDataSource reclaimsAfterTheLongestTransaction() {
    BasicDataSource ds = new BasicDataSource();
    ds.setRemoveAbandonedOnMaintenance(true);
    ds.setRemoveAbandonedTimeout(Duration.ofMinutes(5));
    ds.setLogAbandoned(true);
    return ds;
  }

  BasicDataSource shortTimeoutWithoutRemoval() {
    BasicDataSource ds = new BasicDataSource();
    ds.setRemoveAbandonedTimeout(Duration.ofSeconds(10));
    return ds;
  }

  @Profile("prod")
  BasicDataSource productionPool() {
    BasicDataSource ds = new BasicDataSource();
    ds.setMaxTotal(30);
    ds.setLogAbandoned(true); // POOL JdbcPoolAbandonedMisconfigured
    return ds;
  }

  @Profile("test")
  BasicDataSource testPool() {
    BasicDataSource ds = new BasicDataSource();
    ds.setLogAbandoned(true);
    return ds;
  }

  @ConfigurationProperties("app.datasource")
  BasicDataSource boundFromProperties() {
    BasicDataSource ds = new BasicDataSource();
    ds.setMaxTotal(1);
    return ds;
  }
}

/** Spring's {@code @Profile}, recognised by its simple name. */
@Retention(RetentionPolicy.RUNTIME)
@interface Profile {
  String[] value();
}

/** Spring Boot's {@code @ConfigurationProperties}, recognised by its simple name. */
@Retention(RetentionPolicy.RUNTIME)
@interface ConfigurationProperties {
  String value() default "";
}
