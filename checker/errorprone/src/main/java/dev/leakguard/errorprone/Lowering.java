package dev.leakguard.errorprone;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import dev.leakguard.core.analysis.CallEffects;
import dev.leakguard.core.analysis.Event;
import dev.leakguard.core.analysis.EventGraph;
import dev.leakguard.core.analysis.GraphBuilder;
import dev.leakguard.core.analysis.GraphBuilder.Label;
import dev.leakguard.core.analysis.MethodSummary;
import dev.leakguard.core.analysis.Site;
import dev.leakguard.core.analysis.ThrowInfo;
import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.ResourceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Lowers one javac method body (or lambda body) to LeakGuard events. Nested lambdas are collected
 * for analysis as bodies of their own; nested and anonymous classes are matched by Error Prone
 * separately.
 */
final class Lowering {
  /** Marker returned by {@link #expr} for the {@code null} literal. */
  static final String NULL_LITERAL = "#null-literal";


  private final Facts facts;
  private final UnitContext unit;
  private final CompilationUnitTree cu;
  private final Symbol.ClassSymbol enclosingClass;
  /** In the first pass that gathers usage evidence: site key to the key of the method it came from. */
  Map<String, String> probes;
  /**
   * Lowered only to learn whether the body can throw ({@link UnitContext#throwsSummary}): no
   * summaries, evidence or closed fields are asked for, and a call into bodies of this compilation
   * lowers without its exceptions unless one of them is known to throw ({@link
   * CallEffects#checkedThrowsWithoutSummaries}). The branches and jumps of a graph come from the
   * tree alone, never from what a call lowered to, as that needs.
   */
  boolean onlyThrows;
  /**
   * Boolean flags worth following (see {@link Event.AssignFlag}), by written name: those tested
   * or set to a literal at least twice in the body, the least that can tie a later test to an
   * earlier one. Following every boolean would multiply the states for nothing.
   */
  private Map<String, Integer> flagUses = Map.of();
  /** The boolean parameters the body never assigns: see {@link Event#PARAM_FLAG}. */
  private Set<Symbol> paramFlags = Set.of();
  /** The method being lowered, as evidence from callers names it: see {@link #methodId()}. */
  private MethodTree method;
  private String methodId;
  private GraphBuilder b;
  private final Map<Symbol, String> names = new HashMap<>();
  private final Set<String> used = new HashSet<>();
  private final List<String> temps = new ArrayList<>();
  private int tempCount;
  private final Deque<Target> targets = new ArrayDeque<>();
  private String pendingLabel;
  final List<LambdaExpressionTree> lambdas = new ArrayList<>();

  /** A break/continue target. */
  /** A break, continue or yield target; {@code yieldVar} holds a switch expression's value. */
  private record Target(Tree tree, String label, Label breakLabel, Label continueLabel, String yieldVar) {
    Target(Tree tree, String label, Label breakLabel, Label continueLabel) {
      this(tree, label, breakLabel, continueLabel, null);
    }
  }

  Lowering(Facts facts, UnitContext unit, CompilationUnitTree cu, Symbol.ClassSymbol enclosingClass) {
    this.facts = facts;
    this.unit = unit;
    this.cu = cu;
    this.enclosingClass = enclosingClass;
  }

  // ---------------------------------------------------------------- entry points

  EventGraph method(MethodTree m, List<String> paramVarsOut) {
    b = new GraphBuilder(m.getName().toString(), facts::isSubtype);
    b.constructor(m.getName().contentEquals("<init>"));
    Symbol ms = ASTHelpers.getSymbol(m);
    method = m;
    for (VariableTree p : m.getParameters()) {
      VarSymbol s = ASTHelpers.getSymbol(p);
      String v = declare(s);
      if (paramVarsOut != null) {
        paramVarsOut.add(s != null && !s.type.isPrimitive() ? v : null);
      }
    }
    flagUses = countFlags(m.getBody());
    paramFlags = parameterFlags(m);
    for (Symbol p : paramFlags) {
      flagUses.merge(p.getSimpleName().toString(), 1, Integer::sum); // set by the caller
    }
    for (String g : facts.model.guardFlagsOfAnnotations(annotationsOf(ms))) {
      b.emit(new Event.AssignFlag(g, true), line(m)); // a @Transactional method: its guard holds
    }
    statement(m.getBody());
    return b.build(endLine(m.getBody()));
  }

  /**
   * The method being lowered, as evidence from callers names it (its own closes are no evidence);
   * "?" for a lambda. Built when first asked: it prints the method's signature.
   */
  String methodId() {
    if (methodId == null) {
      Symbol ms = method == null ? null : ASTHelpers.getSymbol(method);
      methodId = method == null ? "?" : ms == null ? method.getName().toString() : ms.owner + "." + ms;
    }
    return methodId;
  }

  EventGraph lambda(LambdaExpressionTree l) {
    b = new GraphBuilder("lambda@" + line(l), facts::isSubtype);
    for (VariableTree p : l.getParameters()) {
      declare(ASTHelpers.getSymbol(p));
    }
    Tree body = l.getBody();
    flagUses = countFlags(body);
    paramFlags = Set.of();
    if (body instanceof BlockTree block) {
      statement(block);
      return b.build(endLine(block));
    }
    String v = expr((ExpressionTree) body, null);
    b.returnFrom(tracked(v), line(body));
    return b.build(line(body));
  }

  // ---------------------------------------------------------------- positions

  int line(Tree t) {
    return (int) cu.getLineMap().getLineNumber(((JCTree) t).getStartPosition());
  }

  /**
   * The end position of a tree of the unit being lowered. A method of another compilation unit
   * (a summary) is lowered while Error Prone visits the current one: the current unit's end
   * positions know nothing of its trees, and without the right ones two calls of a chain
   * ({@code a.b().c()}) would share a position, so an acquisition site key.
   */
  private int endPosition(Tree t) {
    EndPosTable table = cu instanceof JCCompilationUnit u ? u.endPositions : null;
    return table == null ? facts.state.getEndPosition(t) : ((JCTree) t).getEndPosition(table);
  }

  private int endLine(Tree t) {
    int end = endPosition(t);
    if (end <= 0) {
      return line(t);
    }
    return (int) cu.getLineMap().getLineNumber(Math.max(0, end - 1));
  }

