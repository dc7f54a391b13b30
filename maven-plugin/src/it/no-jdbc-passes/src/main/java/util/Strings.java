package util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

/** Text helpers: closeable things, but no JDBC. */
public final class Strings {
  private Strings() {}

  public static int countLines(String text) throws IOException {
    BufferedReader r = new BufferedReader(new StringReader(text));
    int n = 0;
    while (r.readLine() != null) {
      n++;
    }
    return n;
  }
}
