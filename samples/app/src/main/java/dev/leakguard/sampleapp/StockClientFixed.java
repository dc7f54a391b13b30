package dev.leakguard.sampleapp;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** The stock lookup with the response in try-with-resources: every path gives it back. */
public class StockClientFixed {
  private final CloseableHttpClient client;
  private final String baseUrl;

  public StockClientFixed(CloseableHttpClient client, String baseUrl) {
    this.client = client;
    this.baseUrl = baseUrl;
  }

  /** The units in stock, or -1 for an unknown SKU. */
  public int stock(String sku) throws IOException, ParseException {
    try (CloseableHttpResponse response = client.execute(new HttpGet(baseUrl + "/stock/" + sku))) {
      if (response.getCode() == 404) {
        return -1;
      }
      return Integer.parseInt(EntityUtils.toString(response.getEntity()).trim());
    }
  }
}
