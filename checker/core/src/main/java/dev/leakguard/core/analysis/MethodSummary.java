package dev.leakguard.core.analysis;

import java.util.Set;

/**
 * What a method with a visible body does with resources, for its callers.
 *
 * @param closesParams parameter indexes closed on some normal path (and not returned): a helper
 *     that closes what it is given, if only on the path the analysis can follow
 * @param ownsParams parameter indexes whose ownership the method takes (stored into a closing
 *     field, handed to an owning callee) on every normal path
 * @param returnsFresh the method returns a resource it acquired: the caller owns it
 * @param returnsBorrowed the method returns a field or a parameter (a getter): the caller does not
 *     own it
 * @param returnsParam the index of the one parameter the method returns (itself, or wrapped in an
 *     object that closes it), or -1: the call's result is that argument, as far as closing goes
 * @param closesParamsWhenThrowing of {@code closesParams}, those also closed when the method
 *     throws (in a finally): a caller whose call throws still has the others open
 * @param returnsSelfClosing the fresh resource returned is set to close with its children (a
 *     statement after closeOnCompletion()): the caller needs a child of it, not a close
 * @param returnsReceiver every return of the method returns {@code this} (a fluent method of a
 *     resource class): the call's result is its receiver
 * @param returnsChildOf the index of the parameter every fresh resource returned was created from
 *     ({@code return ps.executeQuery()}), or -1: the caller's result is that argument's child
 * @param neverThrows no path of the body leaves it by an exception, whatever its {@code throws}
 *     clause declares (a constructor that only stores its arguments): a call of it does not throw
 * @param returnsHeld every return returns the value of a field the method does not set (the
 *     physical connection a pooled connection holds, the same object on every call): what the
 *     caller gets is the receiver's, even where the model says the method hands out a new one
 * @param returnsDisputed the call may run several bodies that disagree about their result: some
 *     return a fresh resource, some an existing one (neither {@code returnsFresh} nor {@code
 *     returnsBorrowed} is set then); whether the caller owns the result depends on which body runs
 */
