package dev.leakguard.core.analysis;

import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.MethodSig;
import dev.leakguard.core.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What one call does to resources, decided once for every front-end: model rules first, then
 * annotations, then the summaries of the bodies the front-end can see (the method and every
 * override of it in the analysed code), then local collections and holders, then evidence: the
 * callers elsewhere that close the same method's results, and the names of the method and its
 * receiver ({@link Ownership}). A resource result nothing decides is not tracked. Front-ends
 * describe the call in a {@link Call}, evaluate the receiver and arguments themselves, and
 * receive the events in the order their effects happen.
 */
public final class CallEffects {
  /**
   * The types whose instances hold what is put in them (the front-ends' "collection"): what goes
   * in goes where the holder goes. A ThreadLocal or AtomicReference field holds a session as a
   * list field holds statements.
   */
  public static final java.util.List<String> HOLDER_TYPES =
      java.util.List.of(
          "java.util.Collection", "java.util.Map", "java.lang.ThreadLocal",
          "java.util.concurrent.atomic.AtomicReference");

  private static final Set<String> COLLECTION_ADDERS =
      Set.of("add", "addLast", "addFirst", "push", "offer", "offerLast", "offerFirst", "put", "set");
  private static final Set<String> COLLECTION_TAKERS =
      Set.of(
          "get", "pop", "poll", "pollFirst", "pollLast", "remove", "removeFirst", "removeLast",
          "peek", "peekFirst", "peekLast", "element", "getFirst", "getLast", "take", "values");

