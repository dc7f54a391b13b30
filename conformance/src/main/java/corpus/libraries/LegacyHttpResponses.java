package corpus.libraries;

import java.io.IOException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4: the same rules as version 5, under the older package names. */
public class LegacyHttpResponses {
  private final CloseableHttpClient client;

  public LegacyHttpResponses(CloseableHttpClient client) {
    this.client = client;
  }

  public int statusNeverClosed(String url) throws IOException {
    CloseableHttpResponse response = client.execute(new HttpGet(url)); // LEAK HttpResponseLeak
    return response.getStatusLine().getStatusCode();
  }

  public int statusClosedInFinally(String url) throws IOException {
    CloseableHttpResponse response = client.execute(new HttpGet(url));
    try {
      return response.getStatusLine().getStatusCode();
    } finally {
      response.close();
    }
  }

  /** EntityUtils.consume in finally reads the entity to its end: the connection goes back. */
  public int statusConsumedInFinally(String url) throws IOException {
    // KNOWN(source) unexpected HttpResponseLeak: without the library on the class path, getEntity is not known to be the response's own
    CloseableHttpResponse response = client.execute(new HttpGet(url));
    try {
      return response.getStatusLine().getStatusCode();
    } finally {
      EntityUtils.consume(response.getEntity());
    }
  }
}
