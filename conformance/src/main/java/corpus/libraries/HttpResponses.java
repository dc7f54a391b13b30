package corpus.libraries;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Apache HttpClient 5: a response holds a connection of the client's pool until it is closed or
 * its entity is read to the end. The leaking calls drain the pool ("Timeout waiting for
 * connection from pool"); their twins close the response or let a handler do it.
 */
public class HttpResponses {
  private final CloseableHttpClient client;

  public HttpResponses(CloseableHttpClient client) {
    this.client = client;
  }

  /** The status is read, the response never closed. */
  public int statusNeverClosed(String url) throws IOException {
    // KNOWN(source) missing HttpResponseLeak: without the library on the class path, HttpGet is not known to be the ClassicHttpRequest execute takes
    CloseableHttpResponse response = client.execute(new HttpGet(url)); // LEAK HttpResponseLeak
    return response.getCode();
  }

  /** Closed on the happy path only: a failing status check skips the close. */
  public String bodyClosedOnHappyPath(String url) throws IOException, ParseException {
    // KNOWN(source) missing HttpResponseLeak: without the library on the class path, HttpGet is not known to be the ClassicHttpRequest execute takes
    CloseableHttpResponse response = client.execute(new HttpGet(url)); // LEAK HttpResponseLeak
    checkStatus(response.getCode());
    String body = EntityUtils.toString(response.getEntity());
    response.close();
    return body;
  }

  /** Never bound to a variable. */
  public int statusOfTemporary(String url) throws IOException {
    // KNOWN(source) missing HttpResponseLeak: without the library on the class path, HttpGet is not known to be the ClassicHttpRequest execute takes
    return client.execute(new HttpGet(url)).getCode(); // LEAK HttpResponseLeak
  }

  public int statusClosed(String url) throws IOException {
    try (CloseableHttpResponse response = client.execute(new HttpGet(url))) {
      return response.getCode();
    }
  }

  /** The handler overload closes the response itself. */
  public String bodyWithHandler(String url) throws IOException {
    return client.execute(new HttpGet(url), r -> EntityUtils.toString(r.getEntity()));
  }

  /** Reading the entity to its end gives the connection back, and nothing can fail after it. */
  public String bodyConsumed(String url) throws IOException, ParseException {
    CloseableHttpResponse response = client.execute(new HttpGet(url));
    return EntityUtils.toString(response.getEntity());
  }

  /** Handed to the caller, who closes it. */
  public CloseableHttpResponse open(String url) throws IOException {
    return client.execute(new HttpGet(url));
  }

  private static void checkStatus(int code) throws IOException {
    if (code >= 400) {
      throw new IOException("HTTP " + code);
    }
  }
}
