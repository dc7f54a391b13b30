package corpus.libraries;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OkHttp: a response holds a connection of the client's pool until it is closed, or until its
 * body is closed or read to the end (string() and bytes() close the body). A response only
 * looked at leaks that connection; its twins close it or read the body.
 */
public class OkHttpResponses {
  private final OkHttpClient client;

  public OkHttpResponses(OkHttpClient client) {
    this.client = client;
  }

  /** The status is read, the response never closed. */
  public int statusNeverClosed(String url) throws IOException {
    Response response = client.newCall(request(url)).execute(); // LEAK HttpResponseLeak
    return response.code();
  }

  /** Closed only when the status is good: an error status returns with the response open. */
  public String bodyOnlyWhenSuccessful(String url) throws IOException {
    Response response = client.newCall(request(url)).execute(); // LEAK HttpResponseLeak
    if (!response.isSuccessful()) {
      return null;
    }
    return response.body().string();
  }

  /** Never bound to a variable. */
  public boolean successOfTemporary(String url) throws IOException {
    // KNOWN(source) missing HttpResponseLeak: without the library on the class path, newCall is not known to return the Call whose execute() opens a response
    return client.newCall(request(url)).execute().isSuccessful(); // LEAK HttpResponseLeak
  }

  public int statusClosed(String url) throws IOException {
    try (Response response = client.newCall(request(url)).execute()) {
      return response.code();
    }
  }

  /** Reading the body to its end closes it, and with it the response's connection. */
  public String bodyRead(String url) throws IOException {
    // KNOWN(source) unexpected HttpResponseLeak: without the library on the class path, body() is not known to return the ResponseBody whose string() closes it
    Response response = client.newCall(request(url)).execute();
    return response.body().string();
  }

  /** Closing the body gives the connection back as well. */
  public long lengthWithBodyClosed(String url) throws IOException {
    Response response = client.newCall(request(url)).execute();
    try (ResponseBody body = response.body()) {
      return body.contentLength();
    }
  }

  private static Request request(String url) {
    return new Request.Builder().url(url).build();
  }
}