  /** Position of the acquiring method's name (where findings are reported). */
  int namePosition(Tree call) {
    if (call instanceof MethodInvocationTree mit) {
      ExpressionTree sel = mit.getMethodSelect();
      if (sel instanceof MemberSelectTree ms) {
        int end = endPosition(ms);
        if (end > 0) {
          return end - ms.getIdentifier().length();
        }
        return ((JCTree) ms).getPreferredPosition(); // the select's own position, not its receiver's
      }
      return ((JCTree) sel).getStartPosition();
    }
    return ((JCTree) call).getStartPosition();
  }

  // ---------------------------------------------------------------- variables

  private String declare(Symbol s) {
    if (s == null) {
      return "?unnamed" + (tempCount++);
    }
    // an unnamed variable (Java 22: var _ = ..., catch (SQLException _)) has an empty name
    String base = s.getSimpleName().isEmpty() ? "_" : s.getSimpleName().toString();
    String n = base;
    int i = 1;
    while (used.contains(n)) {
      n = base + "~" + (i++);
    }
    used.add(n);
    names.put(s, n);
    return n;
  }

  private String local(Symbol s) {
    return s == null ? null : names.get(s);
  }

  private String temp() {
    String t = "$t" + (tempCount++);
    temps.add(t);
    return t;
  }

  private void killTemps() {
    if (temps.isEmpty()) {
      return;
    }
    if (b.reachable()) {
      for (String t : temps) {
        b.emit(new Event.AssignUnknown(t, true), 0);
      }
    }
    temps.clear();
  }

  private static String tracked(String v) {
    return v == null || NULL_LITERAL.equals(v) ? null : v;
  }

  /** {@code var = value}, with the events that keep aliases and null right. */
  private void bind(String var, String value, int line) {
    if (NULL_LITERAL.equals(value)) {
      b.emit(new Event.AssignNull(var), line);
    } else if (value == null) {
      b.emit(new Event.AssignUnknown(var, false), line);
    } else if (!value.equals(var)) {
      b.emit(new Event.Assign(var, value), line);
    }
  }

  // ---------------------------------------------------------------- statements

  void statement(StatementTree s) {
    if (s == null) {
      return;
    }
    if (s instanceof BlockTree block) {
      for (StatementTree st : block.getStatements()) {
        statement(st);
      }
    } else if (s instanceof VariableTree v) {
      String var = declare(ASTHelpers.getSymbol(v));
      if (v.getInitializer() != null) {
        if (ASTHelpers.stripParentheses(v.getInitializer()) instanceof LiteralTree lit
            && lit.getValue() instanceof Boolean bool
            && flagUses.getOrDefault(v.getName().toString(), 0) >= 2) {
          b.emit(new Event.AssignFlag(var, bool), line(v));
        } else {
          String val = expr(v.getInitializer(), var);
          bind(var, val, line(v));
        }
      }
      killTemps();
    } else if (s instanceof ExpressionStatementTree es) {
      expr(es.getExpression(), null);
      killTemps();
    } else if (s instanceof IfTree it) {
      Label then = b.newLabel();
      Label otherwise = b.newLabel();
      Label end = b.newLabel();
      condition(it.getCondition(), then, otherwise);
      b.place(then);
      statement(it.getThenStatement());
      b.jump(end, null, 0);
      b.place(otherwise);
      statement(it.getElseStatement());
      b.place(end);
    } else if (s instanceof WhileLoopTree w) {
      Label head = b.newLabel();
      Label body = b.newLabel();
      Label exit = b.newLabel();
      b.place(head);
      b.emit(new Event.ForgetFlags(), line(w));
      condition(w.getCondition(), body, exit);
      b.place(body);
      loopBody(s, w.getStatement(), exit, head);
      b.jump(head, null, 0);
      b.place(exit);
    } else if (s instanceof DoWhileLoopTree d) {
      Label head = b.newLabel();
      Label cond = b.newLabel();
      Label exit = b.newLabel();
      b.place(head);
      b.emit(new Event.ForgetFlags(), line(d));
      loopBody(s, d.getStatement(), exit, cond);
      b.place(cond);
      condition(d.getCondition(), head, exit);
      b.place(exit);
    } else if (s instanceof ForLoopTree f) {
      for (StatementTree init : f.getInitializer()) {
        statement(init);
      }
      Label head = b.newLabel();
      Label body = b.newLabel();
      Label update = b.newLabel();
      Label exit = b.newLabel();
      b.place(head);
      b.emit(new Event.ForgetFlags(), line(f));
      if (f.getCondition() != null) {
        condition(f.getCondition(), body, exit);
      } else {
        b.jump(body, null, 0);
      }
      b.place(body);
      loopBody(s, f.getStatement(), exit, update);
      b.place(update);
      for (ExpressionStatementTree u : f.getUpdate()) {
        expr(u.getExpression(), null);
        killTemps();
      }
      b.jump(head, null, 0);
      b.place(exit);
    } else if (s instanceof EnhancedForLoopTree ef) {
      String coll = tracked(expr(ef.getExpression(), null));
      if (coll != null) {
        // keep the collection alive across the loop under a name of its own (before the
        // temporaries of the expression, map.values() among them, end)
        String keep = "$each" + (tempCount++);
        b.emit(new Event.Assign(keep, coll), line(ef));
        coll = keep;
      }
      killTemps();
      String var = declare(ASTHelpers.getSymbol(ef.getVariable()));
      Label none = b.newLabel();
      Label head = b.newLabel();
      Label next = b.newLabel();
      Label exit = b.newLabel();
      b.branch(none); // the loop may run zero times, but not over a collection we saw filled
      b.place(head);
      b.emit(new Event.ForgetFlags(), line(ef));
      if (coll != null) {
        b.emit(new Event.ElementsOf(var, coll), line(ef));
      } else {
        b.emit(new Event.AssignUnknown(var, false), line(ef));
      }
      loopBody(s, ef.getStatement(), exit, next);
      b.place(next);
      b.branch(exit);
      b.jump(head, null, 0);
      b.place(none);
      if (coll != null) {
        b.emit(new Event.AssumeEmpty(coll, false), line(ef));
      }
      b.jump(exit, null, 0);
      b.place(exit);
    } else if (s instanceof LabeledStatementTree ls) {
      StatementTree inner = ls.getStatement();
      if (isLoop(inner) || inner instanceof SwitchTree) {
        pendingLabel = ls.getLabel().toString();
        statement(inner);
      } else {
        Label end = b.newLabel();
        targets.push(new Target(ls, ls.getLabel().toString(), end, null));
        statement(inner);
        targets.pop();
        b.jump(end, null, 0);
        b.place(end);
      }
    } else if (s instanceof SwitchTree sw) {
      switchCases(sw.getExpression(), sw.getCases(), s);
    } else if (s instanceof TryTree t) {
      tryStatement(t);
    } else if (s instanceof ReturnTree r) {
      String v = r.getExpression() == null ? null : tracked(expr(r.getExpression(), null));
      b.returnFrom(v, line(r));
      temps.clear();
    } else if (s instanceof ThrowTree th) {
      expr(th.getExpression(), null);
      killTemps();
      Type t = ASTHelpers.getType(th.getExpression());
      String type = t == null ? "java.lang.Throwable" : facts.name(t);
      b.throwException(line(th), new ThrowInfo(null, type, line(th), false), List.of(type));
    } else if (s instanceof BreakTree br) {
      Target t = find(br.getLabel() == null ? null : br.getLabel().toString(), false);
      if (t != null) {
        b.jump(t.breakLabel, "after the break at line " + line(br), line(br));
      }
    } else if (s instanceof ContinueTree c) {
      Target t = find(c.getLabel() == null ? null : c.getLabel().toString(), true);
      if (t != null) {
        b.jump(t.continueLabel, "after the continue at line " + line(c), line(c));
      }
    } else if (s instanceof YieldTree y) {
      Target t = yieldTarget();
      if (t != null && t.yieldVar != null) {
        bind(t.yieldVar, expr(y.getValue(), t.yieldVar), line(y));
      } else {
        expr(y.getValue(), null);
      }
      killTemps();
      if (t != null) {
        b.jump(t.breakLabel, null, line(y));
      }
    } else if (s instanceof SynchronizedTree sy) {
      expr(sy.getExpression(), null);
      killTemps();
      statement(sy.getBlock());
    } else if (s instanceof ClassTree) {
      // a local class: its methods are analysed on their own
    } else {
      // assert, empty statement, ...: nothing that acquires or releases
    }
  }