  /** The parent variable of a resource created from a receiver the front-end does not track. */
  static final String UNTRACKED_RECEIVER = "#receiver";

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
   * @param summary the summary of the bodies the call may run that the front-end sees (the
   *     resolved method's and its overrides', combined by {@link MethodSummary#combine}), or null
   * @param resultKind the resource kind of the static result type, or null
   * @param resultNotResource the model lists the result type as not a resource, or it is an array
   *     or a primitive: no acquire entry makes such a result a resource
   * @param closeableResult the constructed type is AutoCloseable (a wrapper of its resource args)
   * @param declarationKnown the method's declaration is known (its result type is reliable)
   * @param checkedThrows checked exception types the call may throw
   * @param receiverIsCollection the receiver is a java.util.Collection or a java.util.Map
   * @param localCollection the receiver's local variable when it is a local collection, else null
   * @param receiverType the static type of the receiver (binary name): the enclosing class for an
   *     unqualified call, the class for a static call or a constructor; null when unknown
   * @param staticCall the method is static
   * @param closedByCallers other methods of the analysed code close the results of this method on
   *     this receiver type ({@link UsageEvidence}); outweighs a getter's name, not a stronger one.
   *     Asked only when nothing stronger decides the result, so a front-end whose evidence is costly
   *     to gather (a first pass over every class) gathers it only then
   * @param receiverKind the resource kind of the receiver's static type (a Statement subclass), or
   *     null: a new resource of the kind such a receiver creates is its child
   * @param paramTypes the erased type of each declared parameter (binary names, null entries where
   *     unknown)
   * @param paramNames the name of each declared parameter, as its declaration or debug information
   *     gives it (null entries where unknown)
   * @param trueArgs the indexes of the arguments that are the constant {@code true}
   * @param argumentTexts the constant strings that make up the arguments, as far as the front-end
   *     sees them: literals and constants, also inside a concatenation or a formatting call ({@code
   *     String.format(URL, name, "drop=true")}); for rules that read a URL
   * @param receiverIsSelf the receiver is the object whose code calls: an unqualified call of an
   *     instance method, or one on {@code this} or {@code super}; from an inner class, the object
   *     it belongs to
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
      String localCollection,
      String receiverType,
      boolean staticCall,
      BooleanSupplier closedByCallers,
      ResourceKind receiverKind,
      List<String> paramTypes,
      List<String> paramNames,
      Set<Integer> trueArgs,
      List<String> argumentTexts,
      boolean receiverIsSelf) {

    /**
     * True if the caller passes {@code true} to a parameter whose name says the call closes what it
     * works on ({@link Ownership#isCloseFlag}): {@code stmt.executeQuery(sql, true)} for {@code
     * closeStmt}, {@code new Session(source, true)} for {@code autoClose}.
     */
    boolean asksToCloseItself() {
      for (int i : trueArgs) {
        int p = Math.min(i, paramNames.size() - 1);
        if (p >= 0 && Ownership.isCloseFlag(paramNames.get(p))) {
          return true;
        }
      }
      return false;
    }
  }

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

    /**
     * True in the first pass that gathers {@link UsageEvidence}: a result that nothing decides, or
     * that only its name calls borrowed, is tracked as if owned and announced to {@link #probed}.
     */
    default boolean probing() {
      return false;
    }

    /** In the first pass: {@code site} holds a result of the method with this evidence key. */
    default void probed(Site site, String key) {}
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
    if (c.summary() != null && c.summary().neverThrows() && summaryMayExcuseThrows(c.rules(), c.receiverType())) {
      // every body the call may run returns normally: its throws clause is only a declaration
      thrown = List.of();
    }
    // a body too large or odd to summarise tells nothing: names decide, as for no body
    MethodSummary summary =
        c.rules().isEmpty() && c.summary() != MethodSummary.UNKNOWN ? c.summary() : null;
    boolean threw = false;
    String result = null;
    boolean resultDecided = false;
    String probeKey = null;
    boolean disputed = false; // see Event.Acquire#disputed
    boolean selfClosing = false;

    List<String> releases = new ArrayList<>();
    Set<String> closedEvenWhenThrowing = new HashSet<>();
    List<String> transfers = new ArrayList<>();
    String wrapped = null;
    boolean quietRelease = false;
    // a helper that closes its argument when it returns, not when it throws
    boolean closesOnlyOnReturn = false;
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
    if (recv != null && c.rules().isEmpty() && !c.constructor() && !c.staticCall()
        && !Ownership.isPlatformType(c.receiverType()) && Ownership.releasesReceiver(c.name())) {
      // a resource's own way to close itself (closeInternal(true), reallyClose())
      releases.add(recv);
    }
    int params = c.paramRoles().size();
    // what a constructed object keeps of its arguments (it is handed over or lost with them)
    List<String> kept = new ArrayList<>();
    List<String> keptByNew = List.of(); // kept by the resource the call constructs, besides what it wraps
    boolean evidence = c.rules().isEmpty() && !Ownership.isPlatformType(c.receiverType());
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
      } else if (pr.contains(AnnotationRole.PARAM_BORROWED)) {
        continue;
      } else if (summary != null && summary.closesParams().contains(p)) {
        releases.add(args.get(i));
        if (!summary.closesParamsWhenThrowing().contains(p)) {
          closesOnlyOnReturn = true;
        } else {
          closedEvenWhenThrowing.add(args.get(i));
        }
      } else if (summary != null && summary.ownsParams().contains(p)) {
        if (c.constructor()) {
          kept.add(args.get(i));
        } else {
          transfers.add(args.get(i));
        }
      } else if ((summary == null || (!c.constructor() && untypedParam(c, p)))
          && evidence && !c.receiverIsCollection()) {
        // no body, no model entry: the evidence of the call's name; so too for a parameter the
        // body cannot follow, declared as an Object (destroyResource(Object resc))
        if (c.constructor()) {
          kept.add(args.get(i));
        } else if (Ownership.releasesArguments(c.name())) {
          releases.add(args.get(i));
        } else if (Ownership.keepsArguments(c.name(), args.size())) {
          transfers.add(args.get(i));
        }
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
    // the caller asks the call to close what it works on (closeStmt, autoClose passed true): the
    // receiver goes with it, and so do the resources passed to a call whose body is not seen (one
    // that is seen says itself what it does with them); a resource it constructs closes itself
    boolean closesItself = c.asksToCloseItself();
    for (MethodRule r : c.rules()) {
      // the model already says what the call does with what it is given
      closesItself &=
          !(r instanceof MethodRule.Release || r instanceof MethodRule.Transfer || r instanceof MethodRule.Wrap);
    }
    if (closesItself) {
      if (recv != null && !c.constructor()) {
        transfers.add(recv);
      }
      for (String a : summary == null && !c.constructor() ? args : List.<String>of()) {
        if (a != null && !releases.contains(a) && !transfers.contains(a)) {
          transfers.add(a);
        }
      }
    }
    if (closesOnlyOnReturn && !thrown.isEmpty()) {
      // the call can throw before it closes: its exception leaves the arguments open
      out.emitThrowing(new Event.Nop(), new ThrowInfo(c.name(), thrown.get(0), line, false), thrown);
      threw = true;
    }
    // a body that closes its arguments even when it throws (in its finally) closes them all before
    // its exception leaves: then the last release carries the exceptional edges, not the first
    int throwingRelease = closedEvenWhenThrowing.containsAll(releases) ? releases.size() - 1 : 0;
    for (int k = 0; k < releases.size(); k++) {
      String v = releases.get(k);
      if (!threw && !thrown.isEmpty() && !quietRelease && k == throwingRelease) {
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
        resultDecided = true;
        if (c.resultNotResource() && !c.constructor()) {
          // an overload the model's "(..)" reaches that returns no resource at all (an array)
          continue;
        }
        if (c.receiverIsSelf() && c.rules().stream().anyMatch(k -> k instanceof MethodRule.KeepsLast)) {
          // the object asks itself for the result it keeps and closes itself (a pooled
          // connection's own logical handle): the object's, not this method's
          result = borrowed(c, into, out);
        } else if (c.summary() != null && c.summary() != MethodSummary.UNKNOWN && c.summary().returnsHeld()) {
          // every body the call may run returns what its receiver holds (a pooled connection that
          // hands out its physical connection, the same object on every call): the receiver's.
          // A resource of the receiver's own kind is the receiver to its caller: it goes where
          // the result goes (a pool returns an item's connection, whose close gives the item back)
          if (recv != null && c.receiverKind() == a.kind()) {
            result = into != null ? into : out.temp();
            out.emit(new Event.Assign(result, recv));
          } else {
            result = borrowed(c, into, out);
          }
        } else {
          acquire = a;
        }
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
    } else if (wrapped == null && acquire == null && summary != null && summary.returnsReceiver()
        && !c.constructor()) {
      // a fluent method (return this): the result is the receiver
      wrapped = recv;
      resultDecided = true;
    }
    ResourceKind kind = c.resultKind();
    if (wrapped != null && acquire == null) {
      result = into != null ? into : out.temp();
      out.emit(new Event.Assign(result, wrapped));
    } else if (!resultDecided && c.closeableResult() && kind == null) {
      // an AutoCloseable that is not itself a resource, constructed around resources, closes
      // them when it is closed (a cursor over a ResultSet)
      String a = first(kept);
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
        // it keeps every one of them (a results object over a statement and its result set)
        for (String k : kept.size() > 1 ? kept.subList(1, kept.size()) : List.<String>of()) {
          out.emit(new Event.AddTo(result, k));
        }
        resultDecided = true;
      }
    } else if (!resultDecided && c.constructor() && kind != null) {
      // a resource class constructed around a resource of its own kind wraps it (a proxy);
      // otherwise it is a new resource (a driver's statement, a pool's connection handle)
      // the other resources its constructor keeps (in fields its close() closes) go with it:
      // a connection proxy over a connection and the statement it closes with it
      String same = sameKindArgument(c, args, kind);
      if (same != null) {
        result = into != null ? into : out.temp();
        out.emit(new Event.Assign(result, same));
        keptByNew = keptWithNew(c, args, kept, kind, same);
      } else if (c.declarationKnown()) {
        acquire = new MethodRule.Acquire(kind, MethodRule.Parent.NONE, 0, "constructor");
        keptByNew = keptWithNew(c, args, kept, kind, null);
      }
      resultDecided = true;
    } else if (!resultDecided && c.constructor() && !kept.isEmpty()) {
      // an object constructed around resources keeps them: they go where it goes
      result = into != null ? into : out.temp();
      out.emit(new Event.Assign(result, kept.get(0)));
      for (String k : kept.subList(1, kept.size())) {
        out.emit(new Event.AddTo(result, k));
      }
      resultDecided = true;
    }
    if (acquire == null && !resultDecided && kind != null && !c.constructor() && c.declarationKnown()) {
      if (c.methodRoles().contains(AnnotationRole.RETURNS_BORROWED)) {
        result = borrowed(c, into, out);
        resultDecided = true;
      } else if (c.methodRoles().contains(AnnotationRole.RETURNS_OWNED)) {
        acquire = new MethodRule.Acquire(kind, MethodRule.Parent.NONE, 0, "@MustBeClosed");
      } else if (summary != null && summary.returnsBorrowed()) {
        result = borrowed(c, into, out);
        resultDecided = true;
      } else if (summary != null && summary.returnsFresh()) {
        acquire =
            summary.returnsChildOf() >= 0
                ? new MethodRule.Acquire(kind, MethodRule.Parent.ARGUMENT, summary.returnsChildOf(), "summary")
                : new MethodRule.Acquire(kind, MethodRule.Parent.NONE, 0, "summary");
        selfClosing = summary.returnsSelfClosing();
      } else if (c.resultNotResource()) {
        resultDecided = true;
      } else if ((wrapped = sameKindArgument(c, args, kind)) != null) {
        // Statement proxy(Statement s) with no body we can follow: a wrapper of its argument (a
        // fresh statement here would leave the argument unclosed on every path: noise)
        result = into != null ? into : out.temp();
        out.emit(new Event.Assign(result, wrapped));
        resultDecided = true;
      } else {
        Ownership.Decision d = Ownership.ofResult(c.name(), c.receiverType(), c.staticCall());
        disputed = summary != null && summary.returnsDisputed();
        boolean weak = d == Ownership.Decision.GETTER || d == Ownership.Decision.UNDECIDED;
        if (d == Ownership.Decision.OWNED) {
          acquire = new MethodRule.Acquire(kind, MethodRule.Parent.NONE, 0, "name");
        } else if (weak && c.closedByCallers().getAsBoolean()) {
          acquire = new MethodRule.Acquire(kind, MethodRule.Parent.NONE, 0, "callers");
        } else if (weak && out.probing() && c.receiverType() != null) {
          acquire = new MethodRule.Acquire(kind, MethodRule.Parent.NONE, 0, "probe");
          probeKey = UsageEvidence.key(c.receiverType(), c.name(), args.size());
        } else if (d != Ownership.Decision.UNDECIDED) {
          result = borrowed(c, into, out);
        }
        resultDecided = true;
      }
      if (acquire != null && acquire.parent() == MethodRule.Parent.NONE && !c.staticCall()
          && c.receiverKind() != null && c.receiverKind() == kind.parentKind()) {
        // a new resource of the kind its receiver creates (a driver's own createDriverResultSet
        // on a Statement) is the receiver's child, as a modelled executeQuery's is: closed with
        // it, and what completes a statement that closes on completion
        acquire =
            new MethodRule.Acquire(acquire.kind(), MethodRule.Parent.RECEIVER, MethodRule.RECEIVER, acquire.origin());
      }
    }
    if (acquire != null
        && (kind != null ? kind : acquire.kind()) == ResourceKind.CONNECTION
        && Ownership.shutsDownDatabase(c.argumentTexts())) {
      // a URL that shuts the database down (Derby's ;shutdown=true): the call never returns one
      acquire = null;
    }
    if (acquire != null) {
      ResourceKind k = kind != null ? kind : acquire.kind();
      String parent =
          switch (acquire.parent()) {
            // a receiver the front-end does not track (this, an undecided result) is still a
            // parent: one the method does not own
            case RECEIVER -> recv != null ? recv : c.staticCall() ? null : UNTRACKED_RECEIVER;
            case ARGUMENT ->
                arg(args, acquire.parentArg()) != null
                    ? arg(args, acquire.parentArg())
                    // a helper running a statement the caller does not track: one it does not own
                    : "summary".equals(acquire.origin()) ? UNTRACKED_RECEIVER : null;
            case NONE -> null;
          };
      result = into != null ? into : out.temp();
      // a temporary of the front-end (a switch expression's value) is no variable to name
      String named = into == null || into.startsWith("$") ? null : withoutShadowSuffix(into);
      Site site = out.site(k, named);
      if (probeKey != null) {
        out.probed(site, probeKey);
      }
      Event ev = new Event.Acquire(result, site, parent, guardFlags(c.rules()), disputed);
      if (!threw && !thrown.isEmpty()) {
        out.emitThrowing(ev, new ThrowInfo(c.name(), thrown.get(0), line, false), thrown);
        threw = true;
      } else {
        out.emit(ev);
      }
    }
    for (MethodRule r : c.rules()) {
      if (r instanceof MethodRule.ClosesWithChildren && recv != null) {
        out.emit(new Event.CloseWithChildren(recv));
        threw = true; // closeOnCompletion() fails only on a closed statement: not a path
      }
    }
    if (!threw && !thrown.isEmpty()) {
      out.emitThrowing(new Event.Nop(), new ThrowInfo(c.name(), thrown.get(0), line, false), thrown);
    }
    if (selfClosing && result != null) {
      out.emit(new Event.CloseWithChildren(result));
    }
    // once constructed (not when the constructor throws), the new resource owns them
    for (String owned : keptByNew) {
      out.emit(new Event.Transfer(owned));
    }
    if (closesItself && c.constructor() && result != null) {
      out.emit(new Event.Transfer(result));
    }
    return result;
  }