public record MethodSummary(
    Set<Integer> closesParams,
    Set<Integer> ownsParams,
    boolean returnsFresh,
    boolean returnsBorrowed,
    int returnsParam,
    Set<Integer> closesParamsWhenThrowing,
    boolean returnsSelfClosing,
    boolean returnsReceiver,
    int returnsChildOf,
    boolean neverThrows,
    boolean returnsHeld,
    boolean returnsDisputed) {

  public static final MethodSummary UNKNOWN = new MethodSummary(Set.of(), Set.of(), false, false, -1);

  /** A summary of one body: bodies disagree only where several are combined. */
  public MethodSummary(
      Set<Integer> closesParams,
      Set<Integer> ownsParams,
      boolean returnsFresh,
      boolean returnsBorrowed,
      int returnsParam,
      Set<Integer> closesParamsWhenThrowing,
      boolean returnsSelfClosing,
      boolean returnsReceiver,
      int returnsChildOf,
      boolean neverThrows,
      boolean returnsHeld) {
    this(closesParams, ownsParams, returnsFresh, returnsBorrowed, returnsParam, closesParamsWhenThrowing,
        returnsSelfClosing, returnsReceiver, returnsChildOf, neverThrows, returnsHeld, false);
  }

  /** A summary of a method that does not return a held field. */
  public MethodSummary(
      Set<Integer> closesParams,
      Set<Integer> ownsParams,
      boolean returnsFresh,
      boolean returnsBorrowed,
      int returnsParam,
      Set<Integer> closesParamsWhenThrowing,
      boolean returnsSelfClosing,
      boolean returnsReceiver,
      int returnsChildOf,
      boolean neverThrows) {
    this(closesParams, ownsParams, returnsFresh, returnsBorrowed, returnsParam, closesParamsWhenThrowing,
        returnsSelfClosing, returnsReceiver, returnsChildOf, neverThrows, false);
  }

  /** A summary whose closes hold on every path, exceptional ones included. */
  public MethodSummary(
      Set<Integer> closesParams, Set<Integer> ownsParams, boolean returnsFresh, boolean returnsBorrowed, int returnsParam) {
    this(closesParams, ownsParams, returnsFresh, returnsBorrowed, returnsParam, closesParams, false, false, -1, false);
  }

  // equals and hashCode are written out, with the values a record's own would give: those are
  // linked on first use (java.lang.runtime.ObjectMethods), which costs a short compilation more
  // than every call of them

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof MethodSummary s
            && returnsFresh == s.returnsFresh
            && returnsBorrowed == s.returnsBorrowed
            && returnsParam == s.returnsParam
            && returnsSelfClosing == s.returnsSelfClosing
            && returnsReceiver == s.returnsReceiver
            && returnsChildOf == s.returnsChildOf
            && neverThrows == s.neverThrows
            && returnsHeld == s.returnsHeld
            && returnsDisputed == s.returnsDisputed
            && java.util.Objects.equals(closesParams, s.closesParams)
            && java.util.Objects.equals(ownsParams, s.ownsParams)
            && java.util.Objects.equals(closesParamsWhenThrowing, s.closesParamsWhenThrowing));
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(closesParams);
    h = 31 * h + java.util.Objects.hashCode(ownsParams);
    h = 31 * h + Boolean.hashCode(returnsFresh);
    h = 31 * h + Boolean.hashCode(returnsBorrowed);
    h = 31 * h + returnsParam;
    h = 31 * h + java.util.Objects.hashCode(closesParamsWhenThrowing);
    h = 31 * h + Boolean.hashCode(returnsSelfClosing);
    h = 31 * h + Boolean.hashCode(returnsReceiver);
    h = 31 * h + returnsChildOf;
    h = 31 * h + Boolean.hashCode(neverThrows);
    h = 31 * h + Boolean.hashCode(returnsHeld);
    return 31 * h + Boolean.hashCode(returnsDisputed);
  }

  /** This summary, for a method whose every return returns {@code this}. */
  public MethodSummary returningReceiver() {
    return new MethodSummary(
        closesParams, ownsParams, false, false, -1, closesParamsWhenThrowing, false, true, -1, neverThrows);
  }

  /** This summary, for a body the front-end could not follow everywhere: it may throw. */
  public MethodSummary mayThrow() {
    return new MethodSummary(
        closesParams, ownsParams, returnsFresh, returnsBorrowed, returnsParam, closesParamsWhenThrowing,
        returnsSelfClosing, returnsReceiver, returnsChildOf, false, returnsHeld, returnsDisputed);
  }

  /**
   * What a call does when it may run any of several bodies (a method and its overrides in the
   * analysed code, or the implementations of an interface method): a parameter that one of them
   * closes or takes counts as closed or taken (precision first); the result is fresh when some
   * body returns a fresh resource and none returns an existing one, borrowed when some body
   * returns an existing one and none a fresh one, and neither when they disagree (names and
   * callers decide then, and {@code returnsDisputed} says so); a parameter is handed back only when every body that hands one back
   * hands back the same one; it returns a held field only when every body does. Null for no
   * bodies.
   */
  public static MethodSummary combine(java.util.Collection<MethodSummary> bodies) {
    MethodSummary one = null;
    int count = 0;
    for (MethodSummary s : bodies) {
      if (s != null) {
        one = s;
        count++;
      }
    }
    if (count <= 1) {
      return one;
    }
    java.util.Set<Integer> closes = new java.util.TreeSet<>();
    java.util.Set<Integer> owns = new java.util.TreeSet<>();
    java.util.Set<Integer> whenThrowing = new java.util.TreeSet<>();
    boolean fresh = false;
    boolean borrowed = false;
    boolean allFresh = true;
    boolean selfClosing = true;
    boolean receiver = true;
    int param = -1;
    int childOf = -2; // not yet seen
    boolean childAgrees = true;
    boolean never = true;
    boolean held = true;
    boolean paramsAgree = true;
    for (MethodSummary s : bodies) {
      if (s == null) {
        continue;
      }
      closes.addAll(s.closesParams());
      owns.addAll(s.ownsParams());
      whenThrowing.addAll(s.closesParamsWhenThrowing());
      fresh |= s.returnsFresh();
      allFresh &= s.returnsFresh() || !s.returnsBorrowed();
      borrowed |= s.returnsBorrowed() && !s.returnsFresh();
      selfClosing &= !s.returnsFresh() || s.returnsSelfClosing();
      receiver &= s.returnsReceiver();
      never &= s.neverThrows();
      held &= s.returnsHeld();
      if (s.returnsFresh()) {
        childAgrees &= childOf == -2 || childOf == s.returnsChildOf();
        childOf = s.returnsChildOf();
      }
      if (s.returnsParam() >= 0) {
        paramsAgree &= param < 0 || param == s.returnsParam();
        param = s.returnsParam();
      }
    }
    owns.removeAll(closes);
    // bodies that disagree (one opens, one hands out an existing one) decide nothing: names do
    boolean mixed = fresh && borrowed;
    return new MethodSummary(
        closes, owns, fresh && !mixed, borrowed && !fresh, paramsAgree ? param : -1, whenThrowing,
        fresh && !mixed && selfClosing, receiver, childAgrees && childOf >= 0 ? childOf : -1, never, held, mixed);
  }
}
