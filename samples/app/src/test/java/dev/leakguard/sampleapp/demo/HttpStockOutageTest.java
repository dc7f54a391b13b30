package dev.leakguard.sampleapp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.sampleapp.StockClientLeaky;
import dev.leakguard.verifier.SourceLines;
import dev.leakguard.verifier.confirm.RuntimeLeak;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Outage 6 at run time: the leaky stock client drains its HTTP pool of 2 connections in two
 * unknown-SKU lookups, the third fails with the pool's timeout, and each leak is attributed to the
 * line LeakGuard reports (HttpResponseLeak at the execute call); the fixed client serves 1000.
 */
class HttpStockOutageTest {
  @Test
  void theThirdLookupTimesOutAtThePoolAndTheFixedClientServesAThousand() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    HttpStockOutage.Result r = HttpStockOutage.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertNotNull(r.failure(), r.outcomes().toString());
    assertTrue(r.failure() instanceof ConnectionRequestTimeoutException, r.failure().toString());
    assertEquals(3, r.outcomes().size(), r.outcomes().toString());
    assertTrue(r.outcomes().get(2).startsWith("request 3: FAILED ConnectionRequestTimeoutException"), r.outcomes().get(2));

    int line = SourceLines.lineOf(StockClientLeaky.class, "stock", "client.execute(");
    assertEquals(HttpStockOutage.CONNECTIONS, r.leaks().size(), r.leaks().toString());
    for (RuntimeLeak leak : r.leaks()) {
      assertEquals("HttpResponseLeak", leak.checkId());
      assertEquals("StockClientLeaky.java", leak.appStack().get(0).fileName());
      assertEquals(line, leak.appStack().get(0).lineNumber(), "the leak is attributed to the execute call");
    }

    assertEquals(HttpStockOutage.FIXED_REQUESTS, r.fixedServed());
    assertEquals(0, r.fixedLeased(), "the fixed client gives every connection back");
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains("StockClientFixed: 1000 lookups served, 0 connections still leased"),
        printed.toString(StandardCharsets.UTF_8));
  }
}
