package dev.leakguard.core.analysis;

import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one call does to resources, decided once for every front-end: model rules first, then
 * annotations, then the summary of a body the front-end can see, then local collections, then the
 * default rule (a call with a resource result and nothing else known hands the caller a resource
 * it owns). Front-ends describe the call in a {@link Call}, evaluate the receiver and arguments
 * themselves, and receive the events in the order their effects happen.
 */
public final class CallEffects {
  private static final Set<String> COLLECTION_ADDERS =
      Set.of("add", "addLast", "addFirst", "push", "offer", "offerLast", "offerFirst", "put", "set");
  private static final Set<String> COLLECTION_TAKERS =
      Set.of(
          "get", "pop", "poll", "pollFirst", "pollLast", "remove", "removeFirst", "removeLast",
          "peek", "peekFirst", "peekLast", "element", "getFirst", "getLast", "take");

  private CallEffects() {}

  /**
   * What a front-end knows about one call.
   *
   * @param name the method's simple name (or "new Type" for a constructor), for "when NAME throws"
   * @param constructor the call creates an object
   * @param rules the model's rules for the method (empty if none)
   * @param methodRoles annotation roles on the method
   * @param paramRoles annotation roles per declared parameter (the last one repeats for varargs)
   * @param paramKinds resource kind of each declared parameter's type (null entries for others)
   * @param summary the summary of a body the front-end sees, or null
   * @param resultKind the resource kind of the static result type, or null
   * @param resultNotResource the model lists the result type as not a resource
   * @param closeableResult the constructed type is AutoCloseable (a wrapper of its resource args)
   * @param declarationKnown the method's declaration is known (its result type is reliable)
   * @param checkedThrows checked exception types the call may throw
   * @param receiverIsCollection the receiver is a java.util.Collection
   * @param localCollection the receiver's local variable when it is a local collection, else null
   */
  public record Call(
      String name,
      boolean constructor,
      List<MethodRule> rules,
      Set<AnnotationRole> methodRoles,
      List<Set<AnnotationRole>> paramRoles,
      List<ResourceKind> paramKinds,
      MethodSummary summary,
      ResourceKind resultKind,
      boolean resultNotResource,
      boolean closeableResult,
      boolean declarationKnown,
      List<String> checkedThrows,
      boolean receiverIsCollection,
      String localCollection) {}

  /** Where the events go, and the front-end's part of naming things. */
  public interface Out {
    void emit(Event e);

    void emitThrowing(Event e, ThrowInfo why, List<String> types);

    /** A fresh temporary variable, killed by the front-end at the end of the full expression. */
    String temp();

    /** The acquisition site of this call (position, display text), first bound to variable. */
    Site site(ResourceKind kind, String variable);

    /** The call as shown when a close throws, e.g. "rs.close()". */
    String closeText(String var);
  }

