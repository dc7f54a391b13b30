package dev.leakguard.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.ResourceKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calls whose summary {@link CallEffects#lower} reads only for whether they can throw: which calls
 * those are, that such a call lowers the same without a summary once one of its bodies is known to
 * throw, and that a body that can throw as lowered without its callees' summaries is summarised as
 * throwing, whatever those summaries say.
 */
class ThrowsOnlyTest {
  private static final List<String> SQL = List.of("java.sql.SQLException");
  private static final String POOL = "com.acme.Pool";

  private static CallEffects.SummaryUse use(
      List<MethodRule> rules, ResourceKind resultKind, List<String> thrown, String recv, List<String> args,
      String resultType, String paramType, String receiverType) {
    return CallEffects.summaryUse(
        rules, resultKind, thrown, recv, args, false, resultType, List.of(paramType), receiverType);
  }

  @Test
  void aCallIsAskedOnlyWhetherItThrowsWhenNothingElseOfItsSummaryIsRead() {
    List<String> none = Arrays.asList((String) null);
    assertEquals(CallEffects.SummaryUse.THROWS, use(List.of(), null, SQL, null, none, "void", "java.lang.Object", POOL));
    // a tracked receiver is returned only by a method whose result can hold it
    assertEquals(CallEffects.SummaryUse.THROWS, use(List.of(), null, SQL, "p", none, "int", "java.lang.Object", POOL));
    assertEquals(
        CallEffects.SummaryUse.ALL, use(List.of(), null, SQL, "p", none, "java.lang.Object", "java.lang.Object", POOL));
    // what it does with a tracked argument, a resource it returns, what a model acquisition returns
    assertEquals(
        CallEffects.SummaryUse.ALL,
        use(List.of(), null, SQL, null, List.of("s"), "void", "java.lang.Object", POOL));
    assertEquals(
        CallEffects.SummaryUse.ALL,
        use(List.of(), ResourceKind.CONNECTION, SQL, null, none, "java.sql.Connection", "java.lang.Object", POOL));
    List<MethodRule> acquires = List.of(new MethodRule.Acquire(ResourceKind.CONNECTION, MethodRule.Parent.NONE, 0, "test"));
    assertEquals(CallEffects.SummaryUse.ALL, use(acquires, null, SQL, null, none, "void", "java.lang.Object", POOL));
    // the platform's declared exceptions stand: nothing is read
    assertEquals(
        CallEffects.SummaryUse.NONE, use(List.of(), null, SQL, null, none, "void", "java.lang.Object", "java.sql.Connection"));
    // nothing to excuse, nothing to read
    assertEquals(
        CallEffects.SummaryUse.NONE, use(List.of(), null, List.of(), null, none, "void", "java.lang.Object", POOL));
  }

  /** A void call of {@code check()} on a {@link #POOL}, declaring SQLException, one Object parameter. */
  private static CallEffects.Call check(MethodSummary summary) {
    return new CallEffects.Call(
        "check", false, List.of(), Set.of(), List.of(Set.of()), Arrays.asList((ResourceKind) null), summary,
        null, false, false, true, SQL, false, null, POOL, false, () -> false, null,
        List.of("java.lang.Object"), List.of("o"), Set.of(), List.of(), false);
  }

  /** The events a call lowers to, each marked with the exceptions it may throw. */
  private static List<String> lowered(CallEffects.Call c, String recv, List<String> args) {
    RecordingOut out = new RecordingOut(false);
    CallEffects.lower(c, recv, args, null, 1, out);
    return out.lines;
  }

  @Test
  void aCallAskedOnlyWhetherItThrowsLowersTheSameWithoutASummaryThatSaysItMay() {
    List<String> none = Arrays.asList((String) null);
    List<String> expected = lowered(check(null), null, none);
    assertEquals(1, expected.size());
    assertTrue(expected.get(0).contains("throws [java.sql.SQLException]"), expected.toString());
    List<MethodSummary> mayThrow =
        List.of(
            MethodSummary.UNKNOWN,
            new MethodSummary(Set.of(0), Set.of(), false, false, -1),
            new MethodSummary(Set.of(), Set.of(0), false, false, -1),
            new MethodSummary(Set.of(), Set.of(), false, false, 0),
            new MethodSummary(Set.of(), Set.of(), true, false, -1),
            new MethodSummary(Set.of(), Set.of(), false, true, -1));
    for (MethodSummary s : mayThrow) {
      assertEquals(expected, lowered(check(s), null, none), s.toString());
      // a receiver it does not return (a void method returns no receiver)
      assertEquals(lowered(check(null), "p", none), lowered(check(s), "p", none), s.toString());
    }
    // a summary that says it never throws takes the exception away: that one is needed
    MethodSummary never = new MethodSummary(Set.of(), Set.of(), false, false, -1, Set.of(), false, false, -1, true);
    assertEquals(List.of(), lowered(check(never), null, none));
  }

  @Test
  void withoutSummariesOnlyACallThatNoSummaryCanExcuseKeepsItsExceptions() {
    java.util.function.BooleanSupplier notAsked =
        () -> {
          throw new AssertionError("asked though it does not decide");
        };
    assertEquals(List.of(), CallEffects.checkedThrowsWithoutSummaries(List.of(), SQL, POOL, () -> false));
    assertEquals(SQL, CallEffects.checkedThrowsWithoutSummaries(List.of(), SQL, POOL, () -> true));
    assertEquals(SQL, CallEffects.checkedThrowsWithoutSummaries(List.of(), SQL, "java.sql.Statement", notAsked));
    List<MethodRule> borrows = List.of(new MethodRule.Borrow(MethodRule.BorrowOf.NONE, "test"));
    assertEquals(SQL, CallEffects.checkedThrowsWithoutSummaries(borrows, SQL, POOL, notAsked));
    assertEquals(List.of(), CallEffects.checkedThrowsWithoutSummaries(List.of(), List.of(), POOL, notAsked));
  }

  /**
   * {@code void m() throws SQLException { check(); try { check(); } catch (SQLException e) {} if
   * (closed) throw new SQLException(); }}, each {@code check()} a call into a body the front-end
   * sees: lowered with the summary {@code check} has, or without summaries (null).
   */
  private static EventGraph body(MethodSummary checkSummary, boolean explicitThrow) {
    G g = new G();
    List<String> thrown =
        checkSummary != null
            ? SQL
            : CallEffects.checkedThrowsWithoutSummaries(List.of(), SQL, POOL, () -> false);
    CallEffects.Call c =
        new CallEffects.Call(
            "check", false, List.of(), Set.of(), List.of(), List.of(), checkSummary, null, false, false, true,
            thrown, false, null, POOL, false, () -> false, null, List.of(), List.of(), Set.of(), List.of(), false);
    CallEffects.Out out =
        new CallEffects.Out() {
          @Override
          public void emit(Event e) {
            g.b.emit(e, 2);
          }

          @Override
          public void emitThrowing(Event e, ThrowInfo why, List<String> types) {
            g.b.emitThrowing(e, 2, why, types);
          }

          @Override
          public String temp() {
            return "$t";
          }

          @Override
          public Site site(ResourceKind kind, String variable) {
            return G.site(variable, kind, 2);
          }

          @Override
          public String closeText(String var) {
            return var + ".close()";
          }
        };
    CallEffects.lower(c, null, List.of(), null, 2, out);
    g.b.tryStatement(
        () -> CallEffects.lower(c, null, List.of(), null, 3, out),
        List.of(new GraphBuilder.Catch(SQL, () -> {})),
        null);
    if (explicitThrow) {
      GraphBuilder.Label then = g.b.newLabel();
      GraphBuilder.Label end = g.b.newLabel();
      g.b.branchOnFlag("closed", then);
      g.b.jump(end, null, 0);
      g.b.place(then);
      g.b.throwException(4, new ThrowInfo(null, "java.sql.SQLException", 4, false), SQL);
      g.b.place(end);
    }
    return g.b.build(5);
  }

  @Test
  void aBodyThatCanThrowWithoutItsCalleesSummariesIsSummarisedAsThrowing() {
    MethodSummary throwing = new MethodSummary(Set.of(), Set.of(), false, false, -1);
    MethodSummary never = new MethodSummary(Set.of(), Set.of(), false, false, -1, Set.of(), false, false, -1, true);
    assertTrue(body(null, true).canThrow());
    for (MethodSummary s : List.of(throwing, never, MethodSummary.UNKNOWN)) {
      assertFalse(ObligationAnalysis.summarize(body(s, true), List.of(), G::rules).neverThrows(), s.toString());
    }
    // without the explicit throw it cannot, and then only the summary of check() tells
    assertFalse(body(null, false).canThrow());
    assertFalse(ObligationAnalysis.summarize(body(throwing, false), List.of(), G::rules).neverThrows());
    assertTrue(ObligationAnalysis.summarize(body(never, false), List.of(), G::rules).neverThrows());
  }
}
