package dev.leakguard.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link EventGraph} from structured code. A front-end walks its tree in evaluation order
 * and calls these methods; the builder owns the hard parts every front-end would otherwise repeat:
 * routing exceptions to the right catch or finally, and running finally blocks on every exit that
 * passes through them (a copy of the finally per exit, the way javac compiles it).
 *
 * <p>Finally bodies and catch bodies are given as callbacks, because they are lowered more than
 * once or at a later point.
 */
public final class GraphBuilder {

  /** Answers whether one exception type is a subtype of another. */
  @FunctionalInterface
  public interface SubtypeOracle {
    boolean isSubtype(String sub, String sup);
  }

  /** A catch clause: the caught types (several for a multi-catch) and its body. */
  public record Catch(List<String> types, Runnable body) {}

  /** A jump target. Created at the handler depth of the statement it belongs to. */
  public static final class Label {
    private final int depth;
    private final List<Edge> incoming = new ArrayList<>();
    private Node node;

    private Label(int depth) {
      this.depth = depth;
    }
  }

  private record Edge(Node from, boolean exceptional) {}

  private sealed interface Handler permits CatchHandler, FinallyHandler {}

  private record CatchClause(List<String> types, Label label) {}

  private record CatchHandler(List<CatchClause> clauses) implements Handler {}

  private static final class FinallyHandler implements Handler {
    final Runnable body;
    final int depth;
    final Map<String, Label> exceptionalEntries = new LinkedHashMap<>();

    FinallyHandler(Runnable body, int depth) {
      this.body = body;
      this.depth = depth;
    }
  }

  private final String methodName;
  private final SubtypeOracle oracle;
  private final List<Node> nodes = new ArrayList<>();
  private final List<Handler> handlers = new ArrayList<>();
  private final Node entry;
  private final Node normalExit;
  private final Node exceptionalExit;
  private final Label exitLabel;
  private List<Edge> pending = new ArrayList<>();

  public GraphBuilder(String methodName, SubtypeOracle oracle) {
    this.methodName = methodName;
    this.oracle = oracle;
    this.entry = newNode(new Event.Nop(), 0, null);
    this.normalExit = newNode(new Event.Nop(), 0, null);
    this.exceptionalExit = newNode(new Event.Nop(), 0, null);
    this.exitLabel = new Label(0);
    this.exitLabel.node = normalExit;
    pending.add(new Edge(entry, false));
  }

  private Node newNode(Event event, int line, ThrowInfo why) {
    Node n = new Node(nodes.size(), event, line, why);
    nodes.add(n);
    return n;
  }

  private static void connect(Edge e, Node to) {
    List<Node> list = e.exceptional ? e.from.exceptional : e.from.normal;
    if (!list.contains(to)) {
      list.add(to);
    }
  }

  private void addEdge(Label label, Edge e) {
    if (label.node != null) {
      connect(e, label.node);
    } else {
      label.incoming.add(e);
    }
  }

  private Node append(Event event, int line, ThrowInfo why) {
    Node n = newNode(event, line, why);
    for (Edge e : pending) {
      connect(e, n);
    }
    pending = new ArrayList<>();
    pending.add(new Edge(n, false));
    return n;
  }

  /** True if the current point can be reached (code after a return/throw/jump cannot). */
  public boolean reachable() {
    return !pending.isEmpty();
  }

  /** Appends an event that cannot throw a checked exception. */
  public void emit(Event event, int line) {
    append(event, line, null);
  }

  /**
   * Appends an event whose call may throw the given checked exception types; each is routed to the
   * innermost catch that may catch it, through finally blocks, or out of the method.
   */
  public void emitThrowing(Event event, int line, ThrowInfo why, List<String> thrownTypes) {
    Node n = append(event, line, why);
    route(n, thrownTypes);
  }

  /** {@code throw}: control leaves by exception only. */
  public void throwException(int line, ThrowInfo why, List<String> types) {
    Node n = append(new Event.Nop(), line, why);
    route(n, types);
    pending = new ArrayList<>();
  }