  /** A variable's name without the "~N" that tells a shadowed local apart ("con~2" is "con"). */
  private static String withoutShadowSuffix(String var) {
    int tilde = var.lastIndexOf('~');
    if (tilde < 0 || tilde == var.length() - 1) {
      return var;
    }
    for (int i = tilde + 1; i < var.length(); i++) {
      if (var.charAt(i) < '0' || var.charAt(i) > '9') {
        return var;
      }
    }
    return var.substring(0, tilde);
  }

  /**
   * True if a call closes its argument {@code i}, by the rules {@link #lower} applies: a model
   * release, {@code @WillClose}, the summary of the bodies the call may run, or, for a call with
   * none of these outside the JDK, a name that releases ({@code closeQuietly}, {@code release}).
   * Front-ends use it to find the fields a class closes.
   */
  public static boolean closesArgument(
      List<MethodRule> rules,
      Set<AnnotationRole> paramRoles,
      MethodSummary summary,
      String name,
      String receiverType,
      int i) {
    for (MethodRule r : rules) {
      if (r instanceof MethodRule.Release rel && rel.args().contains(i)) {
        return true;
      }
    }
    if (paramRoles.contains(AnnotationRole.PARAM_RELEASED)) {
      return true;
    }
    if (summary != null && summary != MethodSummary.UNKNOWN) {
      return summary.closesParams().contains(i);
    }
    return rules.isEmpty()
        && !paramRoles.contains(AnnotationRole.PARAM_BORROWED)
        && !Ownership.isPlatformType(receiverType)
        && Ownership.releasesArguments(name);
  }

