package dev.leakguard.source;

import java.util.List;
import java.util.Locale;

/**
 * Which calls the source engine cannot resolve (a library outside the tree and the JDK) may throw
 * a checked exception. Such a call may throw what the enclosing method declares or an enclosing
 * catch catches, as a signature javac would see could, where the call concerns the database
 * (it is handed a resource or called on one, or its receiver is a database helper), except where
 * it practically never declares a checked exception: logging, accessors ({@code getX()}, {@code
 * isX()}, {@code toX()}), setters, close helpers. Constructors of classes it cannot see are taken
 * not to throw (a wrapper built around a resource rarely does).
 */
final class UnresolvedCalls {
  private static final List<String> QUIET_PREFIXES =
      List.of(
          "get", "is", "has", "to", "set", "equals", "hashCode", "size", "length", "valueOf",
          "format", "elapsed", "requested", "contains");

  private static final List<String> LOGGING =
      List.of(
          "trace", "debug", "info", "warn", "warning", "error", "fatal", "log", "severe", "fine",
          "finer", "finest", "config");

  private UnresolvedCalls() {}

  /** Simple-name parts of receiver types whose methods talk to a database. */
  private static final List<String> DATABASE_WORDS =
      List.of(
          "jdbc", "sql", "db", "database", "dao", "repository", "query", "template", "runner",
          "connection", "statement", "resultset", "session", "transaction", "persist", "cursor");

  /**
   * True if an unresolved call may throw a checked exception: it is handed a resource or called
   * on one, or its receiver's type is a database helper ({@code DbUtil}, {@code UserDao}, {@code
   * QueryRunner}), and it is not a log call, an accessor, a setter or a close helper.
   */
  static boolean mayThrow(String method, String receiverType, boolean involvesResource) {
    return mayThrow(method, receiverType, involvesResource, false);
  }

  /**
   * As {@link #mayThrow(String, String, boolean)}; called on a JDBC connection, statement or
   * result set whose class the engine cannot see (a driver's own type it was cast to), an accessor
   * or a setter may throw too: JDBC objects declare SQLException on nearly every method, a driver's
   * extensions ({@code ((HiveConnection) con).getDelegationToken(..)}) alike.
   */
  static boolean mayThrow(
      String method, String receiverType, boolean involvesResource, boolean onJdbcResource) {
    if (onJdbcResource) {
      return !quietAlways(method, receiverType);
    }
    if (!mayThrow(method, receiverType)) {
      return false;
    }
    if (involvesResource) {
      return true;
    }
    if (receiverType == null) {
      return false;
    }
    String simple = SourceLowering.simple(receiverType).toLowerCase(Locale.ROOT);
    for (String w : DATABASE_WORDS) {
      if (simple.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayThrow(String method, String receiverType) {
    if (quietAlways(method, receiverType)) {
      return false;
    }
    for (String p : QUIET_PREFIXES) {
      if (method.equals(p)
          || (method.startsWith(p) && method.length() > p.length() && Character.isUpperCase(method.charAt(p.length())))) {
        return false;
      }
    }
    return true;
  }

  /** Close helpers and logging: quiet whatever they are called on. */
  private static boolean quietAlways(String method, String receiverType) {
    if (dev.leakguard.core.analysis.Ownership.releasesArguments(method)) {
      return true; // close helpers swallow what close() throws
    }
    if (receiverType != null) {
      String simple = SourceLowering.simple(receiverType).toLowerCase(Locale.ROOT);
      if (simple.endsWith("logger") || simple.endsWith("log") || simple.equals("logfactory")
          || simple.equals("loggerfactory")) {
        return true;
      }
    }
    for (String p : LOGGING) {
      if (method.equals(p) || method.startsWith(p) && method.length() > p.length()
          && Character.isUpperCase(method.charAt(p.length())) && p.length() > 3) {
        return true;
      }
    }
    return false;
  }
}
