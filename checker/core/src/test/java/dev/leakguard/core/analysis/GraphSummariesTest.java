package dev.leakguard.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.model.ResourceKind;
import dev.leakguard.core.model.ResourceModel;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphSummariesTest {
  private static final ResourceModel MODEL = ResourceModel.builtIn();

  /**
   * A body whose paths multiply: {@code fields} tests in a row, each storing the parameter in a
   * field of its own on one branch (2^fields configurations at the end), then closing it when
   * {@code closes}. {@code position} is the front-end's handle on the acquisition.
   */
  private static EventGraph branching(int fields, boolean closes, Object position) {
    G g = new G();
    g.acquireQuiet("c", ResourceKind.CONNECTION, 1, null);
    g.b.emit(
        new Event.Acquire(
            "c2", new Site("s2", ResourceKind.CONNECTION, "Connection", "DataSource.getConnection()", "c2", 2, position),
            null),
        2);
    storeInFields(g, fields);
    if (closes) {
      g.quietClose("p0", 50);
    }
    g.quietClose("c", 51);
    g.quietClose("c2", 52);
    return g.b.build(60);
  }

  /** {@code fields} tests in a row, each storing parameter {@code p0} in a field of its own on one branch. */
  private static void storeInFields(G g, int fields) {
    for (int k = 0; k < fields; k++) {
      GraphBuilder.Label skip = g.b.newLabel();
      g.b.branchOnNull("option" + k, skip);
      g.ev(new Event.Assign(ObligationAnalysis.FIELD_VALUE + "f" + k, "p0"), 10 + k);
      g.b.place(skip);
    }
  }

  private static long steps(EventGraph g, List<String> params) {
    long[] steps = new long[1];
    ObligationAnalysis.summarize(g, params, MODEL::implicitClose, steps);
    return steps[0];
  }

  @Test
  void aCostlySummaryIsKeptForAGraphOfTheSameShape() {
    List<String> params = List.of("p0");
    EventGraph first = branching(10, true, new Object());
    assertTrue(steps(first, params) >= GraphSummaries.KEPT_FROM_STEPS, "the graph is costly enough to keep");
    GraphSummaries summaries = new GraphSummaries(MODEL);

    MethodSummary s = summaries.summarize(first, params);
    assertEquals(ObligationAnalysis.summarize(first, params, MODEL::implicitClose), s);
    assertEquals(Set.of(0), s.closesParams());
    assertEquals(1, summaries.size());

    // the same body lowered again: other nodes, another position handle (the front-end's tree
    // parsed again), the same shape
    EventGraph again = branching(10, true, new Object());
    assertEquals(s, summaries.summarize(again, params));
    assertEquals(1, summaries.size(), "served from the summary kept");
  }

  @Test
  void aGraphOfAnotherShapeIsSummarisedForItself() {
    GraphSummaries summaries = new GraphSummaries(MODEL);
    MethodSummary closing = summaries.summarize(branching(10, true, null), List.of("p0"));

    // one event less: the parameter is not closed
    assertTrue(steps(branching(10, false, null), List.of("p0")) >= GraphSummaries.KEPT_FROM_STEPS);
    MethodSummary notClosing = summaries.summarize(branching(10, false, null), List.of("p0"));
    assertEquals(
        ObligationAnalysis.summarize(branching(10, false, null), List.of("p0"), MODEL::implicitClose), notClosing);
    assertNotEquals(closing, notClosing);
    assertEquals(2, summaries.size());

    // the same graph with the parameter not tracked
    List<String> untracked = Arrays.asList((String) null);
    MethodSummary other = summaries.summarize(branching(10, true, null), untracked);
    assertEquals(
        ObligationAnalysis.summarize(branching(10, true, null), untracked, MODEL::implicitClose), other);
    assertEquals(3, summaries.size());
  }

  @Test
  void aCheapSummaryIsNotKept() {
    List<String> params = List.of("p0");
    EventGraph small = branching(2, true, null);
    assertTrue(steps(small, params) < GraphSummaries.KEPT_FROM_STEPS);
    GraphSummaries summaries = new GraphSummaries(MODEL);
    assertEquals(ObligationAnalysis.summarize(small, params, MODEL::implicitClose), summaries.summarize(small, params));
    assertEquals(0, summaries.size());
  }

  @Test
  void aBodyThatAcquiresNothingIsNotGoneThroughAThirdTime() {
    // more paths than a node may have, and nothing acquired: the run without the body's own
    // resources would go through the same paths again, so it is not made
    G g = new G();
    storeInFields(g, 12);
    g.quietClose("p0", 50);
    EventGraph noAcquisition = g.b.build(60);
    long[] alone = new long[1];
    assertEquals(
        MethodSummary.UNKNOWN,
        ObligationAnalysis.summarize(noAcquisition, List.of("p0"), MODEL::implicitClose, alone));

    G h = new G();
    h.acquireQuiet("c", ResourceKind.CONNECTION, 1, null);
    storeInFields(h, 12);
    h.quietClose("p0", 50);
    h.quietClose("c", 51);
    long[] withAcquisition = new long[1];
    ObligationAnalysis.summarize(h.b.build(60), List.of("p0"), MODEL::implicitClose, withAcquisition);
    assertTrue(
        withAcquisition[0] > alone[0] * 3 / 2,
        "the body with an acquisition is gone through twice: " + withAcquisition[0] + " against " + alone[0]);
  }
}