  /**
   * Emits the call's events and returns the variable holding its result when that may be a
   * tracked resource, else null.
   *
   * @param recv the variable holding the receiver (null if untracked or static)
   * @param args the variables holding the arguments (null entries for untracked ones)
   * @param into the local variable the result is assigned to, or null; variable names may carry a
   *     "~N" suffix that tells shadowed locals apart, which messages leave out
   */
  public static String lower(Call c, String recv, List<String> args, String into, int line, Out out) {
    List<String> thrown = c.checkedThrows();
    MethodSummary summary = c.rules().isEmpty() ? c.summary() : null;
    boolean threw = false;
    String result = null;
    boolean resultDecided = false;

    List<String> releases = new ArrayList<>();
    List<String> transfers = new ArrayList<>();
    String wrapped = null;
    boolean quietRelease = false;
    for (MethodRule r : c.rules()) {
      if (r instanceof MethodRule.Release rel) {
        for (int i : rel.args()) {
          addIfTracked(releases, i == MethodRule.RECEIVER ? recv : arg(args, i));
        }
        quietRelease |= rel.quiet();
      } else if (r instanceof MethodRule.Transfer tr) {
        for (int i : tr.args()) {
          addIfTracked(transfers, i == MethodRule.RECEIVER ? recv : arg(args, i));
        }
      } else if (r instanceof MethodRule.Wrap w) {
        wrapped = w.arg() == MethodRule.RECEIVER ? recv : arg(args, w.arg());
        resultDecided = true;
      }
    }
    int params = c.paramRoles().size();
    for (int i = 0; i < args.size(); i++) {
      int p = Math.min(i, params - 1);
      if (args.get(i) == null) {
        continue;
      }
      Set<AnnotationRole> pr = p < 0 ? Set.of() : c.paramRoles().get(p);
      if (pr.contains(AnnotationRole.PARAM_RELEASED)) {
        releases.add(args.get(i));
      } else if (pr.contains(AnnotationRole.PARAM_OWNED)) {
        transfers.add(args.get(i));
      } else if (pr.contains(AnnotationRole.PARAM_WRAPPED)) {
        wrapped = args.get(i);
        resultDecided = true;
      } else if (summary != null && summary.closesParams().contains(p)) {
        releases.add(args.get(i));
      } else if (summary != null && summary.ownsParams().contains(p) && !c.closeableResult()) {
        // (a closeable object constructed around a resource is tracked as its wrapper below)
        transfers.add(args.get(i));
      }
    }
    if (c.receiverIsCollection()) {
      String coll = c.localCollection();
      if (coll != null && COLLECTION_TAKERS.contains(c.name())) {
        String t = into != null ? into : out.temp();
        out.emit(new Event.ElementsOf(t, coll));
        return t;
      }
      if (COLLECTION_ADDERS.contains(c.name())) {
        for (String a : args) {
          if (a == null) {
            continue;
          }
          if (coll != null) {
            out.emit(new Event.AddTo(coll, a));
          } else {
            transfers.add(a); // into a collection we do not follow: it escapes
          }
        }
      }
    }
    for (String v : releases) {
      if (!threw && !thrown.isEmpty() && !quietRelease) {
        out.emitThrowing(
            new Event.Release(v), new ThrowInfo(out.closeText(v), thrown.get(0), line, true), thrown);
        threw = true;
      } else {
        out.emit(new Event.Release(v));
      }
    }
    for (String v : transfers) {
      out.emit(new Event.Transfer(v));
    }
    for (MethodRule r : c.rules()) {
      if (r instanceof MethodRule.ResetChildren && recv != null) {
        out.emit(new Event.ResetChildren(recv));
      }
    }

    MethodRule.Acquire acquire = null;
    for (MethodRule r : c.rules()) {
      if (r instanceof MethodRule.Acquire a) {
        acquire = a;
        resultDecided = true;
      } else if (r instanceof MethodRule.Borrow br) {
        resultDecided = true;
        if (br.of() == MethodRule.BorrowOf.PARENT_OF_RECEIVER && recv != null) {
          result = into != null ? into : out.temp();
          out.emit(new Event.AssignParentOf(result, recv));
        } else {
          result = borrowed(c, into, out);
        }
      }
    }
    if (wrapped == null && acquire == null && summary != null && summary.returnsParam() >= 0) {
      // the method hands back what it was given (wrap(rs), checked(con)): the result is the argument
      wrapped = arg(args, summary.returnsParam());
      resultDecided = true;
    }
    if (wrapped != null && acquire == null) {
      result = into != null ? into : out.temp();
      out.emit(new Event.Assign(result, wrapped));
    } else if (!resultDecided && c.closeableResult()) {
      // an AutoCloseable constructed around a resource closes it when it is closed: of several
      // resource arguments, the one of its own kind (a ResultSet proxy wraps the ResultSet, not
      // the Connection it was also given), else the first
      String a = c.resultKind() != null ? sameKindArgument(c, args, c.resultKind()) : null;
      if (a == null) {
        for (String x : args) {
          if (x != null) {
            a = x;
            break;
          }
        }
      }
      if (a != null) {
        result = into != null ? into : out.temp();
        out.emit(new Event.Assign(result, a));
        resultDecided = true;
      }
    }
    ResourceKind kind = c.resultKind();
    if (acquire == null && !resultDecided && kind != null && !c.constructor() && c.declarationKnown()) {
      if (c.methodRoles().contains(AnnotationRole.RETURNS_BORROWED)) {
        result = borrowed(c, into, out);
        resultDecided = true;
      } else if (c.methodRoles().contains(AnnotationRole.RETURNS_OWNED)) {
        acquire = new MethodRule.Acquire(kind, MethodRule.Parent.NONE, 0, "@MustBeClosed");
      } else if (summary != null && summary.returnsBorrowed()) {
        result = borrowed(c, into, out);
        resultDecided = true;
      } else if (c.resultNotResource()) {
        resultDecided = true;
      } else if ((wrapped = sameKindArgument(c, args, kind)) != null) {
        // Statement proxy(Statement s) with no body we can follow: a wrapper of its argument (a
        // fresh statement here would leave the argument unclosed on every path: noise)
        result = into != null ? into : out.temp();
        out.emit(new Event.Assign(result, wrapped));
        resultDecided = true;
      } else {
        // no model entry, no body we can see: the caller owns what it gets
        acquire = new MethodRule.Acquire(kind, MethodRule.Parent.NONE, 0, "default");
      }
    }
    if (acquire != null) {
      ResourceKind k = kind != null ? kind : acquire.kind();
      String parent =
          switch (acquire.parent()) {
            case RECEIVER -> recv;
            case ARGUMENT -> arg(args, acquire.parentArg());
            case NONE -> null;
          };
      result = into != null ? into : out.temp();
      Site site = out.site(k, into != null ? into.replaceAll("~\\d+$", "") : null);
      Event ev = new Event.Acquire(result, site, parent);
      if (!threw && !thrown.isEmpty()) {
        out.emitThrowing(ev, new ThrowInfo(c.name(), thrown.get(0), line, false), thrown);
        threw = true;
      } else {
        out.emit(ev);
      }
    }
    if (!threw && !thrown.isEmpty()) {
      out.emitThrowing(new Event.Nop(), new ThrowInfo(c.name(), thrown.get(0), line, false), thrown);
    }
    return result;
  }

  /**
   * A borrowed resource: not the caller's to close, but named, so that a method returning it is
   * itself summarised as returning something borrowed (a getter calling a getter).
   */
  private static String borrowed(Call c, String into, Out out) {
    String t = into != null ? into : out.temp();
    out.emit(new Event.AssignOpaque(t, "borrowed:" + c.name()));
    return t;
  }

  /** The first tracked argument passed to a parameter of the result's resource kind. */
  private static String sameKindArgument(Call c, List<String> args, ResourceKind kind) {
    int params = c.paramKinds().size();
    for (int i = 0; i < args.size() && params > 0; i++) {
      if (args.get(i) != null && c.paramKinds().get(Math.min(i, params - 1)) == kind) {
        return args.get(i);
      }
    }
    return null;
  }

  private static void addIfTracked(List<String> out, String v) {
    if (v != null) {
      out.add(v);
    }
  }

  private static String arg(List<String> args, int i) {
    return i >= 0 && i < args.size() ? args.get(i) : null;
  }
}
