package dev.leakguard.sampleapp;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.util.Timeout;

/**
 * The stock service's HTTP client: a pool of connections like the database's. A request waits at
 * most {@code waitMillis} for a free connection, then fails with "Timeout deadline".
 */
public final class StockClients {
  private StockClients() {}

  /** A client whose requests share {@code pool}. */
  public static CloseableHttpClient pooled(PoolingHttpClientConnectionManager pool, long waitMillis) {
    return builder(pool, waitMillis).build();
  }

  /** The builder of {@link #pooled}, for a client with more settings (interceptors). */
  public static HttpClientBuilder builder(PoolingHttpClientConnectionManager pool, long waitMillis) {
    return HttpClients.custom()
        .setConnectionManager(pool)
        .setConnectionManagerShared(true)
        .setDefaultRequestConfig(
            RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofMilliseconds(waitMillis)).build());
  }

  /** The connection pool: {@code connections} in all and per host. */
  public static PoolingHttpClientConnectionManager pool(int connections) {
    PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
    pool.setMaxTotal(connections);
    pool.setDefaultMaxPerRoute(connections);
    return pool;
  }
}
