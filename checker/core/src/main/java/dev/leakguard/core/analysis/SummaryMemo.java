package dev.leakguard.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The summaries of the methods of one analysed program, each computed once, for every front-end.
 *
 * <p>A method asked for while its own summary is being computed (recursion) gets {@link
 * MethodSummary#UNKNOWN}. A summary computed under such a cut of a method further up the call
 * chain assumed that method's summary to be UNKNOWN: it is kept for a while, and when that method
 * is done it is kept for good if the assumption was right, and dropped otherwise (then computed
 * again when next asked, with the finished summary to see, and kept). A method's summary thus
 * does not hang on which of its callers happened to be asked first, as long as the cycle it is
 * in is one level deep; large cycles of methods that do nothing with resources are computed once,
 * others at most twice.
 *
 * <p>Safe for threads that each compute their own summaries: the chain of methods being computed
 * is per thread; a summary kept for good is shared.
 *
 * @param <K> what names a method in the front-end
 */
public final class SummaryMemo<K> {
  /** Stands for a null summary (no body to see) in the shared map. */
  private static final MethodSummary NONE =
      new MethodSummary(Set.of(), Set.of(), false, false, -2);

  private final Map<K, MethodSummary> done = new ConcurrentHashMap<>();
  /** Methods whose summary was dropped once for a wrong assumption: kept the next time. */
  private final Set<K> droppedOnce = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Chain<K>> chains = ThreadLocal.withInitial(Chain::new);

  /** The methods one thread is computing, outermost first, and what it keeps for a while. */
  private static final class Chain<K> {
    final List<Frame<K>> frames = new ArrayList<>();
    final Map<K, Integer> depthOf = new HashMap<>();
    /** Summaries computed under a cut, with the depths of the methods they assumed UNKNOWN. */
    final Map<K, Provisional> provisional = new HashMap<>();
    /** How many times this thread was answered with a cut or a provisional summary. */
    long cuts;
  }

  private static final class Frame<K> {
    final K key;
    /** The depths of the unfinished methods whose summary this one assumed UNKNOWN. */
    final Set<Integer> assumed = new HashSet<>();
    /** Provisional summaries that assumed this method's summary UNKNOWN. */
    final List<K> waiting = new ArrayList<>();

    Frame(K key) {
      this.key = key;
    }
  }

  private record Provisional(MethodSummary summary, Set<Integer> assumed) {}

  /**
   * The summary of {@code key}: kept, or computed by {@code compute} (which may ask for other
   * summaries, and may return null for a method with no body to see).
   */
  public MethodSummary get(K key, Function<? super K, MethodSummary> compute) {
    MethodSummary s = done.get(key);
    if (s != null) {
      return s == NONE ? null : s;
    }
    Chain<K> chain = chains.get();
    Integer busy = chain.depthOf.get(key);
    if (busy != null) {
      chain.cuts++;
      assume(chain, Set.of(busy));
      return MethodSummary.UNKNOWN;
    }
    Provisional p = chain.provisional.get(key);
    if (p != null) {
      chain.cuts++;
      assume(chain, p.assumed());
      return p.summary() == NONE ? null : p.summary();
    }
    int depth = chain.frames.size();
    Frame<K> frame = new Frame<>(key);
    chain.frames.add(frame);
    chain.depthOf.put(key, depth);
    MethodSummary computed = null;
    boolean ok = false;
    try {
      computed = compute.apply(key);
      ok = true;
    } finally {
      chain.frames.remove(depth);
      chain.depthOf.remove(key);
      frame.assumed.remove(depth); // a method may assume itself: that is the recursion cut
      // UNKNOWN itself, not an equal summary: callers tell it apart by identity (a body that does
      // nothing with its parameters is no body too odd to follow, whose call names decide)
      boolean right = ok && computed == MethodSummary.UNKNOWN;
      for (K w : frame.waiting) {
        Provisional waiting = chain.provisional.remove(w);
        if (waiting == null) {
          continue;
        }
        if (right) {
          keep(chain, w, waiting.summary(), without(waiting.assumed(), depth));
        } else {
          droppedOnce.add(w);
        }
      }
      if (ok) {
        keep(chain, key, computed == null ? NONE : computed, frame.assumed);
        assume(chain, frame.assumed);
      }
      if (chain.frames.isEmpty()) {
        chain.provisional.clear();
      }
    }
    return computed;
  }

  /**
   * Keeps a summary for good if it assumed nothing, or if it was dropped once already (computed
   * again, it saw the finished summaries of the methods it first assumed UNKNOWN: bounding the
   * recomputation keeps large cycles of methods linear); else until the methods it assumed are
   * done.
   */
  private void keep(Chain<K> chain, K key, MethodSummary summary, Set<Integer> assumed) {
    if (assumed.isEmpty() || droppedOnce.contains(key)) {
      done.put(key, summary);
      return;
    }
    chain.provisional.put(key, new Provisional(summary, Set.copyOf(assumed)));
    for (int d : assumed) {
      chain.frames.get(d).waiting.add(key);
    }
  }

  private static Set<Integer> without(Set<Integer> set, int d) {
    Set<Integer> out = new HashSet<>(set);
    out.remove(d);
    return out;
  }

  /** The method being computed now assumed UNKNOWN the summaries of those at {@code depths}. */
  private static <K> void assume(Chain<K> chain, Set<Integer> depths) {
    if (chain.frames.isEmpty() || depths.isEmpty()) {
      return;
    }
    chain.frames.get(chain.frames.size() - 1).assumed.addAll(depths);
  }

  /**
   * How many answers this thread has had so far that hang on the methods it is computing: an
   * UNKNOWN for a method being computed, or a summary kept only for a while. A front-end that
   * derives something from summaries may keep it for good when this count did not change while it
   * derived it: every summary it saw was kept for good, so deriving it again gives the same.
   */
  public long cuts() {
    return chains.get().cuts;
  }

  /** Forgets every kept summary (between the passes of an analysis). */
  public void clear() {
    done.clear();
    droppedOnce.clear();
  }
}
