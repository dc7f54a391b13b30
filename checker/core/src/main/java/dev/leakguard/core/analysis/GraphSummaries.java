package dev.leakguard.core.analysis;

import dev.leakguard.core.model.ResourceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summaries of one program's event graphs, for every front-end: a graph summarised before,
 * with the same events, edges and parameters, gets the summary it got then, without the analysis
 * running again.
 *
 * <p>A method is lowered and summarised more than once: in every round of a cycle it belongs to
 * (see {@link SummaryMemo}), by two threads that ask for it at once, and in each pass of a
 * front-end that makes more than one. Most of those graphs are small, but a body whose paths
 * multiply (a loop over options, each stored in a field of its own) takes the analysis up to
 * {@link ObligationAnalysis#MAX_CONFIGS_PER_NODE} configurations at a node, several times over
 * with its fallbacks: a few such methods took a third of hibernate-core's analysis, each summarised
 * about seventeen times. The summary is a function of the graph, the parameters and the model's
 * implicit closes (one model per instance), so it is kept for graphs that cost {@link #KEPT_FROM_STEPS} configurations or
 * more, by their shape: everything the analysis reads, without the front-end's position handles
 * (which it never reads, and which would keep the front-end's trees).
 *
 * <p>Safe for threads. Two threads that summarise the same new graph at once both run the analysis
 * and come to the same summary.
 */
public final class GraphSummaries {
  /**
   * The configurations a summary must go through to be kept (about 15 ms): a cheaper one is
   * computed again rather than held; its graph's hash is still taken, once a graph is summarised.
   */
  static final long KEPT_FROM_STEPS = 5_000;

  private final ResourceModel model;
  /** Summaries kept, by the hash of their graph's shape (see {@link #hash}). */
  private final Map<Long, List<Kept>> kept = new ConcurrentHashMap<>();

  private record Kept(Shape shape, MethodSummary summary) {}

  /** Summaries for a program analysed with {@code model}. */
  public GraphSummaries(ResourceModel model) {
    this.model = model;
  }

  /** The model the summaries are for: another model needs summaries of its own. */
  public ResourceModel model() {
    return model;
  }

  /** As {@link ObligationAnalysis#summarize}, kept for a graph of the same shape asked again. */
  public MethodSummary summarize(EventGraph graph, List<String> paramVars) {
    long h = hash(graph, paramVars);
    List<Kept> same = kept.get(h);
    Shape shape = null;
    if (same != null) {
      shape = Shape.of(graph, paramVars);
      for (Kept k : same) {
        if (k.shape().equals(shape)) {
          return k.summary();
        }
      }
    }
    long[] steps = new long[1];
    MethodSummary s = ObligationAnalysis.summarize(graph, paramVars, model::implicitClose, steps);
    if (steps[0] >= KEPT_FROM_STEPS) {
      Kept k = new Kept(shape != null ? shape : Shape.of(graph, paramVars), s);
      kept.compute(h, (key, list) -> {
        List<Kept> out = list == null ? new ArrayList<>(1) : new ArrayList<>(list);
        out.add(k);
        return List.copyOf(out);
      });
    }
    return s;
  }

  /** How many summaries are kept (for tests and benchmarks). */
  public int size() {
    int n = 0;
    for (List<Kept> l : kept.values()) {
      n += l.size();
    }
    return n;
  }

  /**
   * A hash of what {@link Shape} holds, taken without building it: equal shapes have equal
   * hashes.
   */
  static long hash(EventGraph g, List<String> paramVars) {
    long h = Objects.hashCode(g.methodName());
    h = 31 * h + (g.isConstructor() ? 1 : 0);
    h = 31 * h + paramVars.hashCode();
    h = 31 * h + g.entry().id;
    h = 31 * h + g.normalExit().id;
    h = 31 * h + g.exceptionalExit().id;
    for (Node n : g.nodes()) {
      h = 31 * h + n.id;
      h = 31 * h + eventHash(n.event);
      h = 31 * h + n.line;
      h = 31 * h + Objects.hashCode(n.throwInfo);
      for (Node s : n.normal) {
        h = 31 * h + s.id;
      }
      h = 31 * h - 1;
      for (Node s : n.exceptional) {
        h = 31 * h + s.id;
      }
      h = 31 * h - 2;
    }
    return h;
  }

  private static int eventHash(Event e) {
    return e instanceof Event.Acquire a ? withoutPosition(a).hashCode() : e.hashCode();
  }

  /** An acquisition with its site's position handle left out: the analysis does not read it. */
  private static Event.Acquire withoutPosition(Event.Acquire a) {
    Site s = a.site();
    if (s == null || s.position() == null) {
      return a;
    }
    Site bare = new Site(s.key(), s.kind(), s.typeName(), s.acquiredBy(), s.variable(), s.line(), null);
    return new Event.Acquire(a.target(), bare, a.parentVar(), a.boundWhen(), a.disputed());
  }

  /** Everything of a graph the analysis reads, with nodes and edges by their ids. */
  private record Shape(
      String method,
      boolean constructor,
      List<String> params,
      int entry,
      int normalExit,
      int exceptionalExit,
      List<NodeShape> nodes) {
    static Shape of(EventGraph g, List<String> paramVars) {
      List<NodeShape> nodes = new ArrayList<>(g.nodes().size());
      for (Node n : g.nodes()) {
        Event e = n.event instanceof Event.Acquire a ? withoutPosition(a) : n.event;
        nodes.add(new NodeShape(n.id, e, n.line, n.throwInfo, ids(n.normal), ids(n.exceptional)));
      }
      return new Shape(
          g.methodName(), g.isConstructor(), new ArrayList<>(paramVars), g.entry().id,
          g.normalExit().id, g.exceptionalExit().id, nodes);
    }

    private static List<Integer> ids(List<Node> nodes) {
      List<Integer> out = new ArrayList<>(nodes.size());
      for (Node n : nodes) {
        out.add(n.id);
      }
      return out;
    }
  }

  private record NodeShape(
      int id, Event event, int line, ThrowInfo throwInfo, List<Integer> normal, List<Integer> exceptional) {}
}
