package dev.leakguard.source;

import java.util.List;
import java.util.Locale;

/**
 * Which calls the source engine cannot resolve (a library outside the tree and the JDK) may throw
 * a checked exception. Such a call may throw what the enclosing method declares or an enclosing
 * catch catches, as a signature javac would see could, except where the call is one that
 * practically never declares a checked exception: logging, and accessors ({@code getX()}, {@code
 * isX()}, {@code toX()}). Constructors of classes it cannot see are taken not to throw (a
 * wrapper built around a resource rarely does).
 */
final class UnresolvedCalls {
  private static final List<String> QUIET_PREFIXES =
      List.of("get", "is", "has", "to", "equals", "hashCode", "size", "length", "valueOf", "format");

  private static final List<String> LOGGING =
      List.of(
          "trace", "debug", "info", "warn", "warning", "error", "fatal", "log", "severe", "fine",
          "finer", "finest", "config");

  private UnresolvedCalls() {}

  static boolean mayThrow(String method, String receiverType) {
    if (receiverType != null) {
      String simple = SourceLowering.simple(receiverType).toLowerCase(Locale.ROOT);
      if (simple.endsWith("logger") || simple.endsWith("log") || simple.equals("logfactory")
          || simple.equals("loggerfactory")) {
        return false;
      }
    }
    for (String p : LOGGING) {
      if (method.equals(p) || method.startsWith(p) && method.length() > p.length()
          && Character.isUpperCase(method.charAt(p.length())) && p.length() > 3) {
        return false;
      }
    }
    for (String p : QUIET_PREFIXES) {
      if (method.equals(p)
          || (method.startsWith(p) && method.length() > p.length() && Character.isUpperCase(method.charAt(p.length())))) {
        return false;
      }
    }
    return true;
  }
}
