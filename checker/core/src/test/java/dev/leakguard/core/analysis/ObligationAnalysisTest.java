package dev.leakguard.core.analysis;

import static dev.leakguard.core.model.ResourceKind.CONNECTION;
import static dev.leakguard.core.model.ResourceKind.RESULT_SET;
import static dev.leakguard.core.model.ResourceKind.STATEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.analysis.GraphBuilder.Catch;
import dev.leakguard.core.analysis.GraphBuilder.Label;
import dev.leakguard.core.finding.Finding;
import dev.leakguard.core.finding.LeakPath;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The obligation analysis on hand-built event graphs: each leak next to its near miss. */
class ObligationAnalysisTest {

  private static String summary(AnalysisResult r) {
    return r.findings().stream()
        .map(f -> f.line() + ":" + f.id())
        .sorted()
        .collect(Collectors.joining(","));
  }

  @Test
  void neverClosedIsUnconditional() {
    G g = new G().acquire("c", CONNECTION, 1, null).call("query", 2);
    AnalysisResult r = g.run(3);
    assertEquals("1:JdbcConnectionLeak", summary(r));
    assertEquals(
        "Connection 'c' acquired by DataSource.getConnection() is not closed; open it in a"
            + " try-with-resources header.",
        r.findings().get(0).message());
  }