  /**
   * True if a call closes its receiver: a model release of the receiver, {@code close()}, or, for
   * a method no model entry describes, a name that closes its receiver ({@code closeInternal(true)},
   * {@code reallyClose()}, {@link Ownership#releasesReceiver}).
   */
  public static boolean closesReceiver(List<MethodRule> rules, String name, int arguments) {
    if (name.equals("close") && arguments == 0) {
      return true;
    }
    for (MethodRule r : rules) {
      if (r instanceof MethodRule.Release rel && rel.args().contains(MethodRule.RECEIVER)) {
        return true;
      }
    }
    return rules.isEmpty() && Ownership.releasesReceiver(name);
  }

  /**
   * A borrowed resource: not the caller's to close, but named, so that a method returning it is
   * itself summarised as returning something borrowed (a getter calling a getter).
   */
  /** The flags under which the model binds the call's resource to a context (bound-when). */
  private static List<String> guardFlags(List<MethodRule> rules) {
    for (MethodRule r : rules) {
      if (r instanceof MethodRule.BoundWhen bw) {
        List<String> out = new ArrayList<>();
        for (String g : bw.guards()) {
          out.add(dev.leakguard.core.model.ResourceModel.GUARD_FLAG + g);
        }
        return out;
      }
    }
    return List.of();
  }

