package dev.leakguard.core.pool;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of setting values: numbers, Spring durations ({@code 30s}, {@code PT30S}), booleans. */
public final class Values {
  private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{[^:}]+(?::([^}]*))?}$");
  private static final Pattern SIMPLE_DURATION =
      Pattern.compile("^([-+]?\\d+)\\s*(ns|us|ms|s|m|h|d)?$", Pattern.CASE_INSENSITIVE);

  private Values() {}

  /** The value, or the default of a {@code ${NAME:default}} placeholder; null when unknown. */
  public static String resolve(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    Matcher m = PLACEHOLDER.matcher(v);
    if (m.matches()) {
      return m.group(1) == null ? null : m.group(1).strip();
    }
    return v.contains("${") ? null : v;
  }

  /** A whole number, or null. */
  public static Long integer(String value) {
    String v = resolve(value);
    if (v == null || !v.matches("[-+]?\\d{1,18}")) {
      return null;
    }
    return Long.parseLong(v);
  }

  /**
   * A duration in milliseconds; a bare number is in {@code unit} (the setting's own unit). Null
   * when the value is not a duration.
   */
  public static Long millis(String value, TimeUnit unit) {
    String v = resolve(value);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.toUpperCase(Locale.ROOT).startsWith("PT") || v.toUpperCase(Locale.ROOT).startsWith("-PT")
        || v.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        return Duration.parse(v).toMillis();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher m = SIMPLE_DURATION.matcher(v);
    if (!m.matches() || m.group(1).length() > 15) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    if (m.group(2) == null) {
      return unit.toMillis(n);
    }
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ns" -> TimeUnit.NANOSECONDS.toMillis(n);
      case "us" -> TimeUnit.MICROSECONDS.toMillis(n);
      case "ms" -> n;
      case "s" -> TimeUnit.SECONDS.toMillis(n);
      case "m" -> TimeUnit.MINUTES.toMillis(n);
      case "h" -> TimeUnit.HOURS.toMillis(n);
      default -> TimeUnit.DAYS.toMillis(n);
    };
  }

  /** True for {@code true}, {@code yes}, {@code on} (any case). */
  public static boolean isTrue(String value) {
    String v = resolve(value);
    return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on"));
  }

  /** Milliseconds as people read them: 1500 ms, 30 s, 30 min, 8 h. */
  public static String human(long ms) {
    if (ms != 0 && ms % 3_600_000 == 0) {
      return (ms / 3_600_000) + " h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return (ms / 60_000) + " min";
    }
    if (ms != 0 && ms % 1000 == 0) {
      return (ms / 1000) + " s";
    }
    return ms + " ms";
  }
}
