package dev.leakguard.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Summaries kept by {@link SummaryMemo} do not depend on the order they are asked in. A small
 * program of methods stands for the front-ends' bodies: a method returns a fresh resource when it
 * acquires one itself or when a method it calls (and returns the result of) does.
 */
class SummaryMemoTest {

  private static final MethodSummary FRESH = new MethodSummary(Set.of(), Set.of(), true, false, -1);
  private static final MethodSummary NOT_FRESH = new MethodSummary(Set.of(), Set.of(), false, false, -1);

  /** A program: which methods acquire a resource themselves, and which methods each calls. */
  private static final class Program {
    final Set<String> acquiring;
    final Map<String, List<String>> calls;
    final SummaryMemo<String> memo = new SummaryMemo<>();
    final List<String> computed = new ArrayList<>();
    /** Methods whose bodies are too odd to follow: their summary is UNKNOWN. */
    final Set<String> unknown = new java.util.HashSet<>();
    /** Methods whose bodies hang on a decision outside the summaries (they taint theirs). */
    final Set<String> decidedOutside = new java.util.HashSet<>();
    /** As {@link #decidedOutside}, for their first computation only. */
    final Set<String> decidedOutsideOnce = new java.util.HashSet<>();

    Program(Set<String> acquiring, Map<String, List<String>> calls) {
      this.acquiring = acquiring;
      this.calls = calls;
    }

    MethodSummary summary(String m) {
      return memo.get(m, this::compute);
    }

    private MethodSummary compute(String m) {
      computed.add(m);
      if (!calls.containsKey(m)) {
        return null; // no body
      }
      boolean fresh = acquiring.contains(m);
      if (decidedOutside.contains(m) || decidedOutsideOnce.remove(m)) {
        memo.taint();
      }
      for (String callee : calls.get(m)) {
        MethodSummary s = summary(callee);
        fresh |= s != null && s.returnsFresh();
      }
      if (unknown.contains(m)) {
        return MethodSummary.UNKNOWN;
      }
      return fresh ? FRESH : NOT_FRESH;
    }
  }

  /** a acquires and calls b; b returns what a returns: both are fresh, whichever is asked first. */
  private static Program cycle() {
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("a", List.of("b"));
    calls.put("b", List.of("a"));
    return new Program(Set.of("a"), calls);
  }

  @Test
  void aSummaryComputedUnderACutOfItsCallerIsNotKept() {
    Program p = cycle();
    assertSame(FRESH, p.summary("a"));
    // b was computed while a was unfinished (a counted as UNKNOWN then); asked now, b sees a's
    // finished summary
    assertSame(FRESH, p.summary("b"));
  }

  @Test
  void theOtherOrderGivesTheSameSummaries() {
    Program p = cycle();
    assertSame(FRESH, p.summary("b"));
    assertSame(FRESH, p.summary("a"));
  }

  @Test
  void summariesWithoutRecursionAreComputedOnce() {
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("top", List.of("mid", "mid", "leaf"));
    calls.put("mid", List.of("leaf", "library"));
    calls.put("leaf", List.of());
    Program p = new Program(Set.of("leaf"), calls);
    assertSame(FRESH, p.summary("top"));
    assertSame(FRESH, p.summary("mid"));
    assertNull(p.summary("library"));
    assertEquals(List.of("top", "mid", "leaf", "library"), p.computed);
  }

  @Test
  void aSelfRecursiveMethodIsComputedAgainWithItsOwnSummary() {
    // first with UNKNOWN for the recursive call, then with what that gave, which holds
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("self", List.of("self"));
    Program p = new Program(Set.of(), calls);
    assertSame(NOT_FRESH, p.summary("self"));
    assertSame(NOT_FRESH, p.summary("self"));
    assertEquals(List.of("self", "self"), p.computed);
  }

  @Test
  void aProvisionalSummaryIsReusedWithinARound() {
    // a calls b twice; b calls a: b is computed once per round of the cycle, then kept
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("a", List.of("b", "b"));
    calls.put("b", List.of("a"));
    Program p = new Program(Set.of("a"), calls);
    p.summary("a");
    assertEquals(List.of("a", "b", "a", "b"), p.computed);
    assertSame(FRESH, p.summary("b"));
    assertEquals(List.of("a", "b", "a", "b"), p.computed);
  }