  private static String borrowed(Call c, String into, Out out) {
    String t = into != null ? into : out.temp();
    out.emit(new Event.AssignOpaque(t, "borrowed:" + c.name()));
    return t;
  }

  /**
   * True if the model says the call acquires a resource: the front-end then also gives the
   * summary of the bodies it may run, which can show that they return a held field instead.
   */
  /**
   * True if {@link #lower} may make an acquisition of a call with these model rules and result
   * kind, whatever the summary of the bodies it runs says: only a rule that acquires, or a result
   * of a resource kind, becomes one. A front-end that finds no such call in a body knows it has no
   * finding without asking for any summary.
   */
  public static boolean mayAcquire(List<MethodRule> rules, ResourceKind resultKind) {
    return resultKind != null || acquires(rules);
  }

  public static boolean acquires(List<MethodRule> rules) {
    for (MethodRule r : rules) {
      if (r instanceof MethodRule.Acquire) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if {@link #lower} can use the summary of the bodies a call may run, so a front-end should
   * compute it: the model leaves the call to its bodies or says it acquires, and the call has a
   * resource result, a checked exception the summary may show it never throws, a tracked receiver
   * it may return, or a tracked argument of a type that can hold a resource. Otherwise the summary
   * changes nothing, and summarising those bodies (and all they call) is most of the cost of an
   * analysis.
   *
   * <p>What a summary tells of a receiver alone is whether the call returns it ({@code return
   * this}), which a constructor, a method returning nothing or a primitive, or one returning a
   * value type ({@link #mayHoldResource}) cannot do; what it tells of an argument (closed, kept,
   * returned) concerns a resource only when the parameter's type can hold one: not a primitive, a
   * String, a boxed primitive or an array of those.
   *
   * @param recv the variable holding the receiver, null if untracked
   * @param args the variables holding the arguments, null entries for untracked ones
   * @param constructor the call creates an object
   * @param resultType the erased result type (binary name, "void" or a primitive's name), null if
   *     unknown
   * @param paramTypes the erased type of each declared parameter (binary names, primitives by
   *     name, null entries where unknown); an argument past the last one is the last one's (varargs)
   */
  public static boolean wantsSummary(
      List<MethodRule> rules, ResourceKind resultKind, List<String> checkedThrows, String recv,
      List<String> args, boolean constructor, String resultType, List<String> paramTypes) {
    if (!rules.isEmpty() && !acquires(rules)) {
      return false;
    }
    if (resultKind != null || !checkedThrows.isEmpty()) {
      return true;
    }
    // a model acquisition: the summary may show that the bodies return a held field instead
    boolean acquires = !rules.isEmpty();
    if (recv != null && (acquires || (!constructor && mayHoldResource(resultType)))) {
      return true;
    }
    int params = paramTypes.size();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) != null
          && (acquires || params == 0 || mayHoldResource(paramTypes.get(Math.min(i, params - 1))))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a front-end summarises the bodies of class {@code owner} (binary name) for the calls
   * that may run them: not those of the platform's own classes ({@link Ownership#isPlatformType}),
   * which a tree holds only when it is the platform's sources. A call into the platform is decided
   * by the model and by names (see {@link #lower}), as in every project that calls it without its
   * sources, so the findings of the code around it do not hang on whether those sources were
   * scanned too; and on the platform's sources, following its calls into one another (to learn
   * what {@code Objects.requireNonNull} or {@code StringBuilder.append} does with an Object)
   * summarised most of them, in chains tens of thousands of methods long.
   */
  public static boolean summarisesBodiesOf(String owner) {
    return !Ownership.isPlatformType(owner);
  }

  /** What {@link #lower} reads of the summary of the bodies a call may run. */
  public enum SummaryUse {
    /** Nothing: the front-end need not compute it. */
    NONE,
    /**
     * Only whether every body never throws ({@link MethodSummary#neverThrows}). When one of them
     * is known to throw without summarising it ({@link #checkedThrowsWithoutSummaries}), no summary
     * lowers the call to the same events.
     */
    THROWS,
    /** More than whether it throws. */
    ALL
  }

  /**
   * What {@link #lower} reads of the summary of the bodies a call may run: {@link #wantsSummary},
   * and of a call it wants a summary for, whether the summary matters for more than the call's
   * checked exceptions. It matters only for them when there is no model rule, no resource result,
   * no tracked argument and no tracked receiver the call could return; and then not even for them
   * when the receiver's type is the platform's, whose declared exceptions stand.
   *
   * @param receiverType the static type of the receiver, as {@link Call#receiverType}
   */
  public static SummaryUse summaryUse(
      List<MethodRule> rules, ResourceKind resultKind, List<String> checkedThrows, String recv,
      List<String> args, boolean constructor, String resultType, List<String> paramTypes,
      String receiverType) {
    if (!wantsSummary(rules, resultKind, checkedThrows, recv, args, constructor, resultType, paramTypes)) {
      return SummaryUse.NONE;
    }
    if (!rules.isEmpty() || resultKind != null) {
      return SummaryUse.ALL;
    }
    // what a summary says of a tracked argument, and whether the call returns its receiver (only a
    // result that can hold a resource can be the receiver)
    if (recv != null && !constructor && mayHoldResource(resultType)) {
      return SummaryUse.ALL;
    }
    for (String a : args) {
      if (a != null) {
        return SummaryUse.ALL;
      }
    }
    return summaryMayExcuseThrows(rules, receiverType) ? SummaryUse.THROWS : SummaryUse.NONE;
  }

  /**
   * True if a summary saying that no body the call may run throws takes the call's checked
   * exceptions away in {@link #lower}: no model rule, and a receiver outside the platform.
   */
  private static boolean summaryMayExcuseThrows(List<MethodRule> rules, String receiverType) {
    return rules.isEmpty() && !Ownership.isPlatformType(receiverType);
  }

  /**
   * The checked exceptions to lower a call with when the body around it is lowered only to learn
   * whether it can throw, without the summaries of the bodies it calls: the declared ones, but none
   * for a call whose exceptions a summary could take away in {@link #lower} unless the front-end
   * knows it may throw all the same.
   *
   * <p>A body lowered so can throw ({@link EventGraph#canThrow}) only if it can also throw as
   * lowered with its callees' summaries, whatever these say, and then its own summary says it may
   * throw ({@link MethodSummary#neverThrows} is false): {@link #lower} emits a straight line of
   * events with one exceptional edge when the call has exceptions left, a summary changes only the
   * events on that line, and only a call lowered here without its exceptions can lose them to a
   * summary. This needs the front-end's own control flow not to depend on what a call lowered to
   * (the variable holding its result, or none).
   *
   * @param receiverType the static type of the receiver, as {@link Call#receiverType}
   * @param mayThrow whether the call may throw for all the front-end knows without summaries: it
   *     sees none of the bodies the call may run (it would give {@link #lower} no summary), or one
   *     of them can throw as lowered this way; asked only when it decides
   */
  public static List<String> checkedThrowsWithoutSummaries(
      List<MethodRule> rules, List<String> checkedThrows, String receiverType, BooleanSupplier mayThrow) {
    return checkedThrows.isEmpty() || !summaryMayExcuseThrows(rules, receiverType) || mayThrow.getAsBoolean()
        ? checkedThrows
        : List.of();
  }

  /**
   * Types whose values hold no resource and nothing that holds one: final classes of plain values.
   * The obligation analysis follows a resource only through variables and results it can be
   * assigned to.
   */
  private static final Set<String> VALUE_TYPES =
      Set.of(
          "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
          "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
          "java.lang.Double", "java.lang.Void");

  /**
   * False if a value of erased type {@code type} (binary name, a primitive's name or "void") can
   * hold no resource: a primitive, a value type ({@link #VALUE_TYPES}) or an array of those. True
   * for every other type, and for an unknown one (null).
   */
  public static boolean mayHoldResource(String type) {
    if (type == null) {
      return true;
    }
    String t = type;
    while (t.endsWith("[]")) {
      t = t.substring(0, t.length() - 2);
    }
    return !t.equals("void") && !MethodSig.PRIMITIVES.contains(t) && !VALUE_TYPES.contains(t);
  }

  /** Declared parameter types that hold any resource without saying which. */
  private static final Set<String> OPAQUE_TYPES =
      Set.of("java.lang.Object", "java.lang.AutoCloseable", "java.io.Closeable");

  /**
   * True if declared parameter {@code p} may hold a resource without being of a resource type (an
   * Object, a generic T): a body is not followed for it.
   */
  private static boolean untypedParam(Call c, int p) {
    String t = p >= 0 && p < c.paramTypes().size() ? c.paramTypes().get(p) : null;
    return t != null && OPAQUE_TYPES.contains(t);
  }

  /** The first tracked argument passed to a parameter of the result's resource kind. */
  /**
   * The arguments a constructed resource of {@code kind} keeps and takes with it: one of a kind
   * made from it (a statement a connection proxy closes with itself) or a plain object that holds
   * one, not {@code wrapped}. One of a kind it is made from it keeps to use (a statement's
   * connection, a result set's statement), and one of another family stays the caller's (the JDBC
   * connection under a library's session).
   */
  private static List<String> keptWithNew(
      Call c, List<String> args, List<String> kept, ResourceKind kind, String wrapped) {
    List<String> out = new ArrayList<>();
    int params = c.paramKinds().size();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a == null || a.equals(wrapped) || !kept.contains(a) || out.contains(a)) {
        continue;
      }
      ResourceKind pk = params > 0 ? c.paramKinds().get(Math.min(i, params - 1)) : null;
      boolean takes = pk == null;
      for (ResourceKind k = pk == null ? null : pk.parentKind(); k != null && !takes; k = k.parentKind()) {
        takes = k == kind;
      }
      if (takes) {
        out.add(a);
      }
    }
    return out;
  }

  private static String sameKindArgument(Call c, List<String> args, ResourceKind kind) {
    int params = c.paramKinds().size();
    for (int i = 0; i < args.size() && params > 0; i++) {
      if (args.get(i) != null && c.paramKinds().get(Math.min(i, params - 1)) == kind) {
        return args.get(i);
      }
    }
    return null;
  }

  private static String first(List<String> l) {
    return l.isEmpty() ? null : l.get(0);
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
