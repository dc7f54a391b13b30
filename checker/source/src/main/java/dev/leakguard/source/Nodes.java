package dev.leakguard.source;

import com.github.javaparser.ast.Node;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks of a syntax tree in the order of JavaParser's {@link Node#walk(Consumer)} (pre-order,
 * children left to right), without its iterator: that one keeps its nodes in a synchronized
 * {@link java.util.Stack}, and the engine's walks were a third of its time.
 */
final class Nodes {
  /**
   * A node's own list of children, read only: {@link Node#getChildNodes()} wraps it in a new
   * unmodifiable list on every call, the largest allocation of the engine's walks (about 50 MB
   * for 113,000 lines). Null if JavaParser no longer has the field (then the walks use the
   * method).
   */
  private static final VarHandle CHILD_NODES = childNodes();

  private Nodes() {}

  private static VarHandle childNodes() {
    try {
      return MethodHandles.privateLookupIn(Node.class, MethodHandles.lookup())
          .findVarHandle(Node.class, "childNodes", ArrayList.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Gives back the room {@code n}'s list of children grew to beyond its children, or puts {@code
   * empty} (a shared list that stays empty) in place of an empty one; nothing if JavaParser no
   * longer has the field.
   */
  static void trimChildren(Node n, ArrayList<?> empty) {
    if (CHILD_NODES == null) {
      return;
    }
    ArrayList<?> children = (ArrayList<?>) CHILD_NODES.get(n);
    if (children == null || children == empty) {
      return;
    }
    if (children.isEmpty()) {
      CHILD_NODES.set(n, empty);
    } else {
      children.trimToSize();
    }
  }

  /** The children of {@code n}, in order; the list must not be changed. */
  @SuppressWarnings("unchecked")
  private static List<Node> children(Node n) {
    return CHILD_NODES == null ? n.getChildNodes() : (ArrayList<Node>) CHILD_NODES.get(n);
  }

  /** Every node under {@code root} (itself included), in pre-order. */
  static void walk(Node root, Consumer<Node> action) {
    ArrayDeque<Node> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      action.accept(n);
      List<Node> children = children(n);
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
  }

  /** The nodes of {@code type} under {@code root} (itself included), in pre-order, as {@link Node#findAll(Class)}. */
  static <T extends Node> List<T> findAll(Node root, Class<T> type) {
    List<T> out = new ArrayList<>();
    walk(
        root,
        n -> {
          if (type.isInstance(n)) {
            out.add(type.cast(n));
          }
        });
    return out;
  }
}
