package dev.leakguard.sampleapp;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Outage 6: the stock lookup returns early for an unknown SKU without closing the response. Each
 * unknown SKU keeps one connection of the client's pool; when they are all kept, every lookup
 * (known SKUs too) waits and fails with "Timeout deadline", while the stock service is healthy.
 */
public class StockClientLeaky {
  private final CloseableHttpClient client;
  private final String baseUrl;

  public StockClientLeaky(CloseableHttpClient client, String baseUrl) {
    this.client = client;
    this.baseUrl = baseUrl;
  }

  /** The units in stock, or -1 for an unknown SKU. */
  public int stock(String sku) throws IOException, ParseException {
    CloseableHttpResponse response = client.execute(new HttpGet(baseUrl + "/stock/" + sku));
    if (response.getCode() == 404) {
      return -1; // the response, and with it the pooled connection, is never given back
    }
    return Integer.parseInt(EntityUtils.toString(response.getEntity()).trim());
  }
}
