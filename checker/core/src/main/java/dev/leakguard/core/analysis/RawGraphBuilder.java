package dev.leakguard.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link EventGraph} node by node and edge by edge, for front-ends whose representation
 * already is a control-flow graph with explicit exception edges (bytecode). Front-ends lowering a
 * structured tree use {@link GraphBuilder} instead, which derives the edges itself.
 */
public final class RawGraphBuilder {
  private final String methodName;
  private final List<Node> nodes = new ArrayList<>();
  private final Node entry;
  private final Node normalExit;
  private final Node exceptionalExit;

  public RawGraphBuilder(String methodName) {
    this.methodName = methodName;
    this.entry = node(new Event.Nop(), 0, null);
    this.normalExit = node(new Event.Nop(), 0, null);
    this.exceptionalExit = node(new Event.Nop(), 0, null);
  }

  /**
   * A new node. {@code why} describes the exception for its exceptional edges (null: keep the
   * cause of the exception being propagated, as for a rethrow).
   */
  public Node node(Event event, int line, ThrowInfo why) {
    Node n = new Node(nodes.size(), event, line, why);
    nodes.add(n);
    return n;
  }

  public Node entry() {
    return entry;
  }

  /** Where normal paths end (after a {@link Event.Return} node, which sets the exit's line). */
  public Node normalExit() {
    return normalExit;
  }

  /** Where exceptions leave the method. */
  public Node exceptionalExit() {
    return exceptionalExit;
  }

  public void normalEdge(Node from, Node to) {
    if (!from.normal.contains(to)) {
      from.normal.add(to);
    }
  }

  /**
   * An exceptional edge: the state it carries is the node's state before its event (after it,
   * for a {@link Event.Release}: a close that throws still counts as closing).
   */
  public void exceptionalEdge(Node from, Node to) {
    if (!from.exceptional.contains(to)) {
      from.exceptional.add(to);
    }
  }

  private boolean constructor;

  /** Marks the body lowered as a constructor's (see {@link EventGraph#isConstructor}). */
  public void constructor(boolean isConstructor) {
    this.constructor = isConstructor;
  }

  public EventGraph build() {
    return new EventGraph(methodName, nodes, entry, normalExit, exceptionalExit, constructor);
  }
}
