package corpus.poolconfig;

import com.mchange.v2.c3p0.ComboPooledDataSource;

/** c3p0 configured in code. */
public class C3p0Pools {

  ComboPooledDataSource hermit(String url) {
    ComboPooledDataSource ds = new ComboPooledDataSource();
    ds.setJdbcUrl(url);
    ds.setMaxPoolSize(1); // POOL JdbcPoolSizeOutOfRange
    ds.setCheckoutTimeout(0); // POOL JdbcPoolUnboundedWait
    return ds;
  }

  ComboPooledDataSource sized(String url) {
    ComboPooledDataSource ds = new ComboPooledDataSource();
    ds.setJdbcUrl(url);
    ds.setMaxPoolSize(20);
    ds.setMinPoolSize(5);
    ds.setCheckoutTimeout(5_000);
    return ds;
  }

  ComboPooledDataSource minimumAboveMaximum() {
    ComboPooledDataSource ds = new ComboPooledDataSource();
    ds.setMaxPoolSize(5);
    ds.setMinPoolSize(10); // POOL JdbcPoolSizeOutOfRange
    ds.setCheckoutTimeout(2_000);
    return ds;
  }
}