  private void route(Node n, List<String> types) {
    for (String t : types) {
      boolean handled = false;
      for (int i = handlers.size() - 1; i >= 0 && !handled; i--) {
        Handler h = handlers.get(i);
        if (h instanceof CatchHandler ch) {
          for (CatchClause cl : ch.clauses) {
            for (String ct : cl.types) {
              if (oracle.isSubtype(t, ct)) {
                addEdge(cl.label, new Edge(n, true));
                handled = true;
                break;
              }
              if (oracle.isSubtype(ct, t)) {
                addEdge(cl.label, new Edge(n, true));
              }
            }
            if (handled) {
              break;
            }
          }
        } else {
          FinallyHandler fh = (FinallyHandler) h;
          Label l = fh.exceptionalEntries.computeIfAbsent(t, k -> new Label(fh.depth));
          addEdge(l, new Edge(n, true));
          handled = true;
        }
      }
      if (!handled) {
        connect(new Edge(n, true), exceptionalExit);
      }
    }
  }

  /** A new label belonging to the current handler depth (create loop labels before the loop). */
  public Label newLabel() {
    return new Label(handlers.size());
  }

  /** Places {@code label} here: everything that jumped to it continues from this point. */
  public void place(Label label) {
    if (label.node != null) {
      throw new IllegalStateException("label placed twice in " + methodName);
    }
    List<Edge> in = new ArrayList<>(pending);
    in.addAll(label.incoming);
    label.incoming.clear();
    if (in.isEmpty()) {
      // Nothing reaches the label yet; a backward jump may still come (loop head).
      Node n = newNode(new Event.Nop(), 0, null);
      label.node = n;
      pending = new ArrayList<>();
      pending.add(new Edge(n, false));
      return;
    }
    Node n = newNode(new Event.Nop(), 0, null);
    for (Edge e : in) {
      connect(e, n);
    }
    label.node = n;
    pending = new ArrayList<>();
    pending.add(new Edge(n, false));
  }

  /** A condition we do not interpret: control may go on here or continue at {@code target}. */
  public void branch(Label target) {
    for (Edge e : pending) {
      addEdge(target, e);
    }
  }

  /** {@code if (var == null) goto ifNull}; falls through with {@code var != null}. */
  public void branchOnNull(String var, Label ifNull) {
    nullSplit(var, ifNull, true);
  }

  /** {@code if (var != null) goto ifNonNull}; falls through with {@code var == null}. */
  public void branchOnNonNull(String var, Label ifNonNull) {
    nullSplit(var, ifNonNull, false);
  }

  /**
   * {@code if (flag) goto ifTrue}; falls through with {@code flag} false. Configurations that
   * already know the flag's value follow only their own branch.
   */
  public void branchOnFlag(String flag, Label ifTrue) {
    if (pending.isEmpty()) {
      return;
    }
    Node yes = newNode(new Event.AssumeFlag(flag, true), 0, null);
    Node no = newNode(new Event.AssumeFlag(flag, false), 0, null);
    for (Edge e : pending) {
      connect(e, yes);
      connect(e, no);
    }
    addEdge(ifTrue, new Edge(yes, false));
    pending = new ArrayList<>();
    pending.add(new Edge(no, false));
  }

  /** {@code if (a == b) goto ifSame}; falls through with {@code a != b} (two references). */
  public void branchOnSame(String a, String b, Label ifSame) {
    if (pending.isEmpty()) {
      return;
    }
    Node same = newNode(new Event.AssumeSame(a, b, true), 0, null);
    Node different = newNode(new Event.AssumeSame(a, b, false), 0, null);
    for (Edge e : pending) {
      connect(e, same);
      connect(e, different);
    }
    addEdge(ifSame, new Edge(same, false));
    pending = new ArrayList<>();
    pending.add(new Edge(different, false));
  }

  private void nullSplit(String var, Label target, boolean targetIsNull) {
    if (pending.isEmpty()) {
      return;
    }
    Node isNull = newNode(new Event.AssumeNull(var), 0, null);
    Node nonNull = newNode(new Event.AssumeNonNull(var), 0, null);
    for (Edge e : pending) {
      connect(e, isNull);
      connect(e, nonNull);
    }
    Node toTarget = targetIsNull ? isNull : nonNull;
    Node fallThrough = targetIsNull ? nonNull : isNull;
    addEdge(target, new Edge(toTarget, false));
    pending = new ArrayList<>();
    pending.add(new Edge(fallThrough, false));
  }

