package dev.leakguard.sampleapp.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The stock service the sample's HTTP client calls: the JDK's HTTP server on loopback, answering
 * {@code GET /stock/<sku>} with the units in stock, or 404 for an unknown SKU.
 */
final class StockService implements AutoCloseable {
  private static final Map<String, Integer> STOCK = Map.of("apple", 7, "pear", 3);
  private final HttpServer server;

  StockService() throws IOException {
    // small responses on kept-alive connections: without it each one waits for a delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/stock/", exchange -> {
      String sku = exchange.getRequestURI().getPath().substring("/stock/".length());
      Integer units = STOCK.get(sku);
      byte[] body = (units == null ? "no such sku" : units.toString()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(units == null ? 404 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
