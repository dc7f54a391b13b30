package dev.leakguard.core.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evidence from callers: the methods whose resource results some caller in the analysed code
 * closes (in a try-with-resources, a close() call or a releasing helper). Such a method hands out
 * resources its callers own, whatever its name: {@code getConnection()} of a DAO's base class
 * whose body is not in the analysed code, closed in every method but the one that leaks.
 *
 * <p>Front-ends fill it in a first pass ({@link CallEffects.Out#probing()}): each method that may
 * close something is lowered once with every undecided result tracked as if owned, analysed, and
 * the results it closed are recorded here by the key of the method that returned them (the static
 * receiver type, the name and the number of arguments, which every front-end knows the same way).
 * The reporting pass then asks {@link #closedByCallers}. Thread-safe.
 */
public final class UsageEvidence {
  /** Key of a called method to the methods that close its results (at most two are kept). */
  private final Map<String, Set<String>> closed = new ConcurrentHashMap<>();

  /** The key of a called method: {@code receiverType#name/arity}. */
  public static String key(String receiverType, String method, int arity) {
    return receiverType + "#" + method + "/" + arity;
  }

  /** Records that method {@code caller} closes a result of the method with this key. */
  public void recordClosed(String key, String caller) {
    Set<String> by = closed.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
    if (by.size() < 2) {
      by.add(caller);
    }
  }

  /**
   * True if a method of the analysed code other than {@code caller} closes a result of this method
   * on this receiver type. The caller's own closes are no evidence for its other paths (a close
   * under a condition is what the analysis of the caller judges).
   */
  public boolean closedByCallers(String receiverType, String method, int arity, String caller) {
    if (receiverType == null) {
      return false;
    }
    Set<String> by = closed.get(key(receiverType, method, arity));
    return by != null && (by.size() > 1 || !by.contains(caller));
  }

  /** The number of methods with evidence (for tests and verbose output). */
  public int size() {
    return closed.size();
  }

  /**
   * A cheap filter for the first pass: only a method that calls something with one of these names
   * (or has a try-with-resources) can close a result, so only such methods are probed.
   */
  public static boolean mayClose(String calledMethod) {
    return calledMethod.toLowerCase(Locale.ROOT).contains("close")
        || Ownership.releasesArguments(calledMethod);
  }
}