  /**
   * {@code break}/{@code continue}/goto to {@code target}, running the finally blocks it leaves.
   *
   * @param note what to tell the user if a resource leaks later on this path (e.g. "after the
   *     break at line 12"), or null
   */
  public void jump(Label target, String note, int line) {
    if (pending.isEmpty()) {
      return;
    }
    if (note != null) {
      emit(new Event.Jump(note), line);
    }
    runFinalliesDownTo(target.depth);
    for (Edge e : pending) {
      addEdge(target, e);
    }
    pending = new ArrayList<>();
  }

  /** {@code return var;} (var null if nothing tracked is returned). */
  public void returnFrom(String var, int line) {
    if (pending.isEmpty()) {
      return;
    }
    emit(new Event.Return(var, false), line);
    runFinalliesDownTo(0);
    for (Edge e : pending) {
      addEdge(exitLabel, e);
    }
    pending = new ArrayList<>();
  }

  private void runFinalliesDownTo(int depth) {
    List<Handler> saved = new ArrayList<>(handlers);
    for (int i = saved.size() - 1; i >= depth && !pending.isEmpty(); i--) {
      if (saved.get(i) instanceof FinallyHandler fh) {
        while (handlers.size() > i) {
          handlers.remove(handlers.size() - 1);
        }
        fh.body.run();
      }
    }
    handlers.clear();
    handlers.addAll(saved);
  }

  /**
   * try / catch / finally. {@code finallyBody} may be null. Try-with-resources is a try whose
   * finally closes the resources (see the front-ends).
   */
  public void tryStatement(Runnable body, List<Catch> catches, Runnable finallyBody) {
    FinallyHandler fh = null;
    if (finallyBody != null) {
      fh = new FinallyHandler(finallyBody, handlers.size());
      handlers.add(fh);
    }
    Label normalEnd = newLabel();
    List<CatchClause> clauses = new ArrayList<>();
    for (Catch c : catches) {
      clauses.add(new CatchClause(c.types(), newLabel()));
    }
    if (!clauses.isEmpty()) {
      handlers.add(new CatchHandler(clauses));
    }
    body.run();
    for (Edge e : pending) {
      addEdge(normalEnd, e);
    }
    pending = new ArrayList<>();
    if (!clauses.isEmpty()) {
      handlers.remove(handlers.size() - 1);
    }
    for (int i = 0; i < clauses.size(); i++) {
      Label l = clauses.get(i).label;
      if (l.incoming.isEmpty()) {
        continue; // no checked exception can reach this catch
      }
      place(l);
      catches.get(i).body().run();
      for (Edge e : pending) {
        addEdge(normalEnd, e);
      }
      pending = new ArrayList<>();
    }
    if (fh != null) {
      handlers.remove(handlers.size() - 1);
    }
    if (!normalEnd.incoming.isEmpty()) {
      place(normalEnd);
      if (fh != null) {
        fh.body.run();
      }
    }
    if (fh != null) {
      List<Edge> after = pending;
      for (Map.Entry<String, Label> en : new ArrayList<>(fh.exceptionalEntries.entrySet())) {
        pending = new ArrayList<>();
        place(en.getValue());
        fh.body.run();
        if (!pending.isEmpty()) {
          Node rethrow = append(new Event.Nop(), 0, null);
          route(rethrow, List.of(en.getKey()));
          pending = new ArrayList<>();
        }
      }
      pending = after;
    }
  }

  /** Finishes the graph; {@code endLine} is the line of the body's closing brace. */
  private boolean constructor;

  /** Marks the body lowered as a constructor's (see {@link EventGraph#isConstructor}). */
  public void constructor(boolean isConstructor) {
    this.constructor = isConstructor;
  }

  public EventGraph build(int endLine) {
    if (!pending.isEmpty()) {
      emit(new Event.Return(null, true), endLine);
      for (Edge e : pending) {
        addEdge(exitLabel, e);
      }
      pending = new ArrayList<>();
    }
    if (!handlers.isEmpty()) {
      throw new IllegalStateException("unbalanced try nesting in " + methodName);
    }
    return new EventGraph(methodName, nodes, entry, normalExit, exceptionalExit, constructor);
  }
}