  @Test
  void aCycleThroughABodyTooOddToFollowIsComputedOnce() {
    // the UNKNOWN assumed at each cut is what the method's summary turns out to be
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("a", List.of("b"));
    calls.put("b", List.of("c"));
    calls.put("c", List.of("a"));
    Program p = new Program(Set.of(), calls);
    p.unknown.add("a");
    assertSame(MethodSummary.UNKNOWN, p.summary("a"));
    assertEquals(NOT_FRESH, p.summary("b"));
    assertEquals(NOT_FRESH, p.summary("c"));
    assertEquals(List.of("a", "b", "c"), p.computed);
  }

  @Test
  void aBodyThatDoesNothingIsNoUnknownBody() {
    // a's summary equals UNKNOWN field by field, but a caller follows a body it sees and falls back
    // on names for UNKNOWN: what b and c built on the cut is computed again
    assertEquals(MethodSummary.UNKNOWN, NOT_FRESH);
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("a", List.of("b"));
    calls.put("b", List.of("c"));
    calls.put("c", List.of("a", "b"));
    Program p = new Program(Set.of(), calls);
    assertEquals(NOT_FRESH, p.summary("a"));
    assertEquals(NOT_FRESH, p.summary("b"));
    assertEquals(NOT_FRESH, p.summary("c"));
    assertEquals(List.of("a", "b", "c", "a", "b", "c"), p.computed);
  }

  @Test
  void aWrongAssumptionDropsEverySummaryBuiltOnIt() {
    // c acquires; a and b reach it only through the cycle back to a
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("a", List.of("b", "c"));
    calls.put("b", List.of("a"));
    calls.put("c", List.of());
    Program p = new Program(Set.of("c"), calls);
    assertSame(FRESH, p.summary("a"));
    assertSame(FRESH, p.summary("b"));
  }

  @Test
  void aMethodComputedAgainUnderAnUnfinishedCallerSeesWhatThatCallerCameTo() {
    // h heads the cycle; m is computed while h is unfinished, then again after an inner cycle
    // through x ends, still under h; only h's second round gives m a true picture of h
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("h", List.of("x", "m"));
    calls.put("x", List.of("m", "x2"));
    calls.put("x2", List.of("x"));
    calls.put("m", List.of("h"));
    Program p = new Program(Set.of("h"), calls);
    assertSame(FRESH, p.summary("h"));
    assertSame(FRESH, p.summary("m"));
    assertSame(FRESH, p.summary("x"));
    assertSame(FRESH, p.summary("x2"));
  }

  @Test
  void everyOrderOfAskingGivesTheSameSummaries() {
    // random programs of up to six methods, each with up to three calls, some acquiring: whichever
    // method is asked first, each summary is whether an acquiring method can be reached
    java.util.Random random = new java.util.Random(11);
    for (int program = 0; program < 300; program++) {
      int n = 2 + random.nextInt(5);
      Map<String, List<String>> calls = new HashMap<>();
      Set<String> acquiring = new java.util.HashSet<>();
      for (int i = 0; i < n; i++) {
        List<String> callees = new ArrayList<>();
        for (int c = random.nextInt(4); c > 0; c--) {
          callees.add("m" + random.nextInt(n));
        }
        calls.put("m" + i, callees);
        if (random.nextInt(4) == 0) {
          acquiring.add("m" + i);
        }
      }
      for (int first = 0; first < n; first++) {
        Program p = new Program(acquiring, calls);
        p.summary("m" + first);
        for (int i = 0; i < n; i++) {
          boolean reaches = reaches(calls, acquiring, "m" + i);
          assertEquals(reaches, p.summary("m" + i).returnsFresh(),
              "program " + program + " " + calls + " acquiring " + acquiring + ", m" + first
                  + " asked first: m" + i);
        }
      }
    }
  }

