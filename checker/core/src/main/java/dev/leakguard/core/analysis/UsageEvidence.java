package dev.leakguard.core.analysis;

import java.util.Locale;
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
  private final Set<String> closed = ConcurrentHashMap.newKeySet();

  /** The key of a called method: {@code receiverType#name/arity}. */
  public static String key(String receiverType, String method, int arity) {
    return receiverType + "#" + method + "/" + arity;
  }

  /** Records that a caller closes a result of the method with this key. */
  public void recordClosed(String key) {
    closed.add(key);
  }

  /** True if a caller in the analysed code closes a result of this method on this receiver type. */
  public boolean closedByCallers(String receiverType, String method, int arity) {
    return receiverType != null && closed.contains(key(receiverType, method, arity));
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
