package dev.leakguard.core.analysis;

import java.util.ArrayList;
import java.util.List;

/** A node of the event graph: one event, normal and exceptional successors. */
public final class Node {
  final int id;
  final Event event;
  final int line;
  final ThrowInfo throwInfo;
  final List<Node> normal = new ArrayList<>(2);
  final List<Node> exceptional = new ArrayList<>(1);

  Node(int id, Event event, int line, ThrowInfo throwInfo) {
    this.id = id;
    this.event = event;
    this.line = line;
    this.throwInfo = throwInfo;
  }

  public int id() {
    return id;
  }

  public Event event() {
    return event;
  }

  public int line() {
    return line;
  }

  public ThrowInfo throwInfo() {
    return throwInfo;
  }

  public List<Node> normalSuccessors() {
    return normal;
  }

  public List<Node> exceptionalSuccessors() {
    return exceptional;
  }

  @Override
  public String toString() {
    return "#" + id + "@" + line + " " + event;
  }
}
