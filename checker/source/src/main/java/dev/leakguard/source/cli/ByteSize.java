package dev.leakguard.source.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes such as {@code 2MB}, {@code 512k} or {@code 3000000}; K, M and G are powers of 1024. */
final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)(?:i?b)?");

  private ByteSize() {}

  static long parse(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid size '" + text + "'; expected a number of bytes with an optional K, M or G suffix");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size '" + text + "' is too large");
    }
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    if (n > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("size '" + text + "' is too large");
    }
    return n << shift;
  }

  /** {@code 2 MB}, {@code 3.4 MB}, {@code 512 KB}, {@code 100 bytes}. */
  static String format(long bytes) {
    if (bytes >= 1L << 20) {
      return trim(bytes / (double) (1L << 20)) + " MB";
    }
    if (bytes >= 1L << 10) {
      return trim(bytes / (double) (1L << 10)) + " KB";
    }
    return bytes + (bytes == 1 ? " byte" : " bytes");
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
