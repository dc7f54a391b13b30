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
 * <p>Methods that call each other (a cycle of the call graph, found as it is walked) are summarised
 * together. A method asked for while its own summary is being computed (recursion) is answered
 * with an assumption, at first {@link MethodSummary#UNKNOWN}. The first method of the cycle to be
 * asked (its head) is finished last; every summary computed in the cycle before that is kept only
 * for a while. When the head is finished, the methods that turned out other than what was assumed
 * for them are known, and so are the summaries that used such an assumption, directly or through
 * another such summary: only those are computed again, in another round of the head, each
 * recursive call now answered with the summary its method came to the last time, until the
 * assumptions hold or {@link #MAX_ROUNDS} rounds are done; then every summary of the cycle is kept
 * for good. (When the head itself used no wrong assumption, it is kept at once, and the summaries
 * that did are computed again when next asked.) A method's summary thus does not hang on which
 * method of its cycle happened to be asked first, and no cycle costs more than {@link #MAX_ROUNDS}
 * times its size.
 *
 * <p>Safe for threads that each compute their own summaries: the chain of methods being computed
 * is per thread; a summary kept for good is shared. A thread that asks for a summary another
 * thread is computing waits for it ({@link #get}; unless that thread waits for this one), or
 * computes it too ({@link #getWithoutWaiting}).
 *
 * <p>A front-end may tell that the computation under way hangs on something other than summaries
 * ({@link #taint}): such a summary is tainted, and so is every summary that used a tainted one, and
 * every summary of a cycle one of whose methods is tainted ({@link #isTainted}). The others are
 * what the same program's summaries come to whatever the front-end decides outside them.
 *
 * @param <K> what names a method in the front-end
 */
public final class SummaryMemo<K> {
  /** Stands for a null summary (no body to see) in the shared map. */
  private static final MethodSummary NONE = new MethodSummary(Set.of(), Set.of(), false, false, -2);

  /** How many times a cycle is computed at most. */
  static final int MAX_ROUNDS = 4;

  private final Map<K, MethodSummary> done = new ConcurrentHashMap<>();
  /** The kept summaries that are tainted (see {@link #taint}); added to before {@link #done}. */
  private final Set<K> tainted = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Chain<K>> chains = ThreadLocal.withInitial(Chain::new);

  /** Guards {@link #underWay} and {@link #waitingFor}; waited on for a summary under way elsewhere. */
  private final Object lock = new Object();
  /** The thread computing each summary, where another thread may ask for it meanwhile. */
  private final Map<K, Thread> underWay = new HashMap<>();
  /** The summary each waiting thread waits for. */
  private final Map<Thread, K> waitingFor = new HashMap<>();

  /** The methods one thread is computing, outermost first, and what it keeps for a while. */
  private static final class Chain<K> {
    final List<Frame<K>> frames = new ArrayList<>();
    final Map<K, Integer> depthOf = new HashMap<>();
    /** Summaries of unfinished cycles. */
    final Map<K, Provisional<K>> provisional = new HashMap<>();
    /** The last summary computed for a method of an unfinished cycle. */
    final Map<K, MethodSummary> last = new HashMap<>();
    /** How many times this thread was answered with an assumption or a provisional summary. */
    long cuts;
  }

  private static final class Frame<K> {
    final K key;
    /** What a recursive call of this method is answered with while it is computed. */
    final MethodSummary assumed;
    /** The smallest depth of an unfinished method this computation hangs on. */
    int low = Integer.MAX_VALUE;
    /** A recursive call of this method was answered with {@link #assumed}. */
    boolean cutOn;
    /** The methods whose assumed summaries this computation used. */
    final Set<K> usedAssumed = new HashSet<>();
    /** The methods whose provisional summaries this computation used. */
    final Set<K> usedProvisional = new HashSet<>();
    /** The methods whose provisional summaries wait for this one, as the head of their cycle. */
    final List<K> members = new ArrayList<>();
    /** This computation hangs on something other than summaries, or used a tainted summary. */
    boolean tainted;

    Frame(K key, MethodSummary assumed) {
      this.key = key;
      this.assumed = assumed;
    }
  }

  /**
   * A summary of an unfinished cycle: the depth of the head it waits for, what it used, and whether
   * it turned out other than what was assumed for it.
   */
  private record Provisional<K>(
      MethodSummary summary, int head, Set<K> usedAssumed, Set<K> usedProvisional, boolean wrong,
      boolean tainted) {
    Provisional<K> under(int newHead) {
      return new Provisional<>(summary, newHead, usedAssumed, usedProvisional, wrong, tainted);
    }

    /** Kept for the next round of its head: what it assumed of nothing, nobody assumed of it. */
    Provisional<K> keptForNextRound() {
      return new Provisional<>(summary, head, Set.of(), Set.of(), false, tainted);
    }
  }

  /**
   * The summary of {@code key}: kept, or computed by {@code compute} (which may ask for other
   * summaries, and may return null for a method with no body to see).
   */
  public MethodSummary get(K key, Function<? super K, MethodSummary> compute) {
    return get(key, compute, true);
  }

  /**
   * As {@link #get}, but a summary another thread is computing is computed here too, at once: for
   * a thread that has nothing else to do meanwhile, and may find other parts of that computation
   * to do first (see {@link #isUnderWayElsewhere}).
   */
  public MethodSummary getWithoutWaiting(K key, Function<? super K, MethodSummary> compute) {
    return get(key, compute, false);
  }

  private MethodSummary get(K key, Function<? super K, MethodSummary> compute, boolean wait) {
    MethodSummary s = done.get(key);
    if (s != null) {
      if (!tainted.isEmpty() && tainted.contains(key)) {
        taint();
      }
      return orNull(s);
    }
    Chain<K> chain = chains.get();
    Integer busy = chain.depthOf.get(key);
    if (busy != null) {
      chain.cuts++;
      Frame<K> cut = chain.frames.get(busy);
      cut.cutOn = true;
      Frame<K> top = hangOn(chain, busy);
      top.usedAssumed.add(key);
      return orNull(cut.assumed);
    }
    Provisional<K> p = chain.provisional.get(key);
    if (p != null) {
      chain.cuts++;
      Frame<K> top = hangOn(chain, p.head());
      if (top != null) {
        top.usedProvisional.add(key);
      }
      return orNull(p.summary());
    }
    MethodSummary other = awaitOrClaim(key, wait);
    if (other == null) {
      try {
        other = compute(key, compute, chain);
      } finally {
        release(key);
      }
    }
    if (tainted.contains(key)) {
      taint(); // the caller used it
    }
    return orNull(other);
  }

  /** Computes the summary of {@code key}, asked for by {@link #get}, with the rounds of its cycle. */
  private MethodSummary compute(K key, Function<? super K, MethodSummary> compute, Chain<K> chain) {
    int depth = chain.frames.size();
    MethodSummary assumed = chain.last.getOrDefault(key, MethodSummary.UNKNOWN);
    List<K> kept = List.of();
    // a round's taint stays for the next ones: what the cycle comes to hangs on it all the same
    boolean cycleTainted = false;
    for (int round = 1; ; round++) {
      Frame<K> frame = new Frame<>(key, assumed);
      frame.tainted = cycleTainted;
      frame.members.addAll(kept);
      chain.frames.add(frame);
      chain.depthOf.put(key, depth);
      MethodSummary computed;
      try {
        computed = compute.apply(key);
      } catch (RuntimeException | Error e) {
        pop(chain, frame, depth);
        for (K m : frame.members) {
          chain.provisional.remove(m);
        }
        hangOn(chain, frame.low);
        endChain(chain);
        throw e;
      }
      pop(chain, frame, depth);
      MethodSummary result = computed == null ? NONE : computed;
      boolean wrong = frame.cutOn && !holds(assumed, result);
      if (frame.low < depth) {
        // one method of a cycle whose head is further up: kept until the head is done
        Frame<K> head = chain.frames.get(frame.low);
        chain.last.put(key, result);
        chain.provisional.put(
            key,
            new Provisional<>(result, frame.low, Set.copyOf(frame.usedAssumed),
                Set.copyOf(frame.usedProvisional), wrong, frame.tainted));
        head.members.add(key);
        for (K m : frame.members) {
          chain.provisional.put(m, chain.provisional.get(m).under(frame.low));
          head.members.add(m);
        }
        // the caller uses this provisional summary as if it had asked for it again
        hangOn(chain, frame.low).usedProvisional.add(key);
        return computed;
      }
      cycleTainted |= frame.tainted;
      for (K m : frame.members) {
        cycleTainted |= chain.provisional.get(m).tainted();
      }
      Set<K> redo = toRedo(chain, frame, wrong);
      if (redo.contains(key) && round < MAX_ROUNDS) {
        // the head of a cycle built on a wrong assumption: the cycle once more, what used none
        // kept, each recursive call answered with what its method came to this time
        List<K> stay = new ArrayList<>();
        for (K m : frame.members) {
          if (redo.contains(m)) {
            chain.provisional.remove(m);
          } else {
            chain.provisional.put(m, chain.provisional.get(m).keptForNextRound());
            stay.add(m);
          }
        }
        kept = stay;
        chain.last.put(key, result);
        assumed = result;
        continue;
      }
      boolean lastRound = round >= MAX_ROUNDS;
      if (cycleTainted) {
        tainted.add(key);
      }
      done.put(key, result);
      chain.last.remove(key);
      for (K m : frame.members) {
        Provisional<K> mp = chain.provisional.remove(m);
        if (lastRound || !redo.contains(m)) {
          if (cycleTainted) {
            tainted.add(m);
          }
          done.put(m, mp.summary());
          chain.last.remove(m);
        }
      }
      endChain(chain);
      return computed;
    }
  }

  /**
   * Waits while another thread computes the summary of {@code key} (if {@code wait}), and returns it
   * once that thread has kept it; null if this thread is to compute it (no other thread does, that
   * thread is done without keeping it, waiting for it could wait for this thread itself, or this
   * thread is not to wait), noted as computing it unless another thread already is. Without this,
   * threads whose files call into the same methods computed the same long chains of summaries side
   * by side (on hibernate-core, two threads computed 2.5 summaries per method, one thread 1.4).
   */
  private MethodSummary awaitOrClaim(K key, boolean wait) {
    Thread me = Thread.currentThread();
    synchronized (lock) {
      while (true) {
        MethodSummary s = done.get(key);
        if (s != null) {
          return s;
        }
        Thread owner = underWay.get(key);
        if (owner == null) {
          underWay.put(key, me);
          return null;
        }
        if (!wait || owner == me || waitsFor(owner, me)) {
          return null;
        }
        waitingFor.put(me, key);
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        } finally {
          waitingFor.remove(me);
        }
      }
    }
  }

  /** True if {@code from} waits, through the threads it waits for, for thread {@code to}. */
  private boolean waitsFor(Thread from, Thread to) {
    Thread t = from;
    for (int hops = 0; hops <= waitingFor.size(); hops++) {
      K awaited = waitingFor.get(t);
      t = awaited == null ? null : underWay.get(awaited);
      if (t == null) {
        return false;
      }
      if (t == to) {
        return true;
      }
    }
    return false;
  }

  /** Ends this thread's computation of {@code key}, if it was noted as computing it. */
  private void release(K key) {
    synchronized (lock) {
      if (underWay.get(key) == Thread.currentThread()) {
        underWay.remove(key);
        if (!waitingFor.isEmpty()) {
          lock.notifyAll();
        }
      }
    }
  }

  /**
   * The methods of the cycle {@code head} finished that used a wrong assumption, directly or
   * through the provisional summary of another such method.
   */
  private static <K> Set<K> toRedo(Chain<K> chain, Frame<K> head, boolean headWrong) {
    Set<K> wrong = new HashSet<>();
    if (headWrong) {
      wrong.add(head.key);
    }
    for (K m : head.members) {
      if (chain.provisional.get(m).wrong()) {
        wrong.add(m);
      }
    }
    Set<K> redo = new HashSet<>();
    if (wrong.isEmpty()) {
      return redo;
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (K m : head.members) {
        if (!redo.contains(m)) {
          Provisional<K> mp = chain.provisional.get(m);
          if (usesAny(mp.usedAssumed(), wrong) || usesAny(mp.usedProvisional(), redo)) {
            grew |= redo.add(m);
          }
        }
      }
    }
    if (usesAny(head.usedAssumed, wrong) || usesAny(head.usedProvisional, redo)) {
      redo.add(head.key);
    }
    return redo;
  }

  private static <K> boolean usesAny(Set<K> used, Set<K> of) {
    for (K k : used) {
      if (of.contains(k)) {
        return true;
      }
    }
    return false;
  }

  private static MethodSummary orNull(MethodSummary s) {
    return s == NONE ? null : s;
  }

  /**
   * True if a summary computed under an assumption is what was assumed: UNKNOWN itself, not an
   * equal summary, for UNKNOWN (callers tell it apart by identity: a body that does nothing with its
   * parameters is no body too odd to follow, whose call names decide).
   */
  private static boolean holds(MethodSummary assumed, MethodSummary result) {
    return assumed == MethodSummary.UNKNOWN ? result == assumed : result.equals(assumed);
  }

  private static <K> void pop(Chain<K> chain, Frame<K> frame, int depth) {
    chain.frames.remove(depth);
    chain.depthOf.remove(frame.key);
  }

  /**
   * The method being computed now hangs on the unfinished method at {@code depth}; returns its
   * frame (null when none is being computed).
   */
  private static <K> Frame<K> hangOn(Chain<K> chain, int depth) {
    if (chain.frames.isEmpty()) {
      return null;
    }
    Frame<K> top = chain.frames.get(chain.frames.size() - 1);
    if (depth != Integer.MAX_VALUE) {
      top.low = Math.min(top.low, depth);
    }
    return top;
  }

  private static <K> void endChain(Chain<K> chain) {
    if (chain.frames.isEmpty()) {
      chain.provisional.clear();
      chain.last.clear();
    }
  }

  /**
   * How many answers this thread has had so far that hang on the methods it is computing: an
   * assumption for a method being computed, or a summary kept only for a while. A front-end that
   * derives something from summaries may keep it for good when this count did not change while it
   * derived it: every summary it saw was kept for good, so deriving it again gives the same.
   */
  public long cuts() {
    return chains.get().cuts;
  }

  /**
   * Tells that the summary this thread is computing hangs on something other than summaries: a
   * decision the front-end makes otherwise in another pass, say. Nothing when it computes none.
   */
  public void taint() {
    List<Frame<K>> frames = chains.get().frames;
    if (!frames.isEmpty()) {
      frames.get(frames.size() - 1).tainted = true;
    }
  }

  /**
   * True if the summary of {@code key} is kept and tainted: its computation was {@linkplain #taint
   * tainted}, or it used a tainted summary, or a method of its cycle is tainted.
   */
  public boolean isTainted(K key) {
    return tainted.contains(key);
  }

  /**
   * True if the summary of {@code key} is kept for good: {@link #get} answers it at once, computing
   * nothing and changing nothing.
   */
  public boolean isKept(K key) {
    return done.containsKey(key);
  }

  /**
   * True if this thread is computing the summary of {@code key}, or holds one of it until the head
   * of its cycle is done: {@link #get} answers it with an assumption or that summary, computing
   * nothing.
   */
  public boolean isUnderWay(K key) {
    Chain<K> chain = chains.get();
    return chain.depthOf.containsKey(key) || chain.provisional.containsKey(key);
  }

  /**
   * Keeps for good the summaries {@code other} keeps of the methods {@code which} accepts (those
   * another pass computed as this one would), unless this memo keeps one already.
   */
  public void keepFrom(SummaryMemo<K> other, java.util.function.Predicate<? super K> which) {
    other.done.forEach(
        (k, s) -> {
          if (which.test(k)) {
            done.putIfAbsent(k, s);
          }
        });
  }

  /**
   * True if another thread is computing the summary of {@code key}: {@link #get} would wait for
   * it, unless that thread waits for this one.
   */
  public boolean isUnderWayElsewhere(K key) {
    synchronized (lock) {
      Thread owner = underWay.get(key);
      return owner != null && owner != Thread.currentThread();
    }
  }

  /** Forgets every kept summary (between the passes of an analysis). */
  public void clear() {
    done.clear();
    tainted.clear();
  }
}
