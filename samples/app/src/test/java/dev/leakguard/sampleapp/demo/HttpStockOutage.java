package dev.leakguard.sampleapp.demo;

import dev.leakguard.sampleapp.StockClientFixed;
import dev.leakguard.sampleapp.StockClientLeaky;
import dev.leakguard.sampleapp.StockClients;
import dev.leakguard.verifier.Site;
import dev.leakguard.verifier.confirm.RuntimeEvidence;
import dev.leakguard.verifier.confirm.RuntimeLeak;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

/**
 * Outage 6 at run time: the stock client on an HTTP pool of {@value #CONNECTIONS} connections
 * against a local stock service. The leaky client keeps a connection per unknown SKU, so the
 * third lookup waits {@value #WAIT_MILLIS} ms and fails; each call after which the pool kept one
 * more lease is a runtime leak at the call's acquiring line, for the confirmation table. The
 * fixed client serves {@value #FIXED_REQUESTS} lookups and leaves nothing leased.
 */
final class HttpStockOutage {
  static final int CONNECTIONS = 2;
  static final long WAIT_MILLIS = 500;
  static final int FIXED_REQUESTS = 1000;
  static final String SOURCE = "http stock lookups (pool of " + CONNECTIONS + ")";

  /** What one run showed. */
  record Result(List<RuntimeLeak> leaks, List<String> outcomes, Exception failure, int fixedServed, int fixedLeased) {}

  private HttpStockOutage() {}

  static Result run(PrintStream out) throws Exception {
    try (StockService service = new StockService()) {
      List<RuntimeLeak> leaks = new ArrayList<>();
      List<String> outcomes = new ArrayList<>();
      Exception failure = null;
      AtomicReference<List<Site>> caller = new AtomicReference<>(List.of());
      try (PoolingHttpClientConnectionManager pool = StockClients.pool(CONNECTIONS);
          CloseableHttpClient client =
              StockClients.builder(pool, WAIT_MILLIS)
                  .addRequestInterceptorFirst((request, entity, context) -> caller.set(appStack()))
                  .build()) {
        StockClientLeaky leaky = new StockClientLeaky(client, service.baseUrl());
        for (int request = 1; request <= CONNECTIONS + 1 && failure == null; request++) {
          int leasedBefore = pool.getTotalStats().getLeased();
          try {
            int units = leaky.stock("plum");
            outcomes.add("request " + request + ": unknown SKU -> " + units);
          } catch (Exception e) {
            failure = e;
            outcomes.add("request " + request + ": FAILED " + e.getClass().getSimpleName() + ": " + e.getMessage());
          }
          if (pool.getTotalStats().getLeased() > leasedBefore) {
            leaks.add(new RuntimeLeak("HttpResponseLeak", "CloseableHttpResponse", caller.get(), SOURCE));
          }
        }
      }
      int served = 0;
      int leased;
      try (PoolingHttpClientConnectionManager pool = StockClients.pool(CONNECTIONS);
          CloseableHttpClient client = StockClients.pooled(pool, WAIT_MILLIS)) {
        StockClientFixed fixed = new StockClientFixed(client, service.baseUrl());
        for (int request = 0; request < FIXED_REQUESTS; request++) {
          fixed.stock(request % 3 == 0 ? "plum" : "apple");
          served++;
        }
        leased = pool.getTotalStats().getLeased();
      }
      outcomes.forEach(line -> out.println("  StockClientLeaky " + line));
      out.println("  StockClientFixed: " + served + " lookups served, " + leased + " connections still leased");
      return new Result(List.copyOf(leaks), List.copyOf(outcomes), failure, served, leased);
    }
  }

  /** Adds the run's leaks to {@code evidence}. */
  static Result addTo(RuntimeEvidence evidence, PrintStream out) throws Exception {
    Result result = run(out);
    result.leaks().forEach(evidence::addLeak);
    return result;
  }

  /** The sample app's frames of the current call, innermost first (not the tests'). */
  private static List<Site> appStack() {
    List<Site> frames = new ArrayList<>();
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      String c = e.getClassName();
      if (c.startsWith("dev.leakguard.sampleapp.") && !c.startsWith("dev.leakguard.sampleapp.demo.")
          && !c.endsWith("Test")) {
        frames.add(new Site(c, e.getMethodName(), e.getFileName(), e.getLineNumber()));
      }
    }
    return frames;
  }
}