  private static boolean reaches(Map<String, List<String>> calls, Set<String> acquiring, String from) {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(from));
    Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String m = todo.pop();
      if (seen.add(m)) {
        if (acquiring.contains(m)) {
          return true;
        }
        todo.addAll(calls.getOrDefault(m, List.of()));
      }
    }
    return false;
  }

  @Test
  void aCycleThatNeverSettlesIsKeptAfterTheLastRound() {
    // a summary that flips with what its recursive call is answered: computed MAX_ROUNDS times
    SummaryMemo<String> memo = new SummaryMemo<>();
    int[] computed = {0};
    Function<String, MethodSummary> flip = new Function<>() {
      @Override
      public MethodSummary apply(String k) {
        computed[0]++;
        MethodSummary inner = memo.get(k, this);
        return inner != null && inner.returnsFresh() ? NOT_FRESH : FRESH;
      }
    };
    MethodSummary kept = memo.get("flip", flip);
    assertEquals(SummaryMemo.MAX_ROUNDS, computed[0]);
    assertSame(kept, memo.get("flip", flip));
    assertEquals(SummaryMemo.MAX_ROUNDS, computed[0]);
  }

  @Test
  void aFailedComputationLeavesNothingBehind() {
    SummaryMemo<String> memo = new SummaryMemo<>();
    assertThrows(IllegalStateException.class, () -> memo.get("x", k -> {
      throw new IllegalStateException("cannot lower");
    }));
    // x is no longer taken for a method being computed
    assertSame(FRESH, memo.get("x", k -> FRESH));
  }

  @Test
  void cutsCountTheAnswersThatHangOnUnfinishedMethods() {
    Program p = cycle();
    long before = p.memo.cuts();
    // a and b are final once a is done; b saw a unfinished on the way
    p.summary("a");
    long afterCycle = p.memo.cuts();
    assertTrue(afterCycle > before);
    // asked now, b is computed again from final summaries only, and then kept
    p.summary("b");
    p.summary("a");
    p.summary("b");
    assertEquals(afterCycle, p.memo.cuts());
  }

  /**
   * What a front-end may ask without computing anything: whether a summary is kept for good, and
   * whether this thread is computing one (or holds one until its cycle is done).
   */
  @Test
  void keptAndUnderWayAreToldWithoutComputing() {
    SummaryMemo<String> memo = new SummaryMemo<>();
    List<String> seenInside = new ArrayList<>();
    assertEquals(false, memo.isKept("a"));
    assertEquals(false, memo.isUnderWay("a"));
    memo.get(
        "a",
        a -> {
          seenInside.add("a under way " + memo.isUnderWay("a") + ", kept " + memo.isKept("a"));
          // b calls a back: b is kept for a while, until a is done
          memo.get(
              "b",
              b -> {
                memo.get("a", x -> FRESH);
                return NOT_FRESH;
              });
          seenInside.add("b under way " + memo.isUnderWay("b") + ", kept " + memo.isKept("b"));
          return NOT_FRESH;
        });
    // in every round of the cycle (a's assumption is checked against what it came to)
    assertTrue(seenInside.size() >= 2 && seenInside.size() % 2 == 0, seenInside.toString());
    for (int i = 0; i < seenInside.size(); i += 2) {
      assertEquals(
          List.of("a under way true, kept false", "b under way true, kept false"), seenInside.subList(i, i + 2));
    }
    assertTrue(memo.isKept("a"));
    assertTrue(memo.isKept("b"));
    assertEquals(false, memo.isUnderWay("a"));
    assertEquals(false, memo.isUnderWay("b"));
    // another thread sees what is kept, and nothing under way
    boolean[] other = new boolean[2];
    Thread t = new Thread(() -> {
      other[0] = memo.isKept("a");
      other[1] = memo.isUnderWay("a");
    });
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertTrue(other[0]);
    assertEquals(false, other[1]);
  }
  /**
   * A thread that asks for a summary another thread is computing waits for it instead of computing
   * it too: the body is gone through once, and both threads get the same summary.
   */
  @Test
  void aSummaryUnderWayInAnotherThreadIsWaitedFor() throws Exception {
    SummaryMemo<String> memo = new SummaryMemo<>();
    java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    Thread[] second = new Thread[1];
    List<Boolean> elsewhereInside = java.util.Collections.synchronizedList(new ArrayList<>());
    Function<String, MethodSummary> slow =
        k -> {
          computed.incrementAndGet();
          elsewhereInside.add(memo.isUnderWayElsewhere(k));
          started.countDown();
          // finish only once the other thread waits for this summary
          awaitState(second, Thread.State.WAITING);
          return FRESH;
        };
    MethodSummary[] got = new MethodSummary[2];
    Thread first = new Thread(() -> got[0] = memo.get("a", slow));
    second[0] = new Thread(() -> got[1] = memo.get("a", slow));
    first.start();
    started.await();
    assertTrue(memo.isUnderWayElsewhere("a"), "seen from another thread");
    second[0].start();
    first.join(10_000);
    second[0].join(10_000);
    assertEquals(1, computed.get(), "computed once");
    assertEquals(List.of(false), elsewhereInside, "not elsewhere for the thread computing it");
    assertEquals(false, memo.isUnderWayElsewhere("a"), "done");
    assertSame(FRESH, got[0]);
    assertSame(FRESH, got[1]);
    assertTrue(memo.isKept("a"));
  }

  /** A thread that is not to wait computes a summary under way in another thread itself, at once. */
  @Test
  void aThreadThatIsNotToWaitComputesTheSummaryItself() throws Exception {
    SummaryMemo<String> memo = new SummaryMemo<>();
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    MethodSummary[] got = new MethodSummary[1];
    Thread first =
        new Thread(
            () ->
                got[0] =
                    memo.get(
                        "a",
                        k -> {
                          started.countDown();
                          await(release);
                          return FRESH;
                        }));
    first.start();
    started.await();
    assertSame(FRESH, memo.getWithoutWaiting("a", k -> FRESH), "computed here while the other is under way");
    assertTrue(first.isAlive(), "the other thread is still computing it");
    release.countDown();
    first.join(10_000);
    assertSame(FRESH, got[0]);
  }

  /**
   * Two threads each computing a summary that needs the other's: the one that would wait for a
   * thread already waiting for it computes the summary itself, and neither waits for ever.
   */
  @Test
  void threadsThatWouldWaitForEachOtherDoNot() throws Exception {
    SummaryMemo<String> memo = new SummaryMemo<>();
    java.util.concurrent.CyclicBarrier bothStarted = new java.util.concurrent.CyclicBarrier(2);
    Thread[] threads = new Thread[2];
    List<String> computed = java.util.Collections.synchronizedList(new ArrayList<>());
    // a calls b and b calls a: a acquires, so both return a fresh resource
    Map<String, String> callee = Map.of("a", "b", "b", "a");
    java.util.concurrent.atomic.AtomicReference<Function<String, MethodSummary>> body =
        new java.util.concurrent.atomic.AtomicReference<>();
    body.set(
        k -> {
          computed.add(k + " in " + Thread.currentThread().getName());
          if (computed.size() <= 2) {
            await(bothStarted);
            if (k.equals("b")) {
              // b's thread asks for a only once a's thread waits for b
              awaitState(threads, Thread.State.WAITING);
            }
          }
          MethodSummary s = memo.get(callee.get(k), body.get());
          return k.equals("a") || (s != null && s.returnsFresh()) ? FRESH : NOT_FRESH;
        });
    MethodSummary[] got = new MethodSummary[2];
    threads[0] = new Thread(() -> got[0] = memo.get("a", body.get()), "A");
    threads[1] = new Thread(() -> got[1] = memo.get("b", body.get()), "B");
    threads[0].start();
    threads[1].start();
    threads[0].join(10_000);
    threads[1].join(10_000);
    assertEquals(false, threads[0].isAlive() || threads[1].isAlive(), "a thread still waits: " + computed);
    assertSame(FRESH, got[0]);
    assertSame(FRESH, got[1]);
    assertSame(FRESH, memo.get("a", k -> NOT_FRESH));
    assertSame(FRESH, memo.get("b", k -> NOT_FRESH));
  }

  /** The methods each of this program's summaries is tainted for, asked in this order. */
  private static Set<String> tainted(Program p, String... asked) {
    for (String m : asked) {
      p.summary(m);
    }
    Set<String> out = new java.util.TreeSet<>();
    for (String m : p.calls.keySet()) {
      if (p.memo.isTainted(m)) {
        assertTrue(p.memo.isKept(m), m + " is tainted but not kept");
        out.add(m);
      }
    }
    return out;
  }

  /**
   * A taint reaches the callers of its method, up the chain and through kept summaries, but not
   * the methods it calls, nor another caller's siblings.
   */
  @Test
  void aTaintReachesTheCallersOfItsMethodOnly() {
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("top", List.of("mid", "clean"));
    calls.put("mid", List.of("leaf"));
    calls.put("leaf", List.of("below"));
    calls.put("below", List.of());
    calls.put("clean", List.of("below"));
    calls.put("later", List.of("leaf")); // asked after leaf is kept
    calls.put("other", List.of("clean"));
    Program p = new Program(Set.of(), calls);
    p.decidedOutside.add("leaf");
    assertEquals(Set.of("later", "leaf", "mid", "top"), tainted(p, "top", "later", "other"));
  }

  /**
   * Every method of a cycle is tainted when one of them is, whichever is asked first and whichever
   * of them is; a cycle of untainted methods, each computed under an assumption, is not.
   */
  @Test
  void aTaintSpreadsOverItsCycle() {
    for (String decided : List.of("a", "b", "c")) {
      for (String first : List.of("a", "b", "c", "entry")) {
        Map<String, List<String>> calls = new HashMap<>();
        calls.put("entry", List.of("a"));
        calls.put("a", List.of("b", "out"));
        calls.put("b", List.of("c"));
        calls.put("c", List.of("a"));
        calls.put("out", List.of());
        Program p = new Program(Set.of("a"), calls);
        p.decidedOutside.add(decided);
        assertEquals(
            Set.of("a", "b", "c", "entry"), tainted(p, first, "entry"), decided + " tainted, " + first + " first");
      }
    }
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("a", List.of("b"));
    calls.put("b", List.of("a"));
    Program p = new Program(Set.of("a"), calls);
    assertEquals(Set.of(), tainted(p, "b", "a"));
    assertTrue(p.memo.cuts() > 0, "computed under an assumption");
  }

  /** A taint stays over the rounds of a cycle computed again, and is forgotten with the summaries. */
  @Test
  void aTaintOfAnEarlierRoundStays() {
    // b is computed in a's first round, under a's UNKNOWN; the taint of that round is kept
    Map<String, List<String>> calls = new HashMap<>();
    calls.put("a", List.of("b"));
    calls.put("b", List.of("a"));
    Program p = new Program(Set.of("a"), calls);
    p.decidedOutsideOnce.add("b");
    assertEquals(Set.of("a", "b"), tainted(p, "a"));
    assertEquals(List.of("a", "b", "a", "b"), p.computed, "b computed again, untainted");
    p.memo.clear();
    assertEquals(false, p.memo.isTainted("a"));
  }

  /** Another memo's summaries are taken over where accepted, and never over one kept already. */
  @Test
  void summariesOfAnotherPassAreTakenOverWhereAccepted() {
    SummaryMemo<String> first = new SummaryMemo<>();
    first.get("a", k -> FRESH);
    first.get("b", k -> FRESH);
    first.get("c", k -> FRESH);
    SummaryMemo<String> second = new SummaryMemo<>();
    second.get("b", k -> NOT_FRESH);
    second.keepFrom(first, k -> !k.equals("c"));
    assertSame(FRESH, second.get("a", k -> NOT_FRESH), "taken over");
    assertSame(NOT_FRESH, second.get("b", k -> FRESH), "kept already: stays");
    assertEquals(false, second.isKept("c"), "not accepted");
    assertSame(NOT_FRESH, second.get("c", k -> NOT_FRESH));
  }

  /** Waits (up to ten seconds) until {@code thread[0]} is started and in {@code state}. */
  private static void awaitState(Thread[] thread, Thread.State state) {
    long end = System.nanoTime() + 10_000_000_000L;
    while ((thread[0] == null || thread[0].getState() != state) && System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(java.util.concurrent.CyclicBarrier barrier) {
    try {
      barrier.await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
