package dev.leakguard.core.analysis;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A method lowered to events: entry, a normal exit and an exceptional exit. */
public final class EventGraph {
  private final String methodName;
  private final List<Node> nodes;
  private final Node entry;
  private final Node normalExit;
  private final Node exceptionalExit;
  private final boolean constructor;

  EventGraph(
      String methodName, List<Node> nodes, Node entry, Node normalExit, Node exceptionalExit, boolean constructor) {
    this.methodName = methodName;
    this.constructor = constructor;
    this.nodes = Collections.unmodifiableList(nodes);
    this.entry = entry;
    this.normalExit = normalExit;
    this.exceptionalExit = exceptionalExit;
  }

  public String methodName() {
    return methodName;
  }

  /**
   * True for a constructor: a resource it stores in a field the class closes is the new object's
   * only if the constructor completes; when an exception leaves it, the object never exists.
   */
  public boolean isConstructor() {
    return constructor;
  }

  public List<Node> nodes() {
    return nodes;
  }

  /**
   * True if the body acquires a resource: an {@link Event.Acquire} is in it. Every finding is of a
   * resource acquired in the body, so a body without one has none.
   */
  public boolean acquires() {
    for (Node n : nodes) {
      if (n.event() instanceof Event.Acquire) {
        return true;
      }
    }
    return false;
  }

  public Node entry() {
    return entry;
  }

  public Node normalExit() {
    return normalExit;
  }

  public Node exceptionalExit() {
    return exceptionalExit;
  }

  /**
   * True if an exception can leave the body: the exceptional exit can be reached from the entry,
   * by normal and exceptional edges. A summary says the method never throws when it cannot
   * ({@link MethodSummary#neverThrows}).
   */
  public boolean canThrow() {
    Set<Node> seen = new HashSet<>();
    Deque<Node> work = new ArrayDeque<>();
    work.add(entry);
    while (!work.isEmpty()) {
      Node n = work.poll();
      if (n == exceptionalExit) {
        return true;
      }
      if (seen.add(n)) {
        work.addAll(n.normal);
        work.addAll(n.exceptional);
      }
    }
    return false;
  }

  /** A readable dump for debugging and test failure messages. */
  public String dump() {
    StringBuilder sb = new StringBuilder(methodName).append('\n');
    for (Node n : nodes) {
      sb.append("  ").append(n);
      if (!n.normal.isEmpty()) {
        sb.append(" ->");
        n.normal.forEach(s -> sb.append(" #").append(s.id));
      }
      if (!n.exceptional.isEmpty()) {
        sb.append(" !->");
        n.exceptional.forEach(s -> sb.append(" #").append(s.id));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