  /**
   * Variables nothing reads (a bytecode front-end's keepers of what a throwing statement held)
   * tell configurations apart only while they hold a resource: twelve independent branches that
   * bind such keepers to null or to an untracked value are one configuration, not 4096, so the
   * analysis does not give up and the leak is still found.
   */
  @Test
  void unreadKeepersOfNoResourceDoNotMultiplyConfigurations() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    for (int i = 0; i < 12; i++) {
      Label skip = g.b.newLabel();
      g.b.branch(skip);
      g.ev(new Event.AssignNull("$keep" + i), 2 + i);
      g.b.place(skip);
      g.ev(new Event.AssignOpaque("$other" + i, "x"), 2 + i);
    }
    AnalysisResult r = g.run(20);
    assertEquals(false, r.gaveUp());
    assertEquals("1:JdbcConnectionLeak", summary(r));
  }

  /** A keeper of a resource already closed keeps nothing: it does not multiply configurations either. */
  @Test
  void unreadKeepersOfAClosedResourceDoNotMultiplyConfigurations() {
    G g = new G().acquire("c", CONNECTION, 1, null).quietClose("c", 2);
    g.acquire("d", CONNECTION, 3, null);
    for (int i = 0; i < 12; i++) {
      Label skip = g.b.newLabel();
      g.b.branch(skip);
      g.ev(new Event.Assign("$keep" + i, "c"), 4 + i);
      g.b.place(skip);
    }
    AnalysisResult r = g.run(20);
    assertEquals(false, r.gaveUp());
    assertEquals("3:JdbcConnectionLeak", summary(r));
  }

  /**
   * Which unread keeper holds an open resource does not matter, only that one does: keepers made
   * on twelve independent branches are one configuration, and the resource is still found leaking.
   */
  @Test
  void unreadKeepersOfAnOpenResourceAreOneConfiguration() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    for (int i = 0; i < 12; i++) {
      Label skip = g.b.newLabel();
      g.b.branch(skip);
      g.ev(new Event.Assign("$keep" + i, "c"), 2 + i);
      g.b.place(skip);
    }
    g.ev(new Event.AssignNull("c"), 15);
    AnalysisResult r = g.run(20);
    assertEquals(false, r.gaveUp());
    assertEquals("1:JdbcConnectionLeak", summary(r));
  }

  /** A keeper that holds the resource still keeps it: clearing the variable it came from loses nothing. */
  @Test
  void unreadKeeperOfAResourceStillHoldsIt() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.ev(new Event.Assign("$keep", "c"), 2);
    g.ev(new Event.AssignNull("c"), 3);
    AnalysisResult r = g.run(5);
    assertEquals("1:JdbcConnectionLeak", summary(r));
    // lost at the method's end, not when 'c' was cleared at line 3
    assertEquals(LeakPath.Kind.END, r.findings().get(0).path().kind());
  }

  @Test
  void closedOnlyOnHappyPathNamesTheThrowingCall() {
    G g = new G().acquire("c", CONNECTION, 1, null).call("executeQuery", 2).close("c", 3);
    Finding f = g.run(4).findings().get(0);
    assertEquals(LeakPath.Kind.EXCEPTION, f.path().kind());
    assertTrue(
        f.message().contains("is not closed when executeQuery throws SQLException at line 2"),
        f.message());
  }

  @Test
  void closedInFinallyWithNullGuardIsClean() {
    G g = new G();
    g.ev(new Event.AssignNull("c"), 1);
    g.b.tryStatement(
        () -> g.acquire("c", CONNECTION, 2, null).call("executeQuery", 3),
        List.of(),
        () -> {
          Label skip = g.b.newLabel();
          g.b.branchOnNull("c", skip);
          g.close("c", 5);
          g.b.place(skip);
        });
    assertEquals("", summary(g.run(6)));
  }

  @Test
  void closedInFinallyWithoutGuardIsClean() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.b.tryStatement(() -> g.call("executeQuery", 2), List.of(), () -> g.close("c", 4));
    assertEquals("", summary(g.run(5)));
  }

  @Test
  void closedInCatchOnlyLeaksOnNormalPath() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.b.tryStatement(
        () -> g.call("executeQuery", 2),
        List.of(new Catch(List.of("java.sql.SQLException"), () -> g.quietClose("c", 4))),
        null);
    AnalysisResult r = g.run(6);
    assertEquals("1:JdbcConnectionLeak", summary(r));
    assertEquals(LeakPath.Kind.END, r.findings().get(0).path().kind());
    assertTrue(r.findings().get(0).message().contains("when the method ends at line 6"));
  }

  @Test
  void earlyReturnBeforeClose() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    Label skip = g.b.newLabel();
    g.b.branch(skip);
    g.b.returnFrom(null, 3);
    g.b.place(skip);
    g.quietClose("c", 5);
    AnalysisResult r = g.run(6);
    assertEquals("1:JdbcConnectionLeak", summary(r));
    assertTrue(r.findings().get(0).message().contains("on the return at line 3"));
  }

  @Test
  void returnThroughFinallyThatClosesIsClean() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.b.tryStatement(
        () -> {
          g.call("executeQuery", 2);
          g.b.returnFrom(null, 3);
        },
        List.of(),
        () -> g.quietClose("c", 5));
    assertEquals("", summary(g.run(6)));
  }

  @Test
  void returnedResourceIsTransferred() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.b.returnFrom("c", 2);
    assertEquals("", summary(g.run(3)));
  }

  @Test
  void reassignmentLeaksTheOldResource() {
    G g = new G().acquire("st", STATEMENT, 1, null).acquire("st", STATEMENT, 2, null);
    g.b.tryStatement(() -> g.call("execute", 3), List.of(), () -> g.quietClose("st", 4));
    AnalysisResult r = g.run(5);
    assertEquals("1:JdbcStatementLeak", summary(r));
    assertTrue(r.findings().get(0).message().contains("when 'st' is reassigned at line 2"));
  }

  @Test
  void acquisitionInLoopClosingOnlyTheLast() {
    G g = new G();
    g.ev(new Event.AssignNull("st"), 1);
    Label head = g.b.newLabel();
    Label exit = g.b.newLabel();
    g.b.place(head);
    g.b.branch(exit);
    g.acquire("st", STATEMENT, 3, null);
    g.b.jump(head, null, 4);
    g.b.place(exit);
    Label skip = g.b.newLabel();
    g.b.branchOnNull("st", skip);
    g.quietClose("st", 6);
    g.b.place(skip);
    AnalysisResult r = g.run(7);
    assertEquals("3:JdbcStatementLeak", summary(r));
    assertEquals(LeakPath.Kind.NEXT_ITERATION, r.findings().get(0).path().kind());
  }

  @Test
  void closedInsideTheLoopIsClean() {
    G g = new G();
    Label head = g.b.newLabel();
    Label exit = g.b.newLabel();
    g.b.place(head);
    g.b.branch(exit);
    g.acquire("st", STATEMENT, 3, null);
    g.b.tryStatement(() -> g.call("execute", 4), List.of(), () -> g.quietClose("st", 5));
    g.b.jump(head, null, 6);
    g.b.place(exit);
    assertEquals("", summary(g.run(7)));
  }

  @Test
  void closingStatementClosesItsResultSet() {
    G g = new G().acquire("st", STATEMENT, 1, null);
    g.b.tryStatement(
        () -> g.acquire("rs", RESULT_SET, 2, "st").call("next", 3),
        List.of(),
        () -> g.quietClose("st", 5));
    assertEquals("", summary(g.run(6)));
  }

  @Test
  void aResultSetLeftOpenWithItsStatementIsTheStatementsFinding() {
    // Statement st = con.createStatement(); ResultSet rs = st.executeQuery(q); rs.next(); (nothing closed)
    G g = new G().acquire("st", STATEMENT, 1, null).acquire("rs", RESULT_SET, 2, "st").call("next", 3);
    AnalysisResult r = g.run(4);
    assertEquals("1:JdbcStatementLeak", summary(r));
    Finding st = r.findings().get(0);
    assertEquals(List.of(2), st.alsoCloses().stream().map(Site::line).toList());
    assertTrue(
        st.message().endsWith(" Closing it also closes ResultSet 'rs' (line 2), left open with it."), st.message());
  }

  @Test
  void aResultSetIsReportedWhereItsStatementIsClosedButItIsNot() {
    // the statement closes with its result set (closeOnCompletion): the result set is the one left open
    G g = new G().acquire("st", STATEMENT, 1, null);
    g.ev(new Event.CloseWithChildren("st"), 2);
    g.acquire("rs", RESULT_SET, 3, "st").call("next", 4);
    AnalysisResult r = g.run(5);
    // the statement leaks only if the query fails before it has a result set to close it with
    assertEquals("1:JdbcStatementLeak,3:JdbcResultSetLeak", summary(r));
    assertEquals(List.of(), r.findings().get(0).alsoCloses());
    assertEquals(List.of(), r.findings().get(1).alsoCloses());
  }

  @Test
  void statementLeftToConnectionCloseHasItsOwnId() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.b.tryStatement(
        () -> g.acquire("st", STATEMENT, 2, "c").acquire("rs", RESULT_SET, 3, "st").call("next", 4),
        List.of(),
        () -> g.quietClose("c", 6));
    assertEquals("2:JdbcStatementLeftToConnectionClose", summary(g.run(7)));
  }

  @Test
  void closeChainHasItsOwnId() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.b.tryStatement(
        () -> g.acquire("st", STATEMENT, 2, "c"),
        List.of(),
        () -> {
          Label a = g.b.newLabel();
          g.b.branchOnNull("st", a);
          g.close("st", 5);
          g.b.place(a);
          g.close("c", 6);
        });
    AnalysisResult r = g.run(7);
    assertEquals("1:JdbcCloseChain", summary(r));
    assertTrue(r.findings().get(0).message().contains("when st.close() throws SQLException at line 5"));
  }

  @Test
  void unboundTemporaryLeaks() {
    G g = new G().acquire("$t1", CONNECTION, 1, null).acquire("ps", STATEMENT, 1, "$t1");
    g.ev(new Event.AssignUnknown("$t1", true), 1);
    g.b.tryStatement(() -> g.call("execute", 2), List.of(), () -> g.quietClose("ps", 3));
    AnalysisResult r = g.run(4);
    assertEquals(1, r.findings().size());
    assertEquals(LeakPath.Kind.TEMPORARY, r.findings().get(0).path().kind());
  }

  @Test
  void wrappedTemporaryIsClean() {
    G g = new G().acquire("$t1", STATEMENT, 1, null);
    g.ev(new Event.Assign("w", "$t1"), 1).ev(new Event.AssignUnknown("$t1", true), 1);
    g.b.tryStatement(() -> g.call("run", 2), List.of(), () -> g.quietClose("w", 3));
    assertEquals("", summary(g.run(4)));
  }

  @Test
  void fieldThatNothingClosesHasItsOwnId() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.ev(new Event.StoreField("c", "conn", false), 2);
    assertEquals("1:JdbcUnclosedOwningField", summary(g.run(3)));
    G ok = new G().acquire("c", CONNECTION, 1, null);
    ok.ev(new Event.StoreField("c", "conn", true), 2);
    assertEquals("", summary(ok.run(3)));
  }

  @Test
  void aliasCloseReleases() {
    G g = new G().acquire("c", CONNECTION, 1, null).ev(new Event.Assign("d", "c"), 2);
    g.b.tryStatement(() -> g.call("execute", 3), List.of(), () -> g.quietClose("d", 4));
    assertEquals("", summary(g.run(5)));
  }

  @Test
  void exceptionInLoopLeaksEarlierListElements() {
    G g = new G();
    Label head = g.b.newLabel();
    Label exit = g.b.newLabel();
    g.b.place(head);
    g.b.branch(exit);
    g.acquire("st", STATEMENT, 2, null).ev(new Event.AddTo("list", "st"), 3);
    g.b.jump(head, null, 4);
    g.b.place(exit);
    g.ev(new Event.ElementsOf("s", "list"), 5).quietClose("s", 6);
    AnalysisResult r = g.run(7);
    assertEquals("2:JdbcStatementLeak", summary(r));
    assertEquals(LeakPath.Kind.EXCEPTION, r.findings().get(0).path().kind());
  }

  @Test
  void localListClosedInLoop() {
    G g = new G();
    Label head = g.b.newLabel();
    Label exit = g.b.newLabel();
    g.b.place(head);
    g.b.branch(exit);
    g.acquireQuiet("st", STATEMENT, 2, null).ev(new Event.AddTo("list", "st"), 3);
    g.b.jump(head, null, 4);
    g.b.place(exit);
    g.ev(new Event.ElementsOf("s", "list"), 5).quietClose("s", 6);
    assertEquals("", summary(g.run(7)));
  }

  @Test
  void borrowedParentCloseReleasesTheStatement() {
    G g = new G().acquire("$t1", STATEMENT, 1, null).acquireQuiet("rs", RESULT_SET, 1, "$t1");
    g.ev(new Event.AssignUnknown("$t1", true), 1);
    g.ev(new Event.AssignParentOf("$t2", "rs"), 3).quietClose("$t2", 3);
    assertEquals("", summary(g.run(4)));
  }

  @Test
  void closingTheUntrackedParentClosesTheResultSet() {
    // ResultSet rs = ps.executeQuery() on a parameter ps; finally { rs.getStatement().close(); }
    G g = new G().acquire("rs", RESULT_SET, 1, "ps");
    g.b.tryStatement(
        () -> g.call("next", 2),
        List.of(),
        () -> g.ev(new Event.AssignParentOf("$t", "rs"), 4).quietClose("$t", 4));
    assertEquals("", summary(g.run(5)));
  }

  @Test
  void rethrowFromCatchKeepsLeak() {
    G g = new G().acquire("c", CONNECTION, 1, null);
    g.b.tryStatement(
        () -> g.call("executeQuery", 2).quietClose("c", 3),
        List.of(
            new Catch(
                List.of("java.sql.SQLException"),
                () ->
                    g.b.throwException(
                        5, new ThrowInfo(null, "java.lang.IllegalStateException", 5, false),
                        List.of("java.lang.IllegalStateException")))),
        null);
    AnalysisResult r = g.run(6);
    assertEquals("1:JdbcConnectionLeak", summary(r));
  }

  @Test
  void summaryClosesParameterOnAPath() {
    G g = new G();
    g.b.tryStatement(() -> g.call("commit", 1), List.of(), () -> g.quietClose("p0", 2));
    MethodSummary s =
        ObligationAnalysis.summarize(g.b.build(3), java.util.Arrays.asList("p0", null), G::rules);
    assertEquals(Set.of(0), s.closesParams());
    assertEquals(Set.of(0), s.closesParamsWhenThrowing(), "closed in a finally");
    // closed on one path only (the other closes something the analysis cannot follow): credited
    G half = new G();
    Label skip = half.b.newLabel();
    half.b.branch(skip);
    half.quietClose("p0", 2);
    half.b.place(skip);
    MethodSummary s2 = ObligationAnalysis.summarize(half.b.build(3), List.of("p0"), G::rules);
    assertEquals(Set.of(0), s2.closesParams());
    // never closed: not credited
    G none = new G().call("use", 1);
    MethodSummary s3 = ObligationAnalysis.summarize(none.b.build(2), List.of("p0"), G::rules);
    assertEquals(Set.of(), s3.closesParams());
    // closed only when it returns, not when the call before throws
    G late = new G().call("validate", 1).quietClose("p0", 2);
    MethodSummary s4 = ObligationAnalysis.summarize(late.b.build(3), List.of("p0"), G::rules);
    assertEquals(Set.of(0), s4.closesParams());
    assertEquals(Set.of(), s4.closesParamsWhenThrowing());
  }

  @Test
  void summaryReturnsFreshOrBorrowed() {
    G fresh = new G().acquire("c", CONNECTION, 1, null);
    fresh.b.returnFrom("c", 2);
    MethodSummary s = ObligationAnalysis.summarize(fresh.b.build(3), List.of(), G::rules);
    assertTrue(s.returnsFresh());
    G getter = new G().ev(new Event.AssignOpaque("$t", "field:conn"), 1);
    getter.b.returnFrom("$t", 1);
    MethodSummary s2 = ObligationAnalysis.summarize(getter.b.build(2), List.of(), G::rules);
    assertTrue(s2.returnsBorrowed());
  }

  /** {@code if (flag) c = acquire; ... if (closeWhen == flag) c.close();} */
  private static AnalysisResult flagged(boolean closeWhen, boolean forgetBetween, String flag) {
    G g = new G();
    g.ev(new Event.AssignNull("c"), 1);
    Label open = g.b.newLabel();
    Label after = g.b.newLabel();
    g.b.branchOnFlag(flag, open);
    g.b.jump(after, null, 0);
    g.b.place(open);
    g.acquireQuiet("c", CONNECTION, 2, null);
    g.b.place(after);
    if (forgetBetween) {
      g.ev(new Event.ForgetFlags(), 3);
    }
    Label close = g.b.newLabel();
    Label end = g.b.newLabel();
    g.b.branchOnFlag(flag, close);
    if (closeWhen) {
      g.b.jump(end, null, 0);
      g.b.place(close);
      g.quietClose("c", 4);
    } else {
      g.quietClose("c", 4);
      g.b.jump(end, null, 0);
      g.b.place(close);
    }
    g.b.place(end);
    return g.run(5);
  }

  @Test
  void aFlagTiesTheCloseToTheOpen() {
    assertEquals("", summary(flagged(true, false, "owned")));
    assertEquals("2:JdbcConnectionLeak", summary(flagged(false, false, "owned")), "closed on the wrong branch");
  }

  @Test
  void aLoopHeadForgetsFieldFlagsButNotLocalOnes() {
    assertEquals("", summary(flagged(true, true, "owned")));
    assertEquals("", summary(flagged(true, false, Event.FIELD_FLAG + "owns")));
    assertEquals("2:JdbcConnectionLeak", summary(flagged(true, true, Event.FIELD_FLAG + "owns")));
  }

  @Test
  void aFlagSetToALiteral() {
    G g = new G();
    g.ev(new Event.AssignFlag("opened", false), 1);
    g.ev(new Event.AssignNull("c"), 1);
    Label skip = g.b.newLabel();
    g.b.branch(skip);
    g.acquireQuiet("c", CONNECTION, 2, null);
    g.ev(new Event.AssignFlag("opened", true), 2);
    g.b.place(skip);
    Label close = g.b.newLabel();
    Label end = g.b.newLabel();
    g.b.branchOnFlag("opened", close);
    g.b.jump(end, null, 0);
    g.b.place(close);
    g.quietClose("c", 3);
    g.b.place(end);
    assertEquals("", summary(g.run(4)));
  }

  @Test
  void tooManyFlagsFallBackToAnalysingWithoutThem() {
    // sixteen independent flags, each tested twice, would make 2^16 states: the method is then
    // analysed as if the flags were unknown, and its leak still reported
    G g = new G().acquire("c", CONNECTION, 1, null);
    for (int round = 0; round < 2; round++) {
      for (int f = 0; f < 16; f++) {
        Label yes = g.b.newLabel();
        g.b.branchOnFlag("flag" + f, yes);
        g.b.place(yes);
        g.call("step" + f, 2 + f);
      }
    }
    AnalysisResult r = g.run(40);
    assertEquals(false, r.gaveUp());
    assertEquals("1:JdbcConnectionLeak", summary(r));
  }
}
