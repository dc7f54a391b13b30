package dev.leakguard.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.ResourceKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The order in which a call's effects are decided: model, annotations, the bodies the front-end
 * sees, callers, names. Each test shows the events one call lowers to.
 */
class CallEffectsTest {

  /** A call of {@code name} on a receiver of {@code receiverType} returning a Connection. */
  private static CallEffects.Call call(
      String name, String receiverType, MethodSummary summary, Set<AnnotationRole> roles,
      boolean closedByCallers, int params) {
    return new CallEffects.Call(
        name,
        false,
        List.of(),
        roles,
        Collections.nCopies(params, Set.of()),
        Collections.nCopies(params, ResourceKind.CONNECTION),
        summary,
        ResourceKind.CONNECTION,
        false,
        false,
        true,
        List.of(),
        false,
        null,
        receiverType,
        false,
        () -> closedByCallers,
        null,
        Collections.nCopies(params, "java.sql.Connection"),
        List.of(),
        Set.of(), List.of(), false);
  }

  private static String lower(CallEffects.Call c, List<String> args) {
    RecordingOut r = new RecordingOut(false);
    CallEffects.lower(c, null, args, "c", 1, r);
    return r.kinds();
  }

  @Test
  void aNameThatOpensIsAnAcquisition() {
    assertEquals("Acquire", lower(call("openConnection", "com.acme.Db", null, Set.of(), false, 0), List.of()));
  }

  @Test
  void aGetterOfANonFactoryIsBorrowed() {
    assertEquals("AssignOpaque", lower(call("getConnection", "com.acme.Tx", null, Set.of(), false, 0), List.of()));
  }

  @Test
  void anUndecidedResultIsNotTracked() {
    assertEquals("", lower(call("toConnection", "com.acme.Tx", null, Set.of(), false, 0), List.of()));
  }

  @Test
  void callersThatCloseTheResultOutweighTheName() {
    assertEquals("Acquire", lower(call("getConnection", "com.acme.Tx", null, Set.of(), true, 0), List.of()));
  }

  @Test
  void callersDoNotOutweighANameThatBorrows() {
    assertEquals("AssignOpaque", lower(call("getDelegate", "com.acme.Wrapper", null, Set.of(), true, 0), List.of()));
  }

  @Test
  void aVisibleBodyOutweighsCallersAndNames() {
    MethodSummary getter = new MethodSummary(Set.of(), Set.of(), false, true, -1);
    MethodSummary factory = new MethodSummary(Set.of(), Set.of(), true, false, -1);
    assertEquals("AssignOpaque", lower(call("openConnection", "com.acme.Db", getter, Set.of(), true, 0), List.of()));
    assertEquals("Acquire", lower(call("current", "com.acme.Db", factory, Set.of(), false, 0), List.of()));
  }

  @Test
  void anAnnotationOutweighsTheBody() {
    MethodSummary factory = new MethodSummary(Set.of(), Set.of(), true, false, -1);
    assertEquals(
        "AssignOpaque",
        lower(call("open", "com.acme.Db", factory, Set.of(AnnotationRole.RETURNS_BORROWED), false, 0), List.of()));
  }

  @Test
  void theModelOutweighsEverything() {
    CallEffects.Call c =
        new CallEffects.Call(
            "getConnection", false,
            List.of(new MethodRule.Borrow(MethodRule.BorrowOf.NONE, "test")),
            Set.of(), List.of(), List.of(), new MethodSummary(Set.of(), Set.of(), true, false, -1),
            ResourceKind.CONNECTION, false, false, true, List.of(), false, null, "com.acme.Pool", false, () -> true, null, List.of(),
            List.of(), Set.of(), List.of(), false);
    assertEquals("AssignOpaque", lower(c, List.of()));
  }

  /** A void call of {@code name} taking one Connection. */
  private static CallEffects.Call helper(String name, String receiverType, MethodSummary summary) {
    return new CallEffects.Call(
        name, false, List.of(), Set.of(), List.of(Set.of()), List.of(ResourceKind.CONNECTION), summary,
        null, false, false, true, List.of(), false, null, receiverType, false, () -> false, null,
        List.of("java.sql.Connection"), List.of(), Set.of(), List.of(), false);
  }

  @Test
  void helpersWithoutABodyAreJudgedByTheirNames() {
    assertEquals("Release", lower(helper("closeQuietly", "com.acme.Db", null), List.of("con")));
    assertEquals("Transfer", lower(helper("register", "com.acme.Registry", null), List.of("con")));
    assertEquals("", lower(helper("process", "com.acme.Registry", null), List.of("con")));
    // a visible body that neither closes nor keeps its parameter: the caller still owns it
    MethodSummary uses = new MethodSummary(Set.of(), Set.of(), false, false, -1);
    assertEquals("", lower(helper("closeQuietly", "com.acme.Db", uses), List.of("con")));
    // the JDK's own methods are known: a name there is no evidence
    assertEquals("", lower(helper("register", "java.util.Objects", null), List.of("con")));
  }

  /** A call of {@code name} with a Statement argument and a boolean one named {@code flag}. */
  private static CallEffects.Call flagged(
      String name, boolean constructor, MethodSummary summary, String flag, Set<Integer> trueArgs) {
    return new CallEffects.Call(
        name, constructor, List.of(), Set.of(), List.of(Set.of(), Set.of()),
        Arrays.asList(ResourceKind.STATEMENT, null), summary,
        constructor ? ResourceKind.STATEMENT : ResourceKind.RESULT_SET, false, false, true, List.of(),
        false, null, "com.acme.DriverStatement", false, () -> false, constructor ? null : ResourceKind.STATEMENT,
        Arrays.asList("java.sql.Statement", null), Arrays.asList("statement", flag), trueArgs, List.of(), false);
  }

