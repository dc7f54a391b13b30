package dev.leakguard.core.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Who owns what a call hands over, where neither the model, nor an annotation, nor a body the
 * front-end can see decides: the evidence of names. Decided here once for every front-end, from
 * what every front-end knows the same way: the method's simple name, the static type of its
 * receiver (the enclosing class for an unqualified call, the class for a static call) and
 * whether the call is static.
 *
 * <p>Precision first: a result nothing decides is {@link Decision#UNDECIDED}, which the analysis
 * does not track (a resource someone else may own is never a build-breaking finding).
 */
public final class Ownership {

  /** What a call's resource result is to its caller. */
  public enum Decision {
    /** A new resource: the caller must close it or hand it over. */
    OWNED,
    /** An existing resource someone else closes: the name says so ({@code current*}, {@code getDelegate*}). */
    BORROWED,
    /**
     * Probably an existing resource: a getter ({@code get*}) of a receiver that does not hand out
     * resources. Callers elsewhere that close its results outweigh this.
     */
    GETTER,
    /** Nothing decides: not tracked. */
    UNDECIDED
  }

  /** Names that create, open or lease a resource for the caller. */
  private static final List<String> OWNED_PREFIXES =
      List.of(
          "open", "create", "new", "acquire", "borrow", "connect", "obtain", "make", "allocate",
          "lease", "checkout", "checkOut", "prepare", "execute", "query", "spawn", "reserve");

  /** Names that look up an existing resource, whatever the receiver. */
  private static final List<String> BORROWED_PREFIXES =
      List.of(
          "current", "find", "lookup", "unwrap", "peek", "getDelegate", "getInner", "getInnermost", "getWrapped",
          "getTarget", "getUnderlying", "getPhysical", "getReal", "getRaw", "getOriginal",
          "getNative", "getCurrent", "getCached", "getShared", "createShared", "getExisting", "getActive",
          "getBound", "getLast", "getParent", "getOwner", "getThreadLocal", "delegate", "target",
          "underlying");

  /**
   * Simple-name endings of receiver types that hand out new resources from {@code get*} methods:
   * pools, data sources, factories, providers and the static helper classes DAOs open
   * connections with.
   */
  private static final List<String> FACTORY_SUFFIXES =
      List.of(
          "datasource", "pool", "factory", "provider", "supplier", "source", "manager", "driver",
          "helper", "util", "utils", "utility", "utilities", "database", "db", "connector",
          "allocator", "creator", "broker");

  /** Names of helpers that close the resources passed to them. */
  private static final List<String> RELEASE_PREFIXES =
      List.of(
          "release", "free", "dispose", "cleanup", "cleanUp", "destroy", "return", "recycle",
          "discard", "invalidate", "evict", "giveBack", "putBack", "checkin", "checkIn",
          "shutdown", "terminate", "disconnect");

  /** Names of calls that keep the resources passed to them (a holder, a cache, a registry). */
  private static final List<String> KEEP_PREFIXES =
      List.of(
          "add", "put", "register", "store", "offer", "push", "attach", "track", "enqueue",
          "cache", "remember", "keep", "hold", "adopt", "own", "manage", "schedule", "submit",
          "defer", "wrap");

  private Ownership() {}

  /**
   * The evidence of names for a call's resource result.
   *
   * @param method the method's simple name
   * @param receiverType the static type of the receiver (binary or simple name), the enclosing
   *     class for an unqualified call, the class for a static call; null when unknown
   * @param staticCall the method is static
   */
  public static Decision ofResult(String method, String receiverType, boolean staticCall) {
    if (startsWithWord(method, BORROWED_PREFIXES)) {
      return Decision.BORROWED;
    }
    if (startsWithWord(method, OWNED_PREFIXES)) {
      return Decision.OWNED;
    }
    if (startsWithWord(method, List.of("get"))) {
      return staticCall || isFactory(receiverType) ? Decision.OWNED : Decision.GETTER;
    }
    return Decision.UNDECIDED;
  }

  /**
   * True if the constant parts of a connection request's arguments ask an embedded Derby database
   * to shut down or to drop itself ({@code "jdbc:derby:;shutdown=true"}, {@code
   * String.format("jdbc:derby:%s;%s", name, "drop=true")}): Derby then answers with an
   * SQLException, never with a connection. Other databases take {@code shutdown=true} as a
   * connection property and do return a connection, so the URL must be Derby's.
   */
  public static boolean shutsDownDatabase(List<String> argumentTexts) {
    boolean derby = false;
    boolean shutdown = false;
    for (String t : argumentTexts) {
      String s = t.toLowerCase(Locale.ROOT).replace(" ", "");
      derby |= s.contains("jdbc:derby:");
      shutdown |= s.contains("shutdown=true") || s.contains("drop=true");
    }
    return derby && shutdown;
  }

  /** True for a receiver type whose simple name says it hands out resources (a pool, a factory). */
  public static boolean isFactory(String receiverType) {
    if (receiverType == null) {
      return false;
    }
    String simple = simpleName(receiverType).toLowerCase(Locale.ROOT);
    for (String s : FACTORY_SUFFIXES) {
      if (simple.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if a call with no model entry, annotation or visible body closes the resources passed to
   * it, by its name: {@code closeQuietly(rs)}, {@code DbUtil.closeConnection(con)}, {@code
   * pool.release(con)}, {@code returnConnection(con)}.
   */
  public static boolean releasesArguments(String method) {
    return method.toLowerCase(Locale.ROOT).contains("close") || startsWithWord(method, RELEASE_PREFIXES);
  }

  /** Verbs of a method that closes its own receiver. */
  private static final List<String> SELF_RELEASE_VERBS =
      List.of("close", "release", "destroy", "dispose", "shutdown", "terminate", "disconnect", "abort");

  /** {@link #SELF_RELEASE_VERBS} capitalised, as they end a longer name ({@code reallyClose}). */
  private static final List<String> SELF_RELEASE_VERBS_CAPITALISED =
      List.of("Close", "Release", "Destroy", "Dispose", "Shutdown", "Terminate", "Disconnect", "Abort");

  /** Words before such a verb that make it a question or a hook: {@code isClose}, {@code onClose}. */
  private static final List<String> NOT_SELF_RELEASE_QUALIFIERS =
      List.of(
          "is", "has", "can", "should", "will", "was", "on", "before", "after", "set", "get", "add",
          "remove", "register", "check", "assert", "handle", "fire", "notify", "allow", "needs");

  /** How a receiver-closing verb may go on: {@code closeInternal}, {@code closeQuietly}, {@code close0}. */
  private static final List<String> SELF_RELEASE_MANNERS =
      List.of(
          "Internal", "Internally", "Quietly", "Silently", "Now", "Immediately", "Physical",
          "Physically", "Fully", "Impl", "Unchecked", "0");

  /**
   * True if a call with no model entry closes its own receiver, by its name: the verb alone
   * ({@code release()}, {@code destroy()}), the verb after a qualifier ({@code reallyClose()},
   * {@code forceClose()}, {@code doRelease()}) or before a manner ({@code closeInternal(true)},
   * {@code closeQuietly()}), not a verb with an object of its own ({@code closeStatements()},
   * {@code closeOnCompletion()}, {@code releaseSavepoint(sp)}).
   */
  public static boolean releasesReceiver(String method) {
    for (int v = 0; v < SELF_RELEASE_VERBS.size(); v++) {
      String verb = SELF_RELEASE_VERBS.get(v);
      if (method.equals(verb)) {
        return true;
      }
      if (method.endsWith(SELF_RELEASE_VERBS_CAPITALISED.get(v)) && method.length() > verb.length()
          && Character.isLowerCase(method.charAt(0))
          && !startsWithWord(method, NOT_SELF_RELEASE_QUALIFIERS)) {
        return true;
      }
      if (method.startsWith(verb) && SELF_RELEASE_MANNERS.contains(method.substring(verb.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if a call with no model entry, annotation or visible body keeps the resources passed to
   * it, by its name: {@code cache.put(sql, ps)}, {@code registry.register(con)}, and a setter of
   * one argument, {@code holder.setConnection(con)} (not {@code setParameters(ps, args)}, which
   * only uses the statement).
   */
  public static boolean keepsArguments(String method, int arguments) {
    return startsWithWord(method, KEEP_PREFIXES)
        || (arguments == 1 && startsWithWord(method, List.of("set")));
  }

  /** Words of a flag that negate or question closing: {@code noClose}, {@code isClose}. */
  private static final java.util.Set<String> NOT_CLOSING_WORDS =
      java.util.Set.of(
          "no", "not", "dont", "don't", "do", "never", "skip", "keep", "without", "suppress", "avoid",
          "is", "was", "has", "can", "already", "prevent", "disable", "disallow", "ignore", "defer");

  /**
   * True if a boolean parameter's name says the call closes what it works on when the caller
   * passes {@code true}: {@code closeStmt}, {@code closeStatement}, {@code autoClose}, {@code
   * closeOnCompletion}, {@code shouldClose}, {@code close}; not a state or a negation ({@code
   * closed}, {@code isClosed}, {@code closing}, {@code noClose}, {@code keepOpen}, {@code
   * closeable}). The word {@code close} must stand alone in the name, split at case changes,
   * digits and underscores.
   */
  public static boolean isCloseFlag(String parameterName) {
    if (parameterName == null || parameterName.isEmpty()) {
      return false;
    }
    List<String> words = words(parameterName);
    boolean close = false;
    for (String w : words) {
      if (w.equals("close") || w.equals("autoclose")) {
        close = true;
      } else if (NOT_CLOSING_WORDS.contains(w)) {
        return false;
      }
    }
    return close;
  }

  /** The lower-case words of a Java name: {@code closeStmt} is close, stmt; {@code AUTO_CLOSE} auto, close. */
  private static List<String> words(String name) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean boundary =
          c == '_' || c == '$' || Character.isDigit(c)
              || (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1)));
      if (boundary && w.length() > 0) {
        out.add(w.toString().toLowerCase(Locale.ROOT));
        w.setLength(0);
      }
      if (Character.isLetter(c)) {
        w.append(c);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /**
   * True if {@code name} is {@code prefix} or starts with it followed by a word boundary (an upper
   * case letter, a digit or an underscore): {@code getConnection} starts with {@code get}, {@code
   * getaway} does not.
   */
  static boolean startsWithWord(String name, List<String> prefixes) {
    for (String p : prefixes) {
      if (name.equals(p)) {
        return true;
      }
      if (name.length() > p.length() && name.startsWith(p)) {
        char c = name.charAt(p.length());
        if (Character.isUpperCase(c) || Character.isDigit(c) || c == '_') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True for a type of the JDK's own packages (java.*, jdk.*, javax.sql.*): the analysis knows
   * what their methods do with resources (collections are followed, the rest neither closes nor
   * keeps them), so names are no evidence there.
   */
  public static boolean isPlatformType(String type) {
    return type != null
        && (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("javax.sql."));
  }

  private static String simpleName(String type) {
    int i = Math.max(type.lastIndexOf('.'), type.lastIndexOf('$'));
    return type.substring(i + 1);
  }
}