  private static boolean isLoop(Tree t) {
    return t instanceof WhileLoopTree
        || t instanceof DoWhileLoopTree
        || t instanceof ForLoopTree
        || t instanceof EnhancedForLoopTree;
  }

  private void loopBody(Tree loop, StatementTree body, Label exit, Label cont) {
    String label = pendingLabel;
    pendingLabel = null;
    targets.push(new Target(loop, label, exit, cont));
    statement(body);
    targets.pop();
  }

  /** The innermost switch expression: what a yield leaves. */
  private Target yieldTarget() {
    for (Target t : targets) {
      if (t.tree instanceof SwitchExpressionTree) {
        return t;
      }
    }
    return null;
  }

  private Target find(String label, boolean forContinue) {
    for (Target t : targets) {
      if (label != null) {
        if (label.equals(t.label) && (!forContinue || t.continueLabel != null)) {
          return t;
        }
      } else if (forContinue) {
        if (t.continueLabel != null) {
          return t;
        }
      } else if (!(t.tree instanceof LabeledStatementTree)) {
        return t;
      }
    }
    return null;
  }

  private void switchCases(ExpressionTree selector, List<? extends CaseTree> cases, Tree owner) {
    switchCases(selector, cases, owner, null);
  }

  /**
   * A switch statement, or with {@code value} a switch expression whose arms and yields bind
   * their value to that variable.
   */
  private void switchCases(
      ExpressionTree selector, List<? extends CaseTree> cases, Tree owner, String value) {
    String label = pendingLabel;
    pendingLabel = null;
    expr(selector, null);
    killTemps();
    Label end = b.newLabel();
    List<Label> labels = new ArrayList<>();
    boolean hasDefault = false;
    for (CaseTree c : cases) {
      Label l = b.newLabel();
      labels.add(l);
      b.branch(l);
      hasDefault |= c.getExpressions().isEmpty();
    }
    if (hasDefault) {
      b.jump(labels.get(labels.size() - 1), null, 0);
    } else {
      b.jump(end, null, 0);
    }
    targets.push(new Target(owner, label, end, null, value));
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      // a default case was jumped to above only once: place it in source order
      b.place(labels.get(i));
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body instanceof StatementTree st) {
          statement(st);
        } else if (body instanceof ExpressionTree e) {
          if (value != null) {
            bind(value, expr(e, value), line(e));
          } else {
            expr(e, null);
          }
          killTemps();
        }
        b.jump(end, null, 0);
      } else if (c.getStatements() != null) {
        for (StatementTree st : c.getStatements()) {
          statement(st);
        }
      }
    }
    targets.pop();
    b.jump(end, null, 0);
    b.place(end);
  }

  private void tryStatement(TryTree t) {
    List<GraphBuilder.Catch> catches = new ArrayList<>();
    for (CatchTree c : t.getCatches()) {
      List<String> types = new ArrayList<>();
      Tree typeTree = c.getParameter().getType();
      if (typeTree instanceof UnionTypeTree u) {
        for (Tree alt : u.getTypeAlternatives()) {
          types.add(facts.name(ASTHelpers.getType(alt)));
        }
      } else {
        types.add(facts.name(ASTHelpers.getType(typeTree)));
      }
      catches.add(
          new GraphBuilder.Catch(
              types,
              () -> {
                String v = declare(ASTHelpers.getSymbol(c.getParameter()));
                b.emit(new Event.AssignUnknown(v, false), line(c));
                statement(c.getBlock());
              }));
    }
    Runnable fin = t.getFinallyBlock() == null ? null : () -> statement(t.getFinallyBlock());
    List<? extends Tree> resources = t.getResources();
    b.tryStatement(() -> resources(resources, 0, t.getBlock()), catches, fin);
  }

  private void resources(List<? extends Tree> res, int i, BlockTree block) {
    if (i == res.size()) {
      statement(block);
      return;
    }
    Tree r = res.get(i);
    String var;
    if (r instanceof VariableTree vt) {
      var = declare(ASTHelpers.getSymbol(vt));
      bind(var, expr(vt.getInitializer(), var), line(vt));
      killTemps();
    } else {
      var = tracked(expr((ExpressionTree) r, null));
      if (var != null && var.startsWith("$t")) {
        String keep = "$res" + (tempCount++);
        b.emit(new Event.Assign(keep, var), line(r));
        var = keep;
      }
      killTemps();
    }
    if (var == null) {
      resources(res, i + 1, block);
      return;
    }
    String closed = var;
    int line = line(r);
    b.tryStatement(
        () -> resources(res, i + 1, block),
        List.of(),
        () -> b.emit(new Event.Release(closed), line));
  }

  // ---------------------------------------------------------------- conditions

  /** Lowers a condition so that control continues at {@code onTrue} or {@code onFalse}. */
  private void condition(ExpressionTree c, Label onTrue, Label onFalse) {
    c = ASTHelpers.stripParentheses(c);
    if (c instanceof BinaryTree bt) {
      switch (bt.getKind()) {
        case CONDITIONAL_AND -> {
          Label mid = b.newLabel();
          condition(bt.getLeftOperand(), mid, onFalse);
          b.place(mid);
          condition(bt.getRightOperand(), onTrue, onFalse);
          return;
        }
        case CONDITIONAL_OR -> {
          Label mid = b.newLabel();
          condition(bt.getLeftOperand(), onTrue, mid);
          b.place(mid);
          condition(bt.getRightOperand(), onTrue, onFalse);
          return;
        }
        case NOT_EQUAL_TO, EQUAL_TO -> {
          String v = nullTested(bt.getLeftOperand(), bt.getRightOperand());
          boolean eq = bt.getKind() == Tree.Kind.EQUAL_TO;
          if (v != null) {
            nullBranch(v, eq ? onTrue : onFalse, eq ? onFalse : onTrue);
            return;
          }
          if (isReference(bt.getLeftOperand()) && isReference(bt.getRightOperand())) {
            String l = localOrField(bt.getLeftOperand());
            String r = l == null ? null : localOrField(bt.getRightOperand());
            if (r != null) {
              b.branchOnSame(l, r, eq ? onTrue : onFalse);
              b.jump(eq ? onFalse : onTrue, null, 0);
              return;
            }
          }
        }
        default -> {}
      }
    }
    if (c instanceof UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      condition(u.getExpression(), onFalse, onTrue);
      return;
    }
    if (c instanceof MethodInvocationTree mit && mit.getArguments().size() == 1) {
      MethodSymbol m = ASTHelpers.getSymbol(mit);
      if (m != null && m.enclClass().getQualifiedName().contentEquals("java.util.Objects")) {
        String v = localOf(mit.getArguments().get(0));
        if (v != null && m.getSimpleName().contentEquals("nonNull")) {
          nullBranch(v, onFalse, onTrue);
          return;
        }
        if (v != null && m.getSimpleName().contentEquals("isNull")) {
          nullBranch(v, onTrue, onFalse);
          return;
        }
      }
    }
    if (c instanceof MethodInvocationTree mit
        && mit.getArguments().isEmpty()
        && mit.getMethodSelect() instanceof MemberSelectTree ms
        && ms.getIdentifier().contentEquals("isEmpty")
        && facts.isCollection(ASTHelpers.getType(ms.getExpression()))) {
      String coll = localOf(ms.getExpression());
      if (coll != null) {
        Label empty = b.newLabel();
        b.branch(empty);
        b.jump(onFalse, null, 0);
        b.place(empty);
        b.emit(new Event.AssumeEmpty(coll, true), line(c));
        b.jump(onTrue, null, 0);
        return;
      }
    }
    if (c instanceof MethodInvocationTree mit
        && mit.getArguments().isEmpty()
        && mit.getMethodSelect() instanceof MemberSelectTree ms
        && ms.getIdentifier().contentEquals("isClosed")
        && facts.kindOf(ASTHelpers.getType(ms.getExpression())) != null) {
      String v = localOf(ms.getExpression());
      if (v != null) {
        // Where isClosed() is true the resource is closed: as good as a close() for us. Its
        // declared SQLException is not followed: drivers answer from a flag, and treating the
        // idiomatic `if (c != null && !c.isClosed()) c.close()` guard as a leak would be noise.
        Label closed = b.newLabel();
        b.branch(closed);
        b.jump(onFalse, null, 0);
        b.place(closed);
        b.emit(new Event.Release(v), line(c));
        b.jump(onTrue, null, 0);
        return;
      }
    }
    if (c instanceof InstanceOfTree io) {
      String v = localOf(io.getExpression());
      if (v != null) {
        Label nonNull = b.newLabel();
        b.branchOnNonNull(v, nonNull);
        b.jump(onFalse, null, 0);
        b.place(nonNull);
        b.branch(onFalse);
        // x instanceof AutoCloseable c: where the test holds, c is x (closing c closes x)
        if (io.getPattern() instanceof com.sun.source.tree.BindingPatternTree bp) {
          b.emit(new Event.Assign(declare(ASTHelpers.getSymbol(bp.getVariable())), v), line(c));
        }
        b.jump(onTrue, null, 0);
        return;
      }
    }
    if (c instanceof LiteralTree lit && lit.getValue() instanceof Boolean bool) {
      b.jump(bool ? onTrue : onFalse, null, 0);
      return;
    }
    String flag = flag(c);
    if (flag != null) {
      b.branchOnFlag(flag, onTrue);
      b.jump(onFalse, null, 0);
      return;
    }
    expr(c, null);
    killTemps();
    b.branch(onTrue);
    b.jump(onFalse, null, 0);
  }

  // ---------------------------------------------------------------- flags

  private static Map<String, Integer> countFlags(Tree body) {
    Map<String, Integer> uses = new HashMap<>();
    if (body == null) {
      return uses;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIf(com.sun.source.tree.IfTree t, Void unused) {
        countTests(t.getCondition(), uses);
        return super.visitIf(t, null);
      }

      @Override
      public Void visitWhileLoop(WhileLoopTree t, Void unused) {
        countTests(t.getCondition(), uses);
        return super.visitWhileLoop(t, null);
      }

      @Override
      public Void visitDoWhileLoop(DoWhileLoopTree t, Void unused) {
        countTests(t.getCondition(), uses);
        return super.visitDoWhileLoop(t, null);
      }

      @Override
      public Void visitForLoop(ForLoopTree t, Void unused) {
        if (t.getCondition() != null) {
          countTests(t.getCondition(), uses);
        }
        return super.visitForLoop(t, null);
      }

      @Override
      public Void visitConditionalExpression(com.sun.source.tree.ConditionalExpressionTree t, Void unused) {
        countTests(t.getCondition(), uses);
        return super.visitConditionalExpression(t, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree t, Void unused) {
        if (ASTHelpers.stripParentheses(t.getExpression()) instanceof LiteralTree lit
            && lit.getValue() instanceof Boolean) {
          String f = flagName(t.getVariable());
          if (f != null) {
            uses.merge(f, 1, Integer::sum);
          }
        }
        return super.visitAssignment(t, null);
      }

      @Override
      public Void visitVariable(VariableTree t, Void unused) {
        if (t.getInitializer() != null
            && ASTHelpers.stripParentheses(t.getInitializer()) instanceof LiteralTree lit
            && lit.getValue() instanceof Boolean) {
          uses.merge(t.getName().toString(), 1, Integer::sum);
        }
        return super.visitVariable(t, null);
      }

      @Override
      public Void visitClass(ClassTree t, Void unused) {
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree t, Void unused) {
        return null;
      }
    }.scan(body, null);
    return uses;
  }

  /** The boolean parameters of {@code m} its body never assigns. */
  private static Set<Symbol> parameterFlags(MethodTree m) {
    Set<Symbol> out = new HashSet<>();
    for (VariableTree p : m.getParameters()) {
      VarSymbol s = ASTHelpers.getSymbol(p);
      if (s != null && s.type.getKind() == javax.lang.model.type.TypeKind.BOOLEAN) {
        out.add(s);
      }
    }
    if (out.isEmpty() || m.getBody() == null) {
      return out;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree t, Void unused) {
        out.remove(ASTHelpers.getSymbol(t.getVariable()));
        return super.visitAssignment(t, null);
      }

      @Override
      public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree t, Void unused) {
        out.remove(ASTHelpers.getSymbol(t.getVariable()));
        return super.visitCompoundAssignment(t, null);
      }
    }.scan(m.getBody(), null);
    return out;
  }

  private static void countTests(ExpressionTree c, Map<String, Integer> uses) {
    c = ASTHelpers.stripParentheses(c);
    if (c instanceof UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      countTests(u.getExpression(), uses);
    } else if (c instanceof BinaryTree bt
        && (bt.getKind() == Tree.Kind.CONDITIONAL_AND || bt.getKind() == Tree.Kind.CONDITIONAL_OR)) {
      countTests(bt.getLeftOperand(), uses);
      countTests(bt.getRightOperand(), uses);
    } else {
      String f = flagName(c);
      if (f != null) {
        uses.merge(f, 1, Integer::sum);
      }
    }
  }

  /** The written name of a flag expression: a name, this.field, or a call of no arguments on this. */
  private static String flagName(ExpressionTree e) {
    e = ASTHelpers.stripParentheses(e);
    if (e instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    if (e instanceof MemberSelectTree ms
        && ASTHelpers.stripParentheses(ms.getExpression()) instanceof IdentifierTree q
        && Facts.isThis(q.getName())) {
      return ms.getIdentifier().toString();
    }
    if (e instanceof MethodInvocationTree mit && mit.getArguments().isEmpty()) {
      ExpressionTree sel = mit.getMethodSelect();
      if (sel instanceof IdentifierTree id) {
        return Event.CALL_FLAG + id.getName();
      }
      if (sel instanceof MemberSelectTree ms
          && ASTHelpers.stripParentheses(ms.getExpression()) instanceof IdentifierTree q
          && Facts.isThis(q.getName())) {
        return Event.CALL_FLAG + ms.getIdentifier();
      }
    }
    return null;
  }

  /** The annotations of a method and of the classes around it, by qualified name. */
  private Set<String> annotationsOf(Symbol ms) {
    if (facts.model.guardAnnotations().isEmpty()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (Symbol s = ms; s != null && s.getKind() != ElementKind.PACKAGE; s = s.owner) {
      for (com.sun.tools.javac.code.Attribute.Compound a : s.getAnnotationMirrors()) {
        out.add(facts.name(a.type));
      }
    }
    return out;
  }

  /** The event name of a flag expression worth following, or null. */
  private String flag(ExpressionTree e) {
    if (ASTHelpers.stripParentheses(e) instanceof MethodInvocationTree mit && mit.getArguments().isEmpty()) {
      MethodSymbol m = ASTHelpers.getSymbol(mit);
      if (m != null && m.isStatic()) {
        // a guard of the model's bound-when (TransactionSynchronizationManager.isSynchronizationActive())
        return facts.model.guardFlag(facts.name(m.owner.type), m.getSimpleName().toString());
      }
    }
    String written = flagName(e);
    if (written == null || flagUses.getOrDefault(written, 0) < 2) {
      return null;
    }
    if (written.startsWith(Event.CALL_FLAG)) {
      MethodSymbol m = ASTHelpers.getSymbol((MethodInvocationTree) ASTHelpers.stripParentheses(e));
      return m != null && !m.isStatic() ? written : null;
    }
    Symbol s = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(e));
    String local = local(s);
    if (local != null) {
      return paramFlags.contains(s) ? Event.PARAM_FLAG + local : local;
    }
    return s != null && s.getKind() == ElementKind.FIELD && !s.isStatic() ? Event.FIELD_FLAG + written : null;
  }

  private void nullBranch(String var, Label ifNull, Label ifNonNull) {
    b.branchOnNull(var, ifNull);
    b.jump(ifNonNull, null, 0);
  }

  private static boolean isReference(ExpressionTree e) {
    Type t = ASTHelpers.getType(e);
    return t != null && !t.isPrimitive() && !isNullLiteral(e);
  }

  private String nullTested(ExpressionTree l, ExpressionTree r) {
    if (isNullLiteral(r)) {
      return testedValue(l);
    }
    if (isNullLiteral(l)) {
      return testedValue(r);
    }
    return null;
  }

  /**
   * The variable a null test reads: for an assignment ({@code (con = next()) != null}) the
   * assignment runs first and its variable is tested.
   */
  private String testedValue(ExpressionTree e) {
    ExpressionTree t = ASTHelpers.stripParentheses(e);
    if (t instanceof AssignmentTree a && localOf(a.getVariable()) != null) {
      expr(t, null);
      return localOf(a.getVariable());
    }
    return localOrField(e);
  }

  /**
   * A local variable, or a resource field of this object read into a temporary: a null test on
   * the field then tells about what this method stored in it.
   */
  private String localOrField(ExpressionTree e) {
    String local = localOf(e);
    if (local != null) {
      return local;
    }
    ExpressionTree t = ASTHelpers.stripParentheses(e);
    Symbol s = ASTHelpers.getSymbol(t);
    boolean thisField =
        s != null
            && s.getKind() == ElementKind.FIELD
            && !s.isStatic()
            && (t instanceof IdentifierTree
                || (t instanceof MemberSelectTree ms
                    && ASTHelpers.stripParentheses(ms.getExpression()) instanceof IdentifierTree q
                    && Facts.isThis(q.getName())));
    return thisField ? tracked(expr(t, null)) : null;
  }

  private static boolean isNullLiteral(ExpressionTree t) {
    return ASTHelpers.stripParentheses(t).getKind() == Tree.Kind.NULL_LITERAL;
  }

  private String localOf(ExpressionTree t) {
    t = ASTHelpers.stripParentheses(t);
    if (t instanceof IdentifierTree) {
      return local(ASTHelpers.getSymbol(t));
    }
    return null;
  }

  // ---------------------------------------------------------------- expressions

  /**
   * Lowers an expression in evaluation order; returns the variable that holds its value if that
   * value may be a tracked resource, {@link #NULL_LITERAL}, or null.
   *
   * @param into the local variable the value is assigned to, or null: an acquisition then binds it
   *     directly, so that messages name the variable
   */
  String expr(ExpressionTree e, String into) {
    if (e == null) {
      return null;
    }
    if (e instanceof ParenthesizedTree p) {
      return expr(p.getExpression(), into);
    }
    if (e instanceof TypeCastTree tc) {
      return expr(tc.getExpression(), into);
    }
    if (e instanceof LiteralTree) {
      return e.getKind() == Tree.Kind.NULL_LITERAL ? NULL_LITERAL : null;
    }
    if (e instanceof IdentifierTree id) {
      Symbol s = ASTHelpers.getSymbol(id);
      String v = local(s);
      if (v != null) {
        return v;
      }
      return fieldRead(s, id);
    }
    if (e instanceof MemberSelectTree ms) {
      Symbol s = ASTHelpers.getSymbol(ms);
      if (s != null && s.getKind() == ElementKind.FIELD) {
        if (!isTypeOrPackage(ms.getExpression())) {
          expr(ms.getExpression(), null);
        }
        return fieldRead(s, ms);
      }
      if (s == null || !isTypeOrPackage(ms.getExpression())) {
        expr(ms.getExpression(), null);
      }
      return null;
    }
    if (e instanceof MethodInvocationTree mit) {
      return call(mit, into);
    }
    if (e instanceof NewClassTree nc) {
      return newClass(nc, into);
    }
    if (e instanceof AssignmentTree as) {
      return assignment(as);
    }
    if (e instanceof CompoundAssignmentTree ca) {
      expr(ca.getVariable(), null);
      expr(ca.getExpression(), null);
      return null;
    }
    if (e instanceof UnaryTree u) {
      expr(u.getExpression(), null);
      return null;
    }
    if (e instanceof BinaryTree bt) {
      if (bt.getKind() == Tree.Kind.CONDITIONAL_AND || bt.getKind() == Tree.Kind.CONDITIONAL_OR) {
        Label t = b.newLabel();
        Label f = b.newLabel();
        Label end = b.newLabel();
        condition(bt, t, f);
        b.place(t);
        b.jump(end, null, 0);
        b.place(f);
        b.place(end);
        return null;
      }
      expr(bt.getLeftOperand(), null);
      expr(bt.getRightOperand(), null);
      return null;
    }
    if (e instanceof ConditionalExpressionTree ce) {
      String t = into != null ? into : temp();
      Label then = b.newLabel();
      Label otherwise = b.newLabel();
      Label end = b.newLabel();
      condition(ce.getCondition(), then, otherwise);
      b.place(then);
      bind(t, expr(ce.getTrueExpression(), t), line(ce));
      b.jump(end, null, 0);
      b.place(otherwise);
      bind(t, expr(ce.getFalseExpression(), t), line(ce));
      b.place(end);
      return t;
    }
    if (e instanceof InstanceOfTree io) {
      expr(io.getExpression(), null);
      return null;
    }
    if (e instanceof LambdaExpressionTree l) {
      lambdas.add(l);
      captures(l.getBody());
      return null;
    }
    if (e instanceof NewArrayTree na) {
      if (na.getDimensions() != null) {
        for (ExpressionTree d : na.getDimensions()) {
          expr(d, null);
        }
      }
      if (na.getInitializers() != null) {
        for (ExpressionTree i : na.getInitializers()) {
          String v = tracked(expr(i, null));
          if (v != null) {
            b.emit(new Event.Transfer(v), line(i)); // escapes into an array
          }
        }
      }
      return null;
    }
    if (e instanceof SwitchExpressionTree sw) {
      String t = into != null ? into : temp();
      // the arms end their own temporaries, not those of the expression around the switch
      List<String> outer = new ArrayList<>(temps);
      temps.clear();
      switchCases(sw.getExpression(), sw.getCases(), sw, t);
      killTemps();
      temps.addAll(outer);
      return t;
    }
    if (e instanceof com.sun.source.tree.ArrayAccessTree aa) {
      expr(aa.getExpression(), null);
      expr(aa.getIndex(), null);
      return null;
    }
    if (e instanceof com.sun.source.tree.MemberReferenceTree mr) {
      // con::close captures con, like a lambda would
      String v = localOf(mr.getQualifierExpression());
      if (v != null) {
        b.emit(new Event.Transfer(v), line(mr));
      }
      return null;
    }
    return null; // class literals, ...
  }

  /**
   * The string constants that make up some arguments: literals and constant variables, also in a
   * concatenation or as arguments of a call ({@code String.format(URL, name, "drop=true")}); not
   * inside lambdas or classes.
   */
  private static List<String> constantTexts(List<? extends ExpressionTree> args) {
    List<String> out = new ArrayList<>();
    TreeScanner<Void, Void> scanner =
        new TreeScanner<>() {
          @Override
          public Void scan(Tree t, Void unused) {
            if (t instanceof ExpressionTree e && ASTHelpers.constValue(e) instanceof String s) {
              out.add(s);
              return null;
            }
            return t instanceof LambdaExpressionTree || t instanceof ClassTree ? null : super.scan(t, null);
          }
        };
    for (ExpressionTree a : args) {
      scanner.scan(a, null);
    }
    return out;
  }

  private static boolean isTypeOrPackage(ExpressionTree t) {
    Symbol s = ASTHelpers.getSymbol(t);
    return s instanceof Symbol.TypeSymbol || s instanceof Symbol.PackageSymbol;
  }

  private String fieldRead(Symbol s, Tree at) {
    if (s == null || s.getKind() != ElementKind.FIELD || s.type == null || s.type.isPrimitive()) {
      return null;
    }
    if (facts.kindOf(s.type) == null && !facts.isAutoCloseable(s.type)) {
      return null;
    }
    String t = temp();
    b.emit(new Event.AssignOpaque(t, "field:" + s.getSimpleName()), line(at));
    return t;
  }

  /** Captured resource variables of a lambda or anonymous class escape to it. */
  private void captures(Tree body) {
    Set<String> captured = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        String v = local(ASTHelpers.getSymbol(node));
        if (v != null) {
          captured.add(v);
        }
        return null;
      }
    }.scan(body, null);
    for (String v : captured) {
      b.emit(new Event.Transfer(v), line(body));
    }
  }

  private String assignment(AssignmentTree as) {
    ExpressionTree lhs = ASTHelpers.stripParentheses(as.getVariable());
    if (ASTHelpers.stripParentheses(as.getExpression()) instanceof LiteralTree lit
        && lit.getValue() instanceof Boolean bool) {
      String flag = flag(lhs);
      if (flag != null && !flag.startsWith(Event.CALL_FLAG)) {
        b.emit(new Event.AssignFlag(flag, bool), line(as));
        return null;
      }
    }
    Symbol s = ASTHelpers.getSymbol(lhs);
    String var = local(s);
    if (var != null) {
      String v = expr(as.getExpression(), var);
      bind(var, v, line(as));
      return var;
    }
    if (lhs instanceof MemberSelectTree ms && !isTypeOrPackage(ms.getExpression())) {
      expr(ms.getExpression(), null);
    } else if (lhs instanceof com.sun.source.tree.ArrayAccessTree aa) {
      expr(aa.getExpression(), null);
      expr(aa.getIndex(), null);
    }
    String v = tracked(expr(as.getExpression(), null));
    if (v == null) {
      return null;
    }
    if (s != null && s.getKind() == ElementKind.FIELD && isOwnField(lhs, s)) {
      b.emit(
          new Event.StoreField(
              v, s.getSimpleName().toString(),
              !onlyThrows && unit.closesField(s.owner, s.getSimpleName().toString())),
          line(as));
    } else {
      b.emit(new Event.Transfer(v), line(as));
    }
    return v;
  }

  private boolean isOwnField(ExpressionTree lhs, Symbol field) {
    if (!(field.owner instanceof Symbol.ClassSymbol owner)) {
      return false;
    }
    if (enclosingClass == null || !enclosingClass.isSubClass(owner, facts.types)) {
      return false;
    }
    if (lhs instanceof IdentifierTree) {
      return true;
    }
    if (lhs instanceof MemberSelectTree ms) {
      ExpressionTree q = ASTHelpers.stripParentheses(ms.getExpression());
      return q instanceof IdentifierTree id
          && (Facts.isThis(id.getName()) || isTypeOrPackage(q));
    }
    return false;
  }

  private String call(MethodInvocationTree mit, String into) {
    MethodSymbol sym = ASTHelpers.getSymbol(mit);
    ExpressionTree sel = mit.getMethodSelect();
    String recv = null;
    boolean thisCall = true;
    Type receiverType = receiverType(mit, sym, enclosingClass, facts.types);
    boolean staticCall = isStaticCall(mit);
    if (sel instanceof MemberSelectTree ms) {
      ExpressionTree q = ASTHelpers.stripParentheses(ms.getExpression());
      thisCall = isThisOrSuper(q) || staticCall;
      if (!thisCall) {
        recv = tracked(expr(q, null));
        if (recv != null && recv.equals(into)) {
          // x = x.foo(): keep the receiver under its own name while x is rebound
          String keep = temp();
          b.emit(new Event.Assign(keep, recv), line(mit));
          recv = keep;
        }
      }
    }
    List<String> args = new ArrayList<>();
    for (ExpressionTree a : mit.getArguments()) {
      args.add(tracked(expr(a, null)));
    }
    if (sym == null) {
      return null;
    }
    if (sym.isConstructor()) {
      // this(..) or super(..) creates nothing: what it is given goes to the object being constructed
      for (String a : args) {
        if (a != null) {
          b.emit(new Event.Transfer(a), line(mit));
        }
      }
      return null;
    }
    // the object's own method, called on itself or, from an inner class, on the object it belongs to
    boolean self = thisCall && !staticCall && !sym.isStatic();
    return effects(sym, mit, recv, args, into, thisCall ? null : receiverTree(sel), receiverType, staticCall, self);
  }

  /**
   * The static type of a call's receiver, as the analysis uses it (its summary takes the overrides
   * in that type's subtypes): the enclosing class for {@code this.m()} and {@code super.m()}, the
   * type of the qualifier for {@code q.m()}, the class an unqualified call goes through.
   */
  static Type receiverType(
      MethodInvocationTree mit, MethodSymbol sym, Symbol.ClassSymbol enclosingClass, com.sun.tools.javac.code.Types types) {
    if (mit.getMethodSelect() instanceof MemberSelectTree ms) {
      ExpressionTree q = ASTHelpers.stripParentheses(ms.getExpression());
      if (isThisOrSuper(q)) {
        return enclosingClass == null ? null : enclosingClass.type;
      }
      return ASTHelpers.getType(q);
    }
    return sym == null ? null : qualifyingClass(sym, enclosingClass, types);
  }

  /** True for a call qualified by a type ({@code Type.m()}). */
  static boolean isStaticCall(MethodInvocationTree mit) {
    if (mit.getMethodSelect() instanceof MemberSelectTree ms) {
      ExpressionTree q = ASTHelpers.stripParentheses(ms.getExpression());
      return !isThisOrSuper(q) && isTypeOrPackage(q);
    }
    return false;
  }

  private static boolean isThisOrSuper(ExpressionTree q) {
    return q instanceof IdentifierTree id
        && (Facts.isThis(id.getName()) || Facts.isSuper(id.getName()));
  }

  /**
   * The class an unqualified call goes through, as javac compiles it: the innermost enclosing
   * class that has the method as a member.
   */
  private static Type qualifyingClass(
      MethodSymbol sym, Symbol.ClassSymbol enclosingClass, com.sun.tools.javac.code.Types types) {
    for (Symbol c = enclosingClass; c != null; c = c.owner == null ? null : c.owner.enclClass()) {
      if (c instanceof Symbol.ClassSymbol cs
          && (cs == sym.owner || (sym.owner instanceof Symbol.ClassSymbol o && cs.isSubClass(o, types)))) {
        return cs.type;
      }
      if (c.owner == null || c.owner == c) {
        break;
      }
    }
    return sym.owner == null ? null : sym.owner.type;
  }

  private static ExpressionTree receiverTree(ExpressionTree sel) {
    return sel instanceof MemberSelectTree ms ? ms.getExpression() : null;
  }

  private String newClass(NewClassTree nc, String into) {
    if (nc.getEnclosingExpression() != null) {
      expr(nc.getEnclosingExpression(), null);
    }
    List<String> args = new ArrayList<>();
    for (ExpressionTree a : nc.getArguments()) {
      args.add(tracked(expr(a, null)));
    }
    if (nc.getClassBody() != null) {
      captures(nc.getClassBody());
    }
    MethodSymbol sym = ASTHelpers.getSymbol(nc);
    if (sym == null) {
      return null;
    }
    return effects(sym, nc, null, args, into, null, sym.enclClass().type, false, false);
  }

  /** The effects of one call, after its receiver and arguments were evaluated. */
  private String effects(
      MethodSymbol sym,
      Tree call,
      String recv,
      List<String> args,
      String into,
      ExpressionTree recvTree,
      Type receiver,
      boolean staticCall,
      boolean receiverIsSelf) {
    String receiverType = receiver == null || receiver.isPrimitive() ? null : facts.name(receiver);
    int line = line(call);
    List<MethodRule> rules = facts.rules(sym);
    List<Set<AnnotationRole>> paramRoles = new ArrayList<>();
    List<ResourceKind> paramKinds = new ArrayList<>();
    List<String> paramTypes = new ArrayList<>();
    List<String> paramNames = new ArrayList<>();
    // the parameters' types as CallEffects.wantsSummary reads them: primitives by name
    List<String> declaredTypes = new ArrayList<>();
    for (VarSymbol p : sym.getParameters()) {
      paramRoles.add(facts.roles(p));
      paramKinds.add(facts.kindOf(p.type));
      String t = facts.name(p.type);
      paramTypes.add(p.type.isPrimitive() ? null : t);
      declaredTypes.add(t);
      paramNames.add(p.getSimpleName().toString());
    }
    Set<Integer> trueArgs = new java.util.TreeSet<>();
    List<? extends ExpressionTree> argTrees =
        call instanceof MethodInvocationTree mi
            ? mi.getArguments()
            : call instanceof NewClassTree nct ? nct.getArguments() : List.of();
    for (int i = 0; i < argTrees.size(); i++) {
      if (Boolean.TRUE.equals(ASTHelpers.constValue(argTrees.get(i), Boolean.class))) {
        trueArgs.add(i);
      }
    }
    Type rt = sym.isConstructor() ? sym.enclClass().type : sym.getReturnType();
    ResourceKind resultKind = facts.kindOf(rt);
    List<String> checkedThrows =
        onlyThrows
            ? CallEffects.checkedThrowsWithoutSummaries(
                rules, facts.checkedThrows(sym), receiverType, () -> unit.mayThrowAlone(sym, receiver))
            : facts.checkedThrows(sym);
    // the text of a connection request's URL (read by Ownership.shutsDownDatabase)
    List<String> argumentTexts =
        resultKind == ResourceKind.CONNECTION ? constantTexts(argTrees) : List.of();
    boolean collection = recvTree != null && facts.isCollection(ASTHelpers.getType(recvTree));
    String resultType = facts.name(rt);
    CallEffects.SummaryUse use =
        onlyThrows
            ? CallEffects.SummaryUse.NONE
            : CallEffects.summaryUse(
                rules, resultKind, checkedThrows, recv, args, sym.isConstructor(), resultType, declaredTypes,
                receiverType);
    MethodSummary summary =
        switch (use) {
          case NONE -> null;
          case THROWS -> unit.throwsSummary(sym, receiver);
          case ALL -> unit.callSummary(sym, receiver);
        };
    // Evidence from callers only decides a resource result of a method that nothing stronger
    // decides: asking for it first analyses every class of the compilation, so CallEffects asks
    // for it only then.
    boolean evidenceMatters = !onlyThrows && resultKind != null && !sym.isConstructor();
    javax.lang.model.element.Name calledName = sym.getSimpleName();
    int arity = args.size();
    CallEffects.Call c =
        new CallEffects.Call(
            sym.isConstructor() ? "new " + sym.enclClass().getSimpleName() : sym.getSimpleName().toString(),
            sym.isConstructor(),
            rules,
            facts.roles(sym),
            paramRoles,
            paramKinds,
            summary,
            resultKind,
            facts.model.isNotResource(resultType),
            sym.isConstructor() && facts.isAutoCloseable(sym.enclClass().type),
            true,
            checkedThrows,
            collection,
            collection ? localOf(recvTree) : null,
            receiverType,
            staticCall,
            () ->
                evidenceMatters
                    && unit.usage(calledName, arity)
                        .closedByCallers(receiverType, calledName.toString(), arity, methodId()),
            receiver == null || staticCall ? null : facts.kindOf(receiver),
            paramTypes,
            paramNames,
            trueArgs,
            argumentTexts,
            receiverIsSelf);
    if (UnitContext.dumped(sym.getSimpleName())) {
      System.err.println("call of " + receiverType + "." + sym.getSimpleName() + " in " + methodId()
          + (unit.program().probing ? " (probing)" : "") + ": summary " + c.summary()
          + ", closed by callers " + c.closedByCallers().getAsBoolean());
    }
    return CallEffects.lower(
        c,
        recv,
        args,
        into,
        line,
        new CallEffects.Out() {
          @Override
          public void emit(Event e) {
            b.emit(e, line);
          }

          @Override
          public void emitThrowing(Event e, ThrowInfo why, List<String> types) {
            b.emitThrowing(e, line, why, types);
          }

          @Override
          public String temp() {
            return Lowering.this.temp();
          }

          @Override
          public Site site(ResourceKind kind, String variable) {
            int pos = namePosition(call);
            return new Site(
                "p" + pos,
                kind,
                facts.types.erasure(rt).tsym.getSimpleName().toString(),
                Facts.display(sym),
                variable,
                (int) cu.getLineMap().getLineNumber(pos),
                call);
          }

          @Override
          public String closeText(String var) {
            return Lowering.this.closeText(call, var);
          }

          @Override
          public boolean probing() {
            return probes != null;
          }

          @Override
          public void probed(Site site, String key) {
            probes.put(site.key(), key);
          }
        });
  }

  private String closeText(Tree call, String var) {
    if (call instanceof MethodInvocationTree mit) {
      String src = facts.state.getSourceForNode(mit);
      if (src != null && src.length() <= 60 && !src.contains("\n")) {
        return src;
      }
    }
    return var + ".close()";
  }
}