  @Test
  void trueForAFlagThatAsksForACloseHandsOver() {
    RecordingOut r = new RecordingOut(false);
    CallEffects.lower(flagged("executeQuery", false, null, "closeStmt", Set.of(1)), "st", Arrays.asList("s2", null), "rs", 1, r);
    assertEquals("Transfer,Transfer,Acquire", r.kinds(), "the receiver and the argument go with the call");
    assertEquals(new Event.Transfer("st"), r.events.get(0));
    // a body that is seen says itself what happens to its arguments
    r = new RecordingOut(false);
    MethodSummary fresh = new MethodSummary(Set.of(), Set.of(), true, false, -1);
    CallEffects.lower(flagged("executeQuery", false, fresh, "closeStmt", Set.of(1)), "st", Arrays.asList("s2", null), "rs", 1, r);
    assertEquals(List.of(new Event.Transfer("st")), r.events.subList(0, 1));
    assertEquals("Transfer,Acquire", r.kinds());
    // false, or a flag that asks the opposite, hands nothing over
    assertEquals("Acquire", lower(flagged("executeQuery", false, null, "closeStmt", Set.of()), Arrays.asList("s2", null)));
    assertEquals("Acquire", lower(flagged("executeQuery", false, null, "noClose", Set.of(1)), Arrays.asList("s2", null)));
    assertEquals("Acquire", lower(flagged("executeQuery", false, null, "closeStmt", Set.of(0)), Arrays.asList("s2", null)));
  }

  @Test
  void aResourceConstructedToCloseItselfIsHandedOver() {
    RecordingOut r = new RecordingOut(false);
    CallEffects.lower(flagged("new Session", true, null, "autoClose", Set.of(1)), null, Arrays.asList(null, null), "s", 1, r);
    assertEquals("Acquire,Transfer", r.kinds());
    assertEquals(new Event.Transfer("s"), r.events.get(1));
    r = new RecordingOut(false);
    CallEffects.lower(flagged("new Session", true, null, "autoClose", Set.of()), null, Arrays.asList(null, null), "s", 1, r);
    assertEquals("Acquire", r.kinds());
  }

  @Test
  void aNewResultSetFromAStatementIsItsChild() {
    MethodSummary fresh = new MethodSummary(Set.of(), Set.of(), true, false, -1);
    CallEffects.Call c =
        new CallEffects.Call(
            "createDriverResultSet", false, List.of(), Set.of(), List.of(), List.of(), fresh,
            ResourceKind.RESULT_SET, false, false, true, List.of(), false, null, "com.acme.DriverStatement",
            false, () -> false, ResourceKind.STATEMENT, List.of(), List.of(), Set.of(), List.of(), false);
    RecordingOut r = new RecordingOut(false);
    CallEffects.lower(c, "st", List.of(), "rs", 1, r);
    assertEquals(new Event.Acquire("rs", r.site(ResourceKind.RESULT_SET, "rs"), "st"), r.events.get(0));
    // this object's own statement: a parent the method does not own
    r = new RecordingOut(false);
    CallEffects.lower(c, null, List.of(), "rs", 1, r);
    assertEquals(CallEffects.UNTRACKED_RECEIVER, ((Event.Acquire) r.events.get(0)).parentVar());
    // a receiver of another kind creates no child: a connection from a DAO
    CallEffects.Call dao =
        new CallEffects.Call(
            "createDriverResultSet", false, List.of(), Set.of(), List.of(), List.of(), fresh,
            ResourceKind.RESULT_SET, false, false, true, List.of(), false, null, "com.acme.Dao",
            false, () -> false, null, List.of(), List.of(), Set.of(), List.of(), false);
    r = new RecordingOut(false);
    CallEffects.lower(dao, null, List.of(), "rs", 1, r);
    assertEquals(null, ((Event.Acquire) r.events.get(0)).parentVar());
  }

  @Test
  void theFirstPassTracksUndecidedAndNameBorrowedResults() {
    RecordingOut r = new RecordingOut(true);
    CallEffects.lower(call("getConnection", "com.acme.Tx", null, Set.of(), false, 0), null, List.of(), "c", 1, r);
    assertEquals("Acquire", r.kinds());
    assertEquals("com.acme.Tx#getConnection/0", r.probedKey);
  }

  @Test
  void combiningBodies() {
    MethodSummary fresh = new MethodSummary(Set.of(), Set.of(), true, false, -1);
    MethodSummary field = new MethodSummary(Set.of(), Set.of(), false, true, -1);
    MethodSummary closes0 = new MethodSummary(Set.of(0), Set.of(), false, false, -1);
    assertEquals(null, MethodSummary.combine(List.of()));
    assertEquals(fresh, MethodSummary.combine(List.of(fresh)));
    MethodSummary both = MethodSummary.combine(List.of(fresh, field));
    assertEquals(false, both.returnsFresh(), "one implementation hands out an existing connection");
    assertEquals(false, both.returnsBorrowed(), "the bodies disagree: names and callers decide");
    assertEquals(true, both.returnsDisputed(), "and the combined summary says they disagree");
    assertEquals(true, MethodSummary.combine(List.of(field, field)).returnsBorrowed());
    assertEquals(false, MethodSummary.combine(List.of(field, field)).returnsDisputed());
    assertEquals(false, MethodSummary.combine(List.of(fresh, fresh)).returnsDisputed());
    assertEquals(false, MethodSummary.combine(List.of(fresh, closes0)).returnsDisputed(), "a body returning no resource agrees with either");
    assertEquals(Set.of(0), MethodSummary.combine(List.of(closes0, fresh)).closesParams());
  }
}
