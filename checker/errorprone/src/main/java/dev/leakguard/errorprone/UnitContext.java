package dev.leakguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.leakguard.core.analysis.AnalysisResult;
import dev.leakguard.core.analysis.CallEffects;
import dev.leakguard.core.analysis.EventGraph;
import dev.leakguard.core.analysis.Lifecycle;
import dev.leakguard.core.analysis.MethodSummary;
import dev.leakguard.core.analysis.ObligationAnalysis;
import dev.leakguard.core.analysis.UsageEvidence;
import dev.leakguard.core.finding.Finding;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.ResourceModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What LeakGuard knows about one compilation unit: the bodies it can summarise, which fields each
 * class closes in a close or lifecycle method, and the findings of each method (computed once and
 * shared by all LeakGuard checks).
 */
final class UnitContext {
  private static final Map<CompilationUnitTree, UnitContext> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());


  final Facts facts;
  final CompilationUnitTree cu;
  private final ResourceModel model;
  private final Map<Symbol, MethodTree> bodies = new HashMap<>();
  private final Map<Symbol, ClassTree> classes = new HashMap<>();
  /** Summaries, source classes and evidence are shared by every unit of one compilation. */
  private final Program program;

  private final Map<Symbol, Set<String>> closedFields = new HashMap<>();
  private final Set<Symbol> closedFieldsInProgress = new HashSet<>();
  private final Map<MethodTree, Result> results = new IdentityHashMap<>();

  /** Findings of one method, or the reason it was (partly) not analysed, told once. */
  record Result(
      List<Finding> findings,
      String skipped,
      java.util.concurrent.atomic.AtomicBoolean told,
      java.util.concurrent.atomic.AtomicReference<Map<Finding, SuggestedFix>> fixes) {
    Result(List<Finding> findings, String skipped) {
      this(findings, skipped, new java.util.concurrent.atomic.AtomicBoolean(), new java.util.concurrent.atomic.AtomicReference<>());
    }

    /** The fix of each fixable finding, built once per method for every check. */
    Map<Finding, SuggestedFix> fixes(MethodTree method, VisitorState state) {
      Map<Finding, SuggestedFix> f = fixes.get();
      if (f == null) {
        f = findings.isEmpty() ? Map.of() : TryWithResourcesFix.forMethod(findings, method, state);
        fixes.compareAndSet(null, f);
      }
      return fixes.get();
    }

    /** True the first time it is asked: the caller should tell the user why it was skipped. */
    boolean tellOnce() {
      return skipped != null && told.compareAndSet(false, true);
    }
  }

  /**
   * Fault injection for the robustness test: the analysis of a method with this name throws. Read
   * on each call so a test can set and clear it.
   */
  static final String FAIL_ON_METHOD_PROPERTY = "leakguard.internal.failOnMethod";

  /** Debugging aid: the event graph of methods with this name is printed to standard error. */
  static final String DUMP_PROPERTY = "leakguard.internal.dumpMethod";

  Program program() {
    return program;
  }

  /** The method names (comma-separated) of {@link #DUMP_PROPERTY}, read once: asked on every call. */
  private static final Set<String> DUMPED =
      System.getProperty(DUMP_PROPERTY) == null
          ? Set.of()
          : Set.of(System.getProperty(DUMP_PROPERTY).split(","));

  /** True if the method is one of those named by {@link #DUMP_PROPERTY}. */
  static boolean dumped(javax.lang.model.element.Name name) {
    return !DUMPED.isEmpty() && DUMPED.contains(name.toString());
  }

  private UnitContext(VisitorState state, ResourceModel model) {
    this(state, model, state.getPath().getCompilationUnit(), new Facts(state, model));
  }

  private UnitContext(VisitorState state, ResourceModel model, CompilationUnitTree cu, Facts facts) {
    this.cu = cu;
    this.model = model;
    this.facts = facts;
    this.program = Program.of(state.context);
    // the unit's declarations, as the compilation indexes them once for every question
    program.declarationsOf(cu).forEach((s, tree) -> {
      if (tree instanceof MethodTree m && m.getBody() != null) {
        bodies.put(s, m);
      } else if (tree instanceof ClassTree c) {
        classes.put(s, c);
      }
    });
  }

  /**
   * The context last asked for: every LeakGuard check asks for each method, and Error Prone
   * matches the methods of one unit in a row. Weak, as the cache, so a compilation that ended is
   * not kept.
   */
  private static volatile java.lang.ref.WeakReference<UnitContext> last = new java.lang.ref.WeakReference<>(null);

  static UnitContext of(VisitorState state, ResourceModel model) {
    CompilationUnitTree cu = state.getPath().getCompilationUnit();
    UnitContext l = last.get();
    if (l != null && l.cu == cu && l.model == model) {
      return l;
    }
    synchronized (CACHE) {
      UnitContext c = CACHE.get(cu);
      if (c == null || c.model != model) {
        c = new UnitContext(state, model);
        CACHE.put(cu, c);
      }
      last = new java.lang.ref.WeakReference<>(c);
      return c;
    }
  }

  // ---------------------------------------------------------------- findings

  Result analyze(MethodTree m) {
    Result r = results.get(m);
    if (r == null) {
      r = compute(m);
      results.put(m, r);
    }
    return r;
  }

  private Result compute(MethodTree m) {
    try {
      if (m.getName().contentEquals(String.valueOf(System.getProperty(FAIL_ON_METHOD_PROPERTY)))) {
        throw new IllegalStateException("injected failure");
      }
      return computeOrThrow(m);
    } catch (RuntimeException | StackOverflowError e) {
      return new Result(List.of(), "LeakGuard could not analyse it (" + e
          + "); no LeakGuard findings for it. Please report this with the method's code.");
    }
  }

  private Result computeOrThrow(MethodTree m) {
    if (m.getBody() == null || !mayAcquire(m)) {
      return new Result(List.of(), null);
    }
    Symbol.ClassSymbol owner = enclosingClass(m);
    List<Finding> out = new ArrayList<>();
    Deque<LambdaExpressionTree> lambdas = new ArrayDeque<>();
    Lowering low = new Lowering(facts, this, cu, owner);
    EventGraph g = low.method(m, null);
    if (dumped(m.getName())) {
      System.err.println(g.dump());
    }
    lambdas.addAll(low.lambdas);
    String skipped = collect(ObligationAnalysis.analyze(g, model::implicitClose), out, null);
    while (!lambdas.isEmpty()) {
      Lowering ll = new Lowering(facts, this, cu, owner);
      EventGraph lg = ll.lambda(lambdas.poll());
      lambdas.addAll(ll.lambdas);
      skipped = collect(ObligationAnalysis.analyze(lg, model::implicitClose), out, skipped);
    }
    return new Result(out, skipped);
  }

  private static String collect(AnalysisResult r, List<Finding> out, String skipped) {
    out.addAll(r.findings());
    if (r.gaveUp()) {
      return "LeakGuard skipped it: it has more paths than LeakGuard explores ("
          + ObligationAnalysis.MAX_CONFIGS_PER_NODE + " states at one point)";
    }
    return skipped;
  }

  private static Symbol.ClassSymbol enclosingClass(MethodTree m) {
    MethodSymbol s = ASTHelpers.getSymbol(m);
    return s == null ? null : s.enclClass();
  }

  /**
   * Pre-filter: does the body (its lambdas included) contain a call that can produce a resource
   * the method owns? Only such a call makes an acquisition, and a method without one has no
   * finding: it is not lowered at all.
   */
  private boolean mayAcquire(MethodTree m) {
    boolean[] found = {false};
    Symbol.ClassSymbol owner = enclosingClass(m);
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (!found[0]) {
          MethodSymbol s = ASTHelpers.getSymbol(node);
          if (s != null
              && (acquiresByRule(s)
                  || (facts.kindOf(s.getReturnType()) != null && resultFate(node, s, owner) != Fate.NOT_OWNED))) {
            found[0] = true;
            return null;
          }
        }
        return super.visitMethodInvocation(node, null);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        Type t = ASTHelpers.getType(node);
        if (t != null && facts.kindOf(t) != null) {
          found[0] = true;
          return null;
        }
        return super.visitNewClass(node, null);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null; // nested classes are matched on their own
      }
    }.scan(m.getBody(), null);
    return found[0];
  }

  /** What becomes of a call's resource result, as far as it can be told without lowering. */
  private enum Fate {
    /** Nothing makes it the caller's: borrowed, handed back, or no resource. */
    NOT_OWNED,
    /** The caller may own it (a model rule, a summary, an annotation or a name says so). */
    MAY_OWN,
    /**
     * Only a weak name decides (a getter, or nothing): the caller owns it if callers elsewhere
     * close it; the first pass probes it.
     */
    WEAK
  }

  /**
   * The fate of the result of a call whose result is of a resource type, by the order in which
   * {@link CallEffects#lower} decides it: a model rule that acquires, borrows or wraps, a summary of
   * the bodies the call runs that hands back an argument or the receiver, an annotation, a summary
   * that returns an existing or a fresh resource, a type the model says is no resource, and last
   * the name. What depends on the call's arguments (one wrapped, one of the result's kind) can only
   * make the result less owned, so it is left out.
   */
  private Fate resultFate(MethodInvocationTree call, MethodSymbol s, Symbol.ClassSymbol owner) {
    if (s.isConstructor()) {
      return Fate.NOT_OWNED; // this(..) and super(..) create nothing
    }
    List<MethodRule> rules = facts.rules(s);
    if (CallEffects.acquires(rules)) {
      return Fate.MAY_OWN;
    }
    for (MethodRule r : rules) {
      if (r instanceof MethodRule.Borrow || r instanceof MethodRule.Wrap) {
        return Fate.NOT_OWNED;
      }
    }
    Type receiver = Lowering.receiverType(call, s, owner, facts.types);
    MethodSummary summary = rules.isEmpty() ? callSummary(s, receiver) : null;
    if (summary == MethodSummary.UNKNOWN) {
      summary = null;
    }
    if (summary != null && (summary.returnsParam() >= 0 || summary.returnsReceiver())) {
      return Fate.NOT_OWNED;
    }
    Set<dev.leakguard.core.model.AnnotationRole> roles = facts.roles(s);
    if (roles.contains(dev.leakguard.core.model.AnnotationRole.RETURNS_BORROWED)) {
      return Fate.NOT_OWNED;
    }
    if (roles.contains(dev.leakguard.core.model.AnnotationRole.RETURNS_OWNED)) {
      return Fate.MAY_OWN;
    }
    if (summary != null && summary.returnsBorrowed()) {
      return Fate.NOT_OWNED;
    }
    if (summary != null && summary.returnsFresh()) {
      return Fate.MAY_OWN;
    }
    if (facts.model.isNotResource(facts.name(s.getReturnType()))) {
      return Fate.NOT_OWNED;
    }
    String receiverType = receiver == null || receiver.isPrimitive() ? null : facts.name(receiver);
    return switch (dev.leakguard.core.analysis.Ownership.ofResult(
        s.getSimpleName().toString(), receiverType, Lowering.isStaticCall(call))) {
      case OWNED -> Fate.MAY_OWN;
      case BORROWED -> Fate.NOT_OWNED;
      // evidence from callers is only kept for a receiver type
      case GETTER, UNDECIDED -> receiverType == null ? Fate.NOT_OWNED : Fate.WEAK;
    };
  }

  private boolean acquiresByRule(MethodSymbol s) {
    return CallEffects.acquires(facts.rules(s));
  }

  // ---------------------------------------------------------------- summaries

  /**
   * The summary of the bodies a call may run: the method it resolves to and every override of it
   * in this compilation's subtypes of the receiver's static type, combined; null when none of
   * them has a body here.
   */
  MethodSummary callSummary(MethodSymbol m, Type receiver) {
    List<MethodSummary> bodies = new ArrayList<>();
    for (MethodSymbol r : mayRun(m, receiver)) {
      MethodSummary s = summary(r);
      if (s != null) {
        bodies.add(s);
      }
    }
    return MethodSummary.combine(bodies);
  }

  /**
   * The methods whose bodies a call may run, with a body here or not: the method it resolves to,
   * then its overrides in this compilation's subtypes of the receiver's static type.
   */
  private List<MethodSymbol> mayRun(MethodSymbol m, Type receiver) {
    Symbol.TypeSymbol on =
        receiver == null || receiver.isPrimitive() ? m.enclClass() : facts.types.erasure(receiver).tsym;
    if (on == null) {
      return List.of(m);
    }
    List<MethodSymbol> overrides = program.overrides(m, on, facts.types);
    if (overrides.isEmpty()) {
      return List.of(m);
    }
    List<MethodSymbol> out = new ArrayList<>(overrides.size() + 1);
    out.add(m);
    out.addAll(overrides);
    return out;
  }

  /**
   * The summary to give a call of which {@link CallEffects#lower} reads only whether it can throw
   * ({@link CallEffects.SummaryUse#THROWS}): none when one of the bodies it may run can throw as
   * lowered without summaries ({@link #canThrowAlone}), which its summary would say too; else
   * {@link #callSummary}. That spares summarising the bodies such a call runs and everything they
   * call (creating a pool's data source, to learn that getConnection() throws).
   */
  MethodSummary throwsSummary(MethodSymbol m, Type receiver) {
    for (MethodSymbol r : mayRun(m, receiver)) {
      if (canThrowAlone(r)) {
        return null;
      }
    }
    return callSummary(m, receiver);
  }

  /**
   * True if a call may throw for all that is known without summaries: no body it may run is in
   * this compilation (it gets no summary), or one can throw as lowered without summaries.
   */
  boolean mayThrowAlone(MethodSymbol m, Type receiver) {
    boolean seen = false;
    for (MethodSymbol r : mayRun(m, receiver)) {
      if (body(r) != null) {
        if (canThrowAlone(r)) {
          return true;
        }
        seen = true;
      }
    }
    return !seen;
  }

  /** How deep {@link #canThrowAlone} lowers bodies for the calls of the bodies it lowers. */
  private static final int MAX_THROWS_DEPTH = 8;

  /**
   * True if the body of {@code m} is in this compilation and can throw as lowered without the
   * summaries of what it calls ({@link Lowering#onlyThrows}): then every summary of it says it may
   * throw. False, which leaves the question to the summary, when the body cannot be lowered, and
   * for a body asked about again while it is lowered (recursion) or deeper than {@link
   * #MAX_THROWS_DEPTH}: its calls are then taken to return normally, which the summaries can only
   * contradict by adding exceptions. Answers are kept for the compilation, but a false that hangs
   * on such a cut below the outermost body only until that body is done.
   */
  private boolean canThrowAlone(MethodSymbol m) {
    Boolean known = program.canThrowAlone.get(m);
    if (known != null) {
      return known;
    }
    Program.Declaration d = body(m);
    if (d == null) {
      program.canThrowAlone.put(m, false);
      return false;
    }
    Set<Symbol> lowering = program.throwsInProgress;
    if (program.throwsUnsure.contains(m) || lowering.size() >= MAX_THROWS_DEPTH || !lowering.add(m)) {
      program.throwsCuts++;
      return false;
    }
    long cuts = program.throwsCuts;
    boolean can = false;
    try {
      MethodTree tree = (MethodTree) d.tree();
      Lowering low = new Lowering(facts, this, d.unit(), enclosingClass(tree));
      low.onlyThrows = true;
      can = low.method(tree, null).canThrow();
    } catch (RuntimeException e) {
      // nothing learnt
    } finally {
      lowering.remove(m);
    }
    if (lowering.isEmpty()) {
      program.throwsUnsure.clear();
      program.canThrowAlone.put(m, can);
    } else if (can || program.throwsCuts == cuts) {
      program.canThrowAlone.put(m, can);
    } else {
      program.throwsUnsure.add(m);
    }
    return can;
  }

  /** Summary of a method whose body is in this compilation, or null. */
  MethodSummary summary(Symbol m) {
    Program.Declaration d = body(m);
    if (d == null) {
      return null;
    }
    MethodTree body = (MethodTree) d.tree();
    CompilationUnitTree bodyUnit = d.unit();
    return program.summaries().get(m, k -> computeSummary(body, bodyUnit));
  }

  /**
   * The declaration of a method with a body in this compilation, with its unit, or null; null too
   * for a method of the platform's own classes (see {@link CallEffects#summarisesBodiesOf}).
   */
  private Program.Declaration body(Symbol m) {
    MethodTree tree = bodies.get(m);
    // else a body in another compilation unit of the same compilation (trees are kept until every
    // unit was analysed under Error Prone's compile policy)
    Program.Declaration d = tree != null ? new Program.Declaration(tree, cu) : program.declarationOf(m);
    if (d != null
        && m.owner instanceof Symbol.ClassSymbol owner
        && !CallEffects.summarisesBodiesOf(owner.flatName().toString())) {
      return null; // the platform's own class: calls into it are decided as without its sources
    }
    return d;
  }

  private MethodSummary computeSummary(MethodTree tree, CompilationUnitTree unit) {
    MethodSummary s;
    try {
      List<String> params = new ArrayList<>();
      Lowering low = new Lowering(facts, this, unit, enclosingClass(tree));
      if (program.probing) {
        low.probes = new HashMap<>();
      }
      EventGraph g = low.method(tree, params);
      s = program.graphSummaries(model).summarize(g, params);
      if (returnsThis(tree)) {
        s = s.returningReceiver();
      }
      if (dumped(tree.getName())) {
        System.err.println("summary of " + enclosingClass(tree) + "." + tree.getName() + ": " + s + "\n" + g.dump());
      }
    } catch (RuntimeException e) {
      if (dumped(tree.getName())) {
        e.printStackTrace();
      }
      s = MethodSummary.UNKNOWN; // a tree we cannot lower is a body we do not see
    }
    return s;
  }

  /** True if every return of the method's own body returns {@code this} (a fluent method). */
  private static boolean returnsThis(MethodTree tree) {
    int[] counts = {0, 0};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree r, Void unused) {
        ExpressionTree e = r.getExpression() == null ? null : ASTHelpers.stripParentheses(r.getExpression());
        while (e instanceof TypeCastTree tc) {
          e = ASTHelpers.stripParentheses(tc.getExpression());
        }
        boolean isThis = e instanceof IdentifierTree id && Facts.isThis(id.getName());
        counts[isThis ? 0 : 1]++;
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
        return null; // a lambda's returns are its own
      }

      @Override
      public Void visitClass(ClassTree c, Void unused) {
        return null; // so are a local or anonymous class's
      }
    }.scan(tree.getBody(), null);
    return counts[0] > 0 && counts[1] == 0;
  }

  // ---------------------------------------------------------------- evidence from callers

  /**
   * The evidence from the callers of this compilation about the results of calls of {@code name}
   * with {@code arity} arguments, gathered on first use by a first pass over the methods of every
   * source class that make such a call: each that may close something is analysed with undecided
   * results tracked, and the methods whose results it closes are recorded (see {@link
   * UsageEvidence}). Only a method that makes such a call can hold evidence about it, so the pass
   * runs in parts, one for each called method asked about, and looks at each method once.
   */
  UsageEvidence usage(javax.lang.model.element.Name name, int arity) {
    synchronized (program) {
      if (program.probing) {
        return PARTIAL;
      }
      if (!program.firstAskFor(name, arity)) {
        return program.usage;
      }
      program.probing = true;
      try {
        for (Map.Entry<CompilationUnitTree, List<Symbol.ClassSymbol>> e : program.unitsOfSourceClasses().entrySet()) {
          // a context of its own for this unit too: what the first pass learns about the fields a
          // class closes (from its summaries) stays in the pass, whichever unit happened to start it
          UnitContext other =
              program.probeContexts.computeIfAbsent(e.getKey(), u -> new UnitContext(facts.state, model, u, facts));
          for (Symbol.ClassSymbol c : e.getValue()) {
            Program.Declaration d = program.declarationOf(c);
            if (d != null && d.tree() instanceof ClassTree ct) {
              other.probe(ct, c, name, arity, program.usage);
            }
          }
        }
      } finally {
        program.probing = false;
      }
      return program.usage;
    }
  }

  /** While the first pass runs, calls see no evidence yet. */
  private static final UsageEvidence PARTIAL = new UsageEvidence();

  private void probe(
      ClassTree ct, Symbol.ClassSymbol owner, javax.lang.model.element.Name name, int arity, UsageEvidence gathered) {
    for (Tree member : ct.getMembers()) {
      if (!(member instanceof MethodTree m)
          || m.getBody() == null
          || !calls(m, name, arity)
          || !program.firstProbeOf(m)
          || !mayClose(m)
          || !mayProbe(m, owner)) {
        continue;
      }
      try {
        Lowering low = new Lowering(facts, this, cu, owner);
        low.probes = new HashMap<>();
        EventGraph g = low.method(m, null);
        if (low.probes.isEmpty()) {
          continue;
        }
        Set<String> closedSites = ObligationAnalysis.analyze(g, model::implicitClose).closedSites();
        if (dumped(m.getName())) {
          System.err.println("probe of " + low.methodId() + ": probes " + low.probes + ", closed " + closedSites
              + "\n" + g.dump());
        }
        for (String site : closedSites) {
          String key = low.probes.get(site);
          if (key != null) {
            gathered.recordClosed(key, low.methodId());
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        // the reporting pass tells about a method it cannot analyse
      }
    }
  }

  /** The simple name of the method a call calls, as written, or null for another form of call. */
  static javax.lang.model.element.Name calledName(MethodInvocationTree call) {
    ExpressionTree sel = call.getMethodSelect();
    return sel instanceof MemberSelectTree ms
        ? ms.getIdentifier()
        : sel instanceof IdentifierTree id ? id.getName() : null;
  }

  /**
   * True if the body (with its lambdas and classes) calls a method of this name with this many
   * arguments: only such a method can hold evidence about that method's results.
   */
  private static boolean calls(MethodTree m, javax.lang.model.element.Name name, int arity) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        javax.lang.model.element.Name called = calledName(node);
        // one name table per compilation: the same name is the same object
        if (called == name && node.getArguments().size() == arity) {
          found[0] = true;
          return null;
        }
        return found[0] ? null : super.visitMethodInvocation(node, null);
      }
    }.scan(m.getBody(), null);
    return found[0];
  }

  /**
   * A body with a call whose resource result only a weak name decides: only such a result can be
   * a probe (see {@link CallEffects#lower}), and a method without one teaches the first pass
   * nothing. Nested lambdas and classes are looked at too, which only errs on the side of probing.
   */
  private boolean mayProbe(MethodTree m, Symbol.ClassSymbol owner) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        MethodSymbol s = ASTHelpers.getSymbol(node);
        if (s != null && facts.kindOf(s.getReturnType()) != null && resultFate(node, s, owner) == Fate.WEAK) {
          found[0] = true;
          return null;
        }
        return found[0] ? null : super.visitMethodInvocation(node, null);
      }
    }.scan(m.getBody(), null);
    return found[0];
  }

  /** A body with a try-with-resources or a call whose name says it may close something. */
  private boolean mayClose(MethodTree m) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitTry(com.sun.source.tree.TryTree t, Void unused) {
        if (!t.getResources().isEmpty()) {
          found[0] = true;
        }
        return found[0] ? null : super.visitTry(t, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree mit, Void unused) {
        javax.lang.model.element.Name name = calledName(mit);
        if (name == null ? UsageEvidence.mayClose("") : program.mayClose(name)) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(mit, null);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(m.getBody(), null);
    return found[0];
  }

  // ---------------------------------------------------------------- owning fields

  /** True if a close or lifecycle method of {@code owner} closes field {@code field}. */
  boolean closesField(Symbol owner, String field) {
    Set<String> closed = closedFields.get(owner);
    if (closed == null) {
      if (!closedFieldsInProgress.add(owner)) {
        // asked again while computing (a method that closes a field calls one that stores one):
        // as for a class we cannot see, it manages its fields
        return true;
      }
      try {
        closed = fieldsClosedBy(owner);
      } finally {
        closedFieldsInProgress.remove(owner);
      }
      closedFields.put(owner, closed);
    }
    return closed.contains(field) || closed.contains("*");
  }

  private Set<String> fieldsClosedBy(Symbol owner) {
    Set<String> out = new HashSet<>();
    ClassTree ct = classes.get(owner);
    if (ct == null && owner instanceof Symbol.ClassSymbol cs) {
      // a class of another file of this compilation decides for its own fields
      Program.Declaration d = program.declarationOf(cs);
      if (d != null && d.tree() instanceof ClassTree other) {
        ct = other;
      }
    }
    com.sun.tools.javac.code.Type handler = facts.type(Lifecycle.FORWARDING_HANDLER);
    if (ct == null
        || (handler != null && facts.types.isSubtype(facts.types.erasure(owner.type), handler))) {
      // a class we cannot see: assume it manages its fields; a proxy's handler: its user closes them
      out.add("*");
      return out;
    }
    for (Tree member : ct.getMembers()) {
      if (member instanceof MethodTree m && m.getBody() != null && Lifecycle.mayCloseFields(m.getName().toString())) {
        collectClosedFields(m, owner, out);
      }
    }
    return out;
  }

  private void collectClosedFields(MethodTree m, Symbol owner, Set<String> out) {
    Map<Symbol, String> aliases = new HashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        String f = fieldName(v.getInitializer(), aliases);
        if (f != null) {
          aliases.put(ASTHelpers.getSymbol(v), f);
        }
        return super.visitVariable(v, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree mit, Void unused) {
        MethodSymbol s = ASTHelpers.getSymbol(mit);
        if (s != null) {
          ExpressionTree sel = mit.getMethodSelect();
          List<MethodRule> rules = facts.rules(s);
          if (sel instanceof MemberSelectTree ms
              && CallEffects.closesReceiver(rules, s.getSimpleName().toString(), s.getParameters().size())) {
            addIfField(fieldName(ms.getExpression(), aliases), out);
          }
          // only an argument that is a field can close one: the bodies the call may run are
          // summarised only when there is such an argument
          List<String> argFields = new ArrayList<>();
          boolean anyField = false;
          for (ExpressionTree a : mit.getArguments()) {
            String f = fieldName(a, aliases);
            argFields.add(f);
            anyField |= f != null;
          }
          if (anyField) {
            Type receiver =
                sel instanceof MemberSelectTree ms ? ASTHelpers.getType(ms.getExpression()) : owner.type;
            MethodSummary sum = rules.isEmpty() ? callSummary(s, receiver) : null;
            String receiverType = receiver == null || receiver.isPrimitive() ? null : facts.name(receiver);
            for (int i = 0; i < argFields.size(); i++) {
              int p = Math.min(i, s.getParameters().size() - 1);
              if (argFields.get(i) != null
                  && p >= 0
                  && CallEffects.closesArgument(
                      rules, facts.roles(s.getParameters().get(p)), sum, s.getSimpleName().toString(), receiverType, p)) {
                out.add(argFields.get(i));
              }
            }
          }
        }
        return super.visitMethodInvocation(mit, null);
      }

      // a field the class hands out, returned or moved into another field, is not its to close
      // (returned by a method others call: a private accessor only lends it to the class itself)
      @Override
      public Void visitReturn(ReturnTree r, Void unused) {
        if (!m.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.PRIVATE)) {
          addIfField(ownField(r.getExpression(), aliases, owner), out);
        }
        return super.visitReturn(r, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree a, Void unused) {
        String target = ownField(a.getVariable(), Map.of(), owner);
        String value = ownField(a.getExpression(), aliases, owner);
        if (target != null && value != null && !target.equals(value)) {
          out.add(value);
        }
        return super.visitAssignment(a, null);
      }
    }.scan(m.getBody(), null);
  }

  /** The field of {@code owner} that {@code e} reads, directly or through a local copied from it. */
  private static String ownField(ExpressionTree e, Map<Symbol, String> aliases, Symbol owner) {
    if (e == null) {
      return null;
    }
    e = ASTHelpers.stripParentheses(e);
    while (e instanceof TypeCastTree tc) {
      e = ASTHelpers.stripParentheses(tc.getExpression());
    }
    Symbol s = ASTHelpers.getSymbol(e);
    if (s == null) {
      return null;
    }
    if (aliases.containsKey(s)) {
      return aliases.get(s);
    }
    if (s.getKind() == javax.lang.model.element.ElementKind.FIELD && s.owner == owner
        && (e instanceof IdentifierTree || e instanceof MemberSelectTree)) {
      return s.getSimpleName().toString();
    }
    return null;
  }

  private static void addIfField(String f, Set<String> out) {
    if (f != null) {
      out.add(f);
    }
  }

  private static String fieldName(ExpressionTree e, Map<Symbol, String> aliases) {
    if (e == null) {
      return null;
    }
    e = ASTHelpers.stripParentheses(e);
    while (e instanceof com.sun.source.tree.TypeCastTree cast) {
      // closeQuietly((AutoCloseable) this.statement) closes the field all the same
      e = ASTHelpers.stripParentheses(cast.getExpression());
    }
    Symbol s = ASTHelpers.getSymbol(e);
    if (s == null) {
      return null;
    }
    if (aliases.containsKey(s)) {
      return aliases.get(s);
    }
    if (s.getKind() == javax.lang.model.element.ElementKind.FIELD
        && (e instanceof IdentifierTree || e instanceof MemberSelectTree)) {
      return s.getSimpleName().toString();
    }
    return null;
  }
}
