package dev.leakguard.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.UnionType;
import dev.leakguard.core.analysis.CallEffects;
import dev.leakguard.core.analysis.Event;
import dev.leakguard.core.analysis.EventGraph;
import dev.leakguard.core.analysis.GraphBuilder;
import dev.leakguard.core.analysis.GraphBuilder.Label;
import dev.leakguard.core.analysis.Site;
import dev.leakguard.core.analysis.ThrowInfo;
import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.ResourceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers one JavaParser method body (or lambda body) to LeakGuard events — the source-level twin
 * of the javac lowering, with types taken from declarations, imports, the tree index, the JDK and
 * the resource model. Where a type cannot be known the call is treated as having no effect and
 * throwing nothing: the reading that avoids a false alarm.
 */
final class SourceLowering {
  static final String NULL_LITERAL = "#null-literal";

  private final FileContext ctx;
  private final String enclosingClass;
  private GraphBuilder b;
  private final Deque<Map<String, Local>> scopes = new ArrayDeque<>();
  private final Set<String> used = new HashSet<>();
  private final List<String> temps = new ArrayList<>();
  private int tempCount;
  private final Deque<Target> targets = new ArrayDeque<>();
  private String pendingLabel;
  final List<LambdaExpr> lambdas = new ArrayList<>();
  /** In the first pass that gathers usage evidence: site key to the key of the method it came from. */
  Map<String, String> probes;
  /** The resolution of each call node of this method, made once (see FileContext#resolveCall). */
  final Map<MethodCallExpr, CallInfo> resolvedCalls = new java.util.IdentityHashMap<>();
  /**
   * Boolean flags worth following (see {@link Event.AssignFlag}), by written name: those tested
   * or set to a literal at least twice in the body, the least that can tie a later test to an
   * earlier one. Following every boolean would multiply the states for nothing.
   */
  private Map<String, Integer> flagUses = Map.of();
  /** The variables of the boolean parameters the body never assigns: see {@link Event#PARAM_FLAG}. */
  private Set<String> paramFlags = Set.of();

  /**
   * True once the body calls something this engine cannot resolve: whether that throws is a
   * guess, so the body's summary does not claim it never throws.
   */
  boolean sawUnresolvedCall;

  /**
   * True once the body has a call that may acquire ({@link CallEffects#mayAcquire}): whatever the
   * summaries of the methods called say, a body without one has no finding.
   */
  boolean mayAcquire;

  /**
   * Lowered only to tell {@link #mayAcquire}: what does not bear on it (whether a class closes a
   * field stored to, which lowers its close methods, in other files too) is not worked out.
   */
  boolean scouting;
  /** The checked exceptions the method declares, for calls the engine cannot resolve. */
  private List<String> declaredThrows = List.of();
  /** The checked exceptions caught around the point being lowered, innermost last. */
  private final Deque<List<String>> caught = new ArrayDeque<>();

  private record Local(String id, String type) {}

  /** A break, continue or yield target; {@code yieldVar} holds a switch expression's value. */
  private record Target(
      Node node, String label, Label breakLabel, Label continueLabel, boolean labelledBlock, String yieldVar) {
    Target(Node node, String label, Label breakLabel, Label continueLabel, boolean labelledBlock) {
      this(node, label, breakLabel, continueLabel, labelledBlock, null);
    }
  }

  SourceLowering(FileContext ctx, String enclosingClass) {
    this.ctx = ctx;
    this.enclosingClass = enclosingClass;
    scopes.push(new HashMap<>());
  }

  // ---------------------------------------------------------------- entry points

  EventGraph method(CallableDeclaration<?> m, List<String> paramVarsOut) {
    b = new GraphBuilder(m.getNameAsString(), ctx::isSubtype);
    b.constructor(m instanceof ConstructorDeclaration);
    List<String> declared = new ArrayList<>();
    for (ReferenceType t : m.getThrownExceptions()) {
      declared.add(ctx.names.typeName(t));
    }
    declaredThrows = ctx.checkedOnly(declared);
    UnitFacts facts = UnitFacts.of(ctx.cu);
    methodId = enclosingClass + "." + facts.declarationText(m);
    returnType = m instanceof MethodDeclaration md && !md.getType().isVoidType() ? ctx.names.typeName(md.getType()) : null;
    Map<String, String> booleanParams = new HashMap<>();
    for (Parameter p : m.getParameters()) {
      String type = ctx.names.typeName(p.getType()) + (p.isVarArgs() ? "[]" : "");
      String v = declare(p.getNameAsString(), type);
      if (paramVarsOut != null) {
        paramVarsOut.add(p.getType().isPrimitiveType() ? null : v);
      }
      if (p.getType().isPrimitiveType() && p.getType().asPrimitiveType().getType() == PrimitiveType.Primitive.BOOLEAN) {
        booleanParams.put(p.getNameAsString(), v);
      }
    }
    BlockStmt body =
        m instanceof MethodDeclaration md ? md.getBody().orElse(null) : ((ConstructorDeclaration) m).getBody();
    UnitFacts.BodyFlags flags = body == null ? NO_FLAGS : facts.bodyFlags(body, SourceLowering::bodyFlags);
    flagUses = new HashMap<>(flags.uses());
    for (String name : flags.assigned()) {
      booleanParams.remove(name); // assigned in the body: not the caller's alone
    }
    paramFlags = new HashSet<>(booleanParams.values());
    for (String name : booleanParams.keySet()) {
      flagUses.merge(name, 1, Integer::sum); // set by the caller
    }
    for (String g : ctx.model().guardFlagsOfAnnotations(annotationsOf(m))) {
      b.emit(new Event.AssignFlag(g, true), line(m)); // a @Transactional method: its guard holds
    }
    statement(body);
    return b.build(endLine(body));
  }

  /** The annotations of a method and of the classes around it, by qualified name. */
  private Set<String> annotationsOf(CallableDeclaration<?> m) {
    if (ctx.model().guardAnnotations().isEmpty()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (Node n = m; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> annotated) {
        for (com.github.javaparser.ast.expr.AnnotationExpr a : annotated.getAnnotations()) {
          String fq = ctx.names.resolveAt(a.getNameAsString(), a);
          out.add(fq != null ? fq : a.getNameAsString());
        }
      }
    }
    return out;
  }

  EventGraph lambda(LambdaExpr l) {
    b = new GraphBuilder("lambda@" + line(l), ctx::isSubtype);
    for (Parameter p : l.getParameters()) {
      declare(p.getNameAsString(), p.getType().isUnknownType() ? null : ctx.names.typeName(p.getType()));
    }
    Statement body = l.getBody();
    flagUses = new HashMap<>(UnitFacts.of(ctx.cu).bodyFlags(body, SourceLowering::bodyFlags).uses());
    paramFlags = Set.of();
    if (body instanceof BlockStmt block) {
      statement(block);
      return b.build(endLine(block));
    }
    Expression e = ((ExpressionStmt) body).getExpression();
    String v = expr(e, null);
    b.returnFrom(tracked(v), line(e));
    return b.build(line(e));
  }

  // ---------------------------------------------------------------- positions

  static int line(Node n) {
    return n.getBegin().map(p -> p.line).orElse(0);
  }

  private static int endLine(Node n) {
    return n == null ? 0 : n.getEnd().map(p -> p.line).orElse(line(n));
  }

  // ---------------------------------------------------------------- variables

  private String declare(String name, String type) {
    String n = name;
    int i = 1;
    while (used.contains(n)) {
      n = name + "~" + (i++);
    }
    used.add(n);
    scopes.peek().put(name, new Local(n, type));
    return n;
  }

  private Local lookup(String name) {
    for (Map<String, Local> s : scopes) {
      Local l = s.get(name);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  private Local lookupById(String id) {
    for (Map<String, Local> s : scopes) {
      for (Local l : s.values()) {
        if (l.id.equals(id)) {
          return l;
        }
      }
    }
    return null;
  }

  private void push() {
    scopes.push(new HashMap<>());
  }

  private void pop() {
    scopes.pop();
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

  void statement(Statement s) {
    if (s == null) {
      return;
    }
    if (s instanceof BlockStmt block) {
      push();
      for (Statement st : block.getStatements()) {
        statement(st);
      }
      pop();
    } else if (s instanceof ExpressionStmt es) {
      Expression e = es.getExpression();
      if (e instanceof VariableDeclarationExpr vde) {
        declareAll(vde);
      } else {
        expr(e, null);
      }
      killTemps();
    } else if (s instanceof IfStmt it) {
      Label then = b.newLabel();
      Label otherwise = b.newLabel();
      Label end = b.newLabel();
      condition(it.getCondition(), then, otherwise);
      b.place(then);
      statement(it.getThenStmt());
      b.jump(end, null, 0);
      b.place(otherwise);
      it.getElseStmt().ifPresent(this::statement);
      b.place(end);
    } else if (s instanceof WhileStmt w) {
      Label head = b.newLabel();
      Label body = b.newLabel();
      Label exit = b.newLabel();
      b.place(head);
      b.emit(new Event.ForgetFlags(), line(w));
      condition(w.getCondition(), body, exit);
      b.place(body);
      loopBody(s, w.getBody(), exit, head);
      b.jump(head, null, 0);
      b.place(exit);
    } else if (s instanceof DoStmt d) {
      Label head = b.newLabel();
      Label cond = b.newLabel();
      Label exit = b.newLabel();
      b.place(head);
      b.emit(new Event.ForgetFlags(), line(d));
      loopBody(s, d.getBody(), exit, cond);
      b.place(cond);
      condition(d.getCondition(), head, exit);
      b.place(exit);
    } else if (s instanceof ForStmt f) {
      push();
      for (Expression init : f.getInitialization()) {
        if (init instanceof VariableDeclarationExpr vde) {
          declareAll(vde);
        } else {
          expr(init, null);
        }
        killTemps();
      }
      Label head = b.newLabel();
      Label body = b.newLabel();
      Label update = b.newLabel();
      Label exit = b.newLabel();
      b.place(head);
      b.emit(new Event.ForgetFlags(), line(f));
      if (f.getCompare().isPresent()) {
        condition(f.getCompare().get(), body, exit);
      } else {
        b.jump(body, null, 0);
      }
      b.place(body);
      loopBody(s, f.getBody(), exit, update);
      b.place(update);
      for (Expression u : f.getUpdate()) {
        expr(u, null);
        killTemps();
      }
      b.jump(head, null, 0);
      b.place(exit);
      pop();
    } else if (s instanceof ForEachStmt ef) {
      String coll = tracked(expr(ef.getIterable(), null));
      if (coll != null) {
        // keep the collection alive across the loop under a name of its own (before the
        // temporaries of the expression, map.values() among them, end)
        String keep = "$each" + (tempCount++);
        b.emit(new Event.Assign(keep, coll), line(ef));
        coll = keep;
      }
      killTemps();
      push();
      VariableDeclarator vd = ef.getVariable().getVariables().get(0);
      String var = declare(vd.getNameAsString(), typeOfDeclared(vd, null));
      Label none = b.newLabel();
      Label head = b.newLabel();
      Label next = b.newLabel();
      Label exit = b.newLabel();
      b.branch(none);
      b.place(head);
      b.emit(new Event.ForgetFlags(), line(ef));
      if (coll != null) {
        b.emit(new Event.ElementsOf(var, coll), line(ef));
      } else {
        b.emit(new Event.AssignUnknown(var, false), line(ef));
      }
      loopBody(s, ef.getBody(), exit, next);
      b.place(next);
      b.branch(exit);
      b.jump(head, null, 0);
      b.place(none);
      if (coll != null) {
        b.emit(new Event.AssumeEmpty(coll, false), line(ef));
      }
      b.jump(exit, null, 0);
      b.place(exit);
      pop();
    } else if (s instanceof LabeledStmt ls) {
      Statement inner = ls.getStatement();
      if (isLoop(inner) || inner instanceof SwitchStmt) {
        pendingLabel = ls.getLabel().asString();
        statement(inner);
      } else {
        Label end = b.newLabel();
        targets.push(new Target(ls, ls.getLabel().asString(), end, null, true));
        statement(inner);
        targets.pop();
        b.jump(end, null, 0);
        b.place(end);
      }
    } else if (s instanceof SwitchStmt sw) {
      switchEntries(sw.getSelector(), sw.getEntries(), s);
    } else if (s instanceof TryStmt t) {
      tryStatement(t);
    } else if (s instanceof ReturnStmt r) {
      String v = r.getExpression().map(e -> tracked(exprTyped(e, returnType))).orElse(null);
      b.returnFrom(v, line(r));
      temps.clear();
    } else if (s instanceof ThrowStmt th) {
      expr(th.getExpression(), null);
      killTemps();
      String type = typeOf(th.getExpression());
      if (type == null) {
        type = "java.lang.Exception";
      }
      b.throwException(line(th), new ThrowInfo(null, type, line(th), false), List.of(type));
    } else if (s instanceof BreakStmt br) {
      Target t = find(br.getLabel().map(l -> l.asString()).orElse(null), false);
      if (t != null) {
        b.jump(t.breakLabel, "after the break at line " + line(br), line(br));
      }
    } else if (s instanceof ContinueStmt c) {
      Target t = find(c.getLabel().map(l -> l.asString()).orElse(null), true);
      if (t != null) {
        b.jump(t.continueLabel, "after the continue at line " + line(c), line(c));
      }
    } else if (s instanceof YieldStmt y) {
      Target t = null;
      for (Target x : targets) {
        if (x.node instanceof SwitchExpr) {
          t = x; // what a yield leaves: the innermost switch expression
          break;
        }
      }
      if (t != null && t.yieldVar != null) {
        bind(t.yieldVar, expr(y.getExpression(), t.yieldVar), line(y));
      } else {
        expr(y.getExpression(), null);
      }
      killTemps();
      if (t != null) {
        b.jump(t.breakLabel, null, line(y));
      }
    } else if (s instanceof SynchronizedStmt sy) {
      expr(sy.getExpression(), null);
      killTemps();
      statement(sy.getBody());
    } else if (s instanceof ExplicitConstructorInvocationStmt eci) {
      // this(..) or super(..) creates nothing: what it is given goes to the object being constructed
      for (Expression a : eci.getArguments()) {
        String v = tracked(expr(a, null));
        if (v != null) {
          b.emit(new Event.Transfer(v), line(eci));
        }
      }
      killTemps();
    }
    // local classes, asserts, empty statements: nothing that acquires or releases
  }

  private void declareAll(VariableDeclarationExpr vde) {
    for (VariableDeclarator vd : vde.getVariables()) {
      String type = typeOfDeclared(vd, vd.getInitializer().orElse(null));
      String var = declare(vd.getNameAsString(), type);
      if (vd.getInitializer().isPresent()) {
        Expression init = unwrap(vd.getInitializer().get());
        if (init instanceof BooleanLiteralExpr lit && flagUses.getOrDefault(vd.getNameAsString(), 0) >= 2) {
          b.emit(new Event.AssignFlag(var, lit.getValue()), line(vd));
          continue;
        }
        String val = expr(vd.getInitializer().get(), var);
        bind(var, val, line(vd));
      }
    }
  }

  private String typeOfDeclared(VariableDeclarator vd, Expression init) {
    if (vd.getType().isVarType() || vd.getType().asString().equals("var")) {
      return init == null ? null : typeOf(init);
    }
    return ctx.names.typeName(vd.getType());
  }

  private static boolean isLoop(Statement s) {
    return s instanceof WhileStmt || s instanceof DoStmt || s instanceof ForStmt || s instanceof ForEachStmt;
  }

  private void loopBody(Node loop, Statement body, Label exit, Label cont) {
    String label = pendingLabel;
    pendingLabel = null;
    targets.push(new Target(loop, label, exit, cont, false));
    statement(body);
    targets.pop();
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
      } else if (!t.labelledBlock) {
        return t;
      }
    }
    return null;
  }

  private void switchEntries(Expression selector, NodeList<SwitchEntry> entries, Node owner) {
    switchEntries(selector, entries, owner, null);
  }

  /**
   * A switch statement, or with {@code value} a switch expression whose arms and yields bind
   * their value to that variable.
   */
  private void switchEntries(Expression selector, NodeList<SwitchEntry> entries, Node owner, String value) {
    String label = pendingLabel;
    pendingLabel = null;
    expr(selector, null);
    killTemps();
    Label end = b.newLabel();
    List<Label> labels = new ArrayList<>();
    int defaultIndex = -1;
    for (int i = 0; i < entries.size(); i++) {
      Label l = b.newLabel();
      labels.add(l);
      b.branch(l);
      if (entries.get(i).getLabels().isEmpty() || entries.get(i).isDefault()) {
        defaultIndex = i;
      }
    }
    if (defaultIndex >= 0) {
      b.jump(labels.get(defaultIndex), null, 0);
    } else {
      b.jump(end, null, 0);
    }
    targets.push(new Target(owner, label, end, null, false, value));
    push();
    for (int i = 0; i < entries.size(); i++) {
      SwitchEntry e = entries.get(i);
      b.place(labels.get(i));
      if (value != null
          && e.getType() == SwitchEntry.Type.EXPRESSION
          && e.getStatements().size() == 1
          && e.getStatements().get(0) instanceof ExpressionStmt arm) {
        bind(value, expr(arm.getExpression(), value), line(arm));
        killTemps();
        b.jump(end, null, 0);
        continue;
      }
      for (Statement st : e.getStatements()) {
        statement(st);
      }
      if (e.getType() != SwitchEntry.Type.STATEMENT_GROUP) {
        b.jump(end, null, 0);
      }
    }
    pop();
    targets.pop();
    b.jump(end, null, 0);
    b.place(end);
  }

  private void tryStatement(TryStmt t) {
    List<GraphBuilder.Catch> catches = new ArrayList<>();
    for (CatchClause c : t.getCatchClauses()) {
      List<String> types = new ArrayList<>();
      if (c.getParameter().getType() instanceof UnionType u) {
        for (ReferenceType alt : u.getElements()) {
          types.add(ctx.names.typeName(alt));
        }
      } else {
        types.add(ctx.names.typeName(c.getParameter().getType()));
      }
      catches.add(
          new GraphBuilder.Catch(
              types,
              () -> {
                push();
                String v = declare(c.getParameter().getNameAsString(), types.get(0));
                b.emit(new Event.AssignUnknown(v, false), line(c));
                statement(c.getBody());
                pop();
              }));
    }
    Runnable fin = t.getFinallyBlock().<Runnable>map(f -> () -> statement(f)).orElse(null);
    push();
    List<String> caughtHere = new ArrayList<>();
    catches.forEach(c -> caughtHere.addAll(c.types()));
    b.tryStatement(
        () -> {
          caught.push(ctx.checkedOnly(caughtHere));
          try {
            resources(t.getResources(), 0, t.getTryBlock());
          } finally {
            caught.pop();
          }
        },
        catches,
        fin);
    pop();
  }

  private void resources(NodeList<Expression> res, int i, BlockStmt block) {
    if (i == res.size()) {
      statement(block);
      return;
    }
    Expression r = res.get(i);
    String var;
    if (r instanceof VariableDeclarationExpr vde) {
      VariableDeclarator vd = vde.getVariables().get(0);
      var = declare(vd.getNameAsString(), typeOfDeclared(vd, vd.getInitializer().orElse(null)));
      bind(var, expr(vd.getInitializer().orElse(null), var), line(vd));
      killTemps();
    } else {
      var = tracked(expr(r, null));
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
        () -> resources(res, i + 1, block), List.of(), () -> b.emit(new Event.Release(closed), line));
  }

  // ---------------------------------------------------------------- conditions

  private void condition(Expression c, Label onTrue, Label onFalse) {
    while (c instanceof EnclosedExpr en) {
      c = en.getInner();
    }
    if (c instanceof BinaryExpr bt) {
      switch (bt.getOperator()) {
        case AND -> {
          Label mid = b.newLabel();
          condition(bt.getLeft(), mid, onFalse);
          b.place(mid);
          condition(bt.getRight(), onTrue, onFalse);
          return;
        }
        case OR -> {
          Label mid = b.newLabel();
          condition(bt.getLeft(), onTrue, mid);
          b.place(mid);
          condition(bt.getRight(), onTrue, onFalse);
          return;
        }
        case EQUALS, NOT_EQUALS -> {
          String v = nullTested(bt.getLeft(), bt.getRight());
          boolean eq = bt.getOperator() == BinaryExpr.Operator.EQUALS;
          if (v != null) {
            nullBranch(v, eq ? onTrue : onFalse, eq ? onFalse : onTrue);
            return;
          }
          // two references (two primitives hold nothing the analysis tracks: no effect)
          String l = localOrField(bt.getLeft());
          String r = l == null ? null : localOrField(bt.getRight());
          if (r != null) {
            b.branchOnSame(l, r, eq ? onTrue : onFalse);
            b.jump(eq ? onFalse : onTrue, null, 0);
            return;
          }
        }
        default -> {}
      }
    }
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      condition(u.getExpression(), onFalse, onTrue);
      return;
    }
    if (c instanceof MethodCallExpr mce && mce.getArguments().size() == 1 && mce.getScope().isPresent()) {
      String scopeType = staticTypeName(mce.getScope().get());
      if ("java.util.Objects".equals(scopeType)) {
        String v = localOf(mce.getArgument(0));
        if (v != null && mce.getNameAsString().equals("nonNull")) {
          nullBranch(v, onFalse, onTrue);
          return;
        }
        if (v != null && mce.getNameAsString().equals("isNull")) {
          nullBranch(v, onTrue, onFalse);
          return;
        }
      }
    }
    if (c instanceof MethodCallExpr mce && mce.getArguments().isEmpty() && mce.getScope().isPresent()) {
      Expression scope = mce.getScope().get();
      String v = localOf(scope);
      if (v != null && mce.getNameAsString().equals("isEmpty") && ctx.isCollection(typeOf(scope))) {
        Label empty = b.newLabel();
        b.branch(empty);
        b.jump(onFalse, null, 0);
        b.place(empty);
        b.emit(new Event.AssumeEmpty(v, true), line(c));
        b.jump(onTrue, null, 0);
        return;
      }
      if (v != null && mce.getNameAsString().equals("isClosed") && ctx.kindOf(typeOf(scope)) != null) {
        // as in the javac engine: isClosed() true means closed; its SQLException is not followed
        Label closed = b.newLabel();
        b.branch(closed);
        b.jump(onFalse, null, 0);
        b.place(closed);
        b.emit(new Event.Release(v), line(c));
        b.jump(onTrue, null, 0);
        return;
      }
    }
    if (c instanceof InstanceOfExpr io) {
      String v = localOf(io.getExpression());
      if (v != null) {
        Label nonNull = b.newLabel();
        b.branchOnNonNull(v, nonNull);
        b.jump(onFalse, null, 0);
        b.place(nonNull);
        b.branch(onFalse);
        // x instanceof AutoCloseable c: where the test holds, c is x (closing c closes x)
        if (io.getPattern().orElse(null) instanceof com.github.javaparser.ast.expr.TypePatternExpr tp) {
          b.emit(new Event.Assign(declare(tp.getNameAsString(), ctx.names.typeName(tp.getType())), v), line(c));
        }
        b.jump(onTrue, null, 0);
        return;
      }
    }
    if (c instanceof BooleanLiteralExpr lit) {
      b.jump(lit.getValue() ? onTrue : onFalse, null, 0);
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

  private static final UnitFacts.BodyFlags NO_FLAGS = new UnitFacts.BodyFlags(Map.of(), Set.of());

  /**
   * The written names of flags, each with how often the body tests it or sets it to a literal
   * (see {@link #flagUses}), and the names of the variables it assigns.
   */
  private static UnitFacts.BodyFlags bodyFlags(Node body) {
    Map<String, Integer> uses = new HashMap<>();
    Set<String> assigned = new HashSet<>();
    List<Expression> conditions = new ArrayList<>();
    Nodes.walk(
        body,
        n -> {
          if (n instanceof AssignExpr a && a.getTarget() instanceof NameExpr t) {
            assigned.add(t.getNameAsString());
          }
          if (n instanceof IfStmt i) {
            conditions.add(i.getCondition());
          } else if (n instanceof WhileStmt w) {
            conditions.add(w.getCondition());
          } else if (n instanceof DoStmt d) {
            conditions.add(d.getCondition());
          } else if (n instanceof ForStmt f) {
            f.getCompare().ifPresent(conditions::add);
          } else if (n instanceof ConditionalExpr c) {
            conditions.add(c.getCondition());
          } else if (n instanceof AssignExpr a && unwrap(a.getValue()) instanceof BooleanLiteralExpr) {
            String f = flagName(a.getTarget());
            if (f != null) {
              uses.merge(f, 1, Integer::sum);
            }
          } else if (n instanceof VariableDeclarator v
              && v.getInitializer().map(i -> unwrap(i) instanceof BooleanLiteralExpr).orElse(false)) {
            uses.merge(v.getNameAsString(), 1, Integer::sum);
          }
        });
    for (Expression c : conditions) {
      countTests(c, uses);
    }
    return new UnitFacts.BodyFlags(Map.copyOf(uses), Set.copyOf(assigned));
  }

  private static void countTests(Expression c, Map<String, Integer> uses) {
    c = unwrap(c);
    if (c instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      countTests(u.getExpression(), uses);
    } else if (c instanceof BinaryExpr bt
        && (bt.getOperator() == BinaryExpr.Operator.AND || bt.getOperator() == BinaryExpr.Operator.OR)) {
      countTests(bt.getLeft(), uses);
      countTests(bt.getRight(), uses);
    } else {
      String f = flagName(c);
      if (f != null) {
        uses.merge(f, 1, Integer::sum);
      }
    }
  }

  /** The written name of a flag expression: a name, this.field, or a call of no arguments on this. */
  private static String flagName(Expression e) {
    e = unwrap(e);
    if (e instanceof NameExpr n) {
      return n.getNameAsString();
    }
    if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
      return fa.getNameAsString();
    }
    if (e instanceof MethodCallExpr mc
        && mc.getArguments().isEmpty()
        && (mc.getScope().isEmpty() || mc.getScope().get() instanceof ThisExpr)) {
      return Event.CALL_FLAG + mc.getNameAsString();
    }
    return null;
  }

  /** The event name of a flag expression worth following, or null. */
  private String flag(Expression e) {
    if (unwrap(e) instanceof MethodCallExpr mc && mc.getArguments().isEmpty()
        && (mc.getScope().isEmpty() || (mc.getScope().get() instanceof NameExpr n && lookup(n.getNameAsString()) == null)
            || mc.getScope().get() instanceof FieldAccessExpr)) {
      // a guard of the model's bound-when (TransactionSynchronizationManager.isSynchronizationActive())
      String owner = guardOwner(mc);
      String guard = owner == null ? null : ctx.model().guardFlag(owner, mc.getNameAsString());
      if (guard != null) {
        return guard;
      }
    }
    String written = flagName(e);
    if (written == null || flagUses.getOrDefault(written, 0) < 2) {
      return null;
    }
    if (written.startsWith(Event.CALL_FLAG)) {
      return written;
    }
    Expression u = unwrap(e);
    if (u instanceof NameExpr n) {
      Local l = lookup(n.getNameAsString());
      if (l != null) {
        return paramFlags.contains(l.id) ? Event.PARAM_FLAG + l.id : l.id;
      }
      return ctx.fieldType(enclosingClass, written) != null ? Event.FIELD_FLAG + written : null;
    }
    return Event.FIELD_FLAG + written;
  }

  /** The class of a static call of no arguments, as the imports or the class path give it; or null. */
  private String guardOwner(MethodCallExpr mc) {
    if (mc.getScope().isPresent()) {
      String written = mc.getScope().get().toString();
      String resolved = ctx.names.resolveAt(written, mc);
      if (resolved != null) {
        return resolved;
      }
    }
    CallInfo ci = ctx.resolveCall(this, mc);
    return ci.owner();
  }

  private void nullBranch(String var, Label ifNull, Label ifNonNull) {
    b.branchOnNull(var, ifNull);
    b.jump(ifNonNull, null, 0);
  }

  private String nullTested(Expression l, Expression r) {
    if (unwrap(r) instanceof NullLiteralExpr) {
      return testedValue(l);
    }
    if (unwrap(l) instanceof NullLiteralExpr) {
      return testedValue(r);
    }
    return null;
  }

  /**
   * The variable a null test reads: for an assignment ({@code (con = next()) != null}) the
   * assignment runs first and its variable is tested.
   */
  private String testedValue(Expression e) {
    Expression u = unwrap(e);
    if (u instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN && localOf(a.getTarget()) != null) {
      expr(u, null);
      return localOf(a.getTarget());
    }
    return localOrField(e);
  }

  /**
   * A local variable, or a resource field of this object read into a temporary: a null test on
   * the field then tells about what this method stored in it.
   */
  private String localOrField(Expression e) {
    String local = localOf(e);
    if (local != null) {
      return local;
    }
    Expression u = unwrap(e);
    boolean thisField =
        (u instanceof NameExpr n && lookup(n.getNameAsString()) == null
                && ctx.fieldType(enclosingClass, n.getNameAsString()) != null)
            || (u instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr);
    return thisField ? tracked(expr(u, null)) : null;
  }

  private static Expression unwrap(Expression e) {
    while (e instanceof EnclosedExpr en) {
      e = en.getInner();
    }
    return e;
  }

  /**
   * The expression before {@code ::}: a simple name read as a type ({@code results::close}) is a
   * name expression when a local of that name is in scope.
   */
  private Expression referenceScope(Expression scope) {
    if (scope instanceof com.github.javaparser.ast.expr.TypeExpr te
        && te.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType ct
        && ct.getScope().isEmpty()
        && ct.getTypeArguments().isEmpty()
        && lookup(ct.getNameAsString()) != null) {
      return new NameExpr(ct.getNameAsString());
    }
    return scope;
  }

  private String localOf(Expression e) {
    e = unwrap(e);
    if (e instanceof NameExpr n) {
      Local l = lookup(n.getNameAsString());
      return l == null ? null : l.id;
    }
    return null;
  }

  // ---------------------------------------------------------------- types

  /** The static type of an expression, as a binary name, or null if it cannot be known here. */
  String typeOf(Expression e) {
    e = unwrap(e);
    if (e instanceof NameExpr n) {
      Local l = lookup(n.getNameAsString());
      if (l != null) {
        return l.type;
      }
      String pattern = ctx.patternVariableType(n);
      if (pattern != null) {
        return pattern;
      }
      String captured = ctx.capturedLocalType(n);
      if (captured != null) {
        return captured;
      }
      return ctx.fieldType(enclosingClass, n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr fa) {
      String scopeType = fa.getScope() instanceof ThisExpr ? enclosingClass : typeOf(fa.getScope());
      return scopeType == null ? null : ctx.fieldType(scopeType, fa.getNameAsString());
    }
    if (e instanceof MethodCallExpr mce) {
      CallInfo ci = ctx.resolveCall(this, mce);
      if (ci.resultTypeOfArg() >= 0 && ci.resultTypeOfArg() < mce.getArguments().size()) {
        // castNonNull(x), Objects.requireNonNull(x): the type of x
        String t = typeOf(mce.getArgument(ci.resultTypeOfArg()));
        if (t != null) {
          return t;
        }
      }
      return ci.returnType();
    }
    if (e instanceof ObjectCreationExpr oc) {
      return ctx.names.typeName(oc.getType());
    }
    if (e instanceof CastExpr ce) {
      return ctx.names.typeName(ce.getType());
    }
    if (e instanceof ThisExpr) {
      return enclosingClass;
    }
    if (e instanceof ConditionalExpr ce) {
      String t = typeOf(ce.getThenExpr());
      return t != null ? t : typeOf(ce.getElseExpr());
    }
    if (e instanceof AssignExpr ae) {
      return typeOf(ae.getTarget());
    }
    if (e instanceof StringLiteralExpr) {
      return "java.lang.String";
    }
    return null;
  }

  /** If {@code e} names a type (a static call's scope), its binary name; else null. */
  String staticTypeName(Expression e) {
    e = unwrap(e);
    if (e instanceof NameExpr n) {
      String name = n.getNameAsString();
      if (lookup(name) != null || ctx.fieldType(enclosingClass, name) != null) {
        return null;
      }
      if (!Character.isUpperCase(name.charAt(0))) {
        return null;
      }
      return ctx.names.resolve(name);
    }
    if (e instanceof FieldAccessExpr fa && isQualifiedName(fa)) {
      String text = fa.toString();
      String last = fa.getNameAsString();
      if (Character.isUpperCase(last.charAt(0))) {
        return ctx.names.resolve(text);
      }
    }
    return null;
  }

  private boolean isQualifiedName(Expression e) {
    if (e instanceof NameExpr n) {
      return lookup(n.getNameAsString()) == null && ctx.fieldType(enclosingClass, n.getNameAsString()) == null;
    }
    return e instanceof FieldAccessExpr fa && isQualifiedName(fa.getScope());
  }

  String enclosingClass() {
    return enclosingClass;
  }

  // ---------------------------------------------------------------- expressions

  String expr(Expression e, String into) {
    if (e == null) {
      return null;
    }
    if (e instanceof EnclosedExpr p) {
      return expr(p.getInner(), into);
    }
    if (e instanceof CastExpr c) {
      return expr(c.getExpression(), into);
    }
    if (e instanceof NullLiteralExpr) {
      return NULL_LITERAL;
    }
    if (e.isLiteralExpr()) {
      return null;
    }
    if (e instanceof NameExpr n) {
      Local l = lookup(n.getNameAsString());
      if (l != null) {
        return l.id;
      }
      String ft = ctx.fieldType(enclosingClass, n.getNameAsString());
      return fieldRead(n.getNameAsString(), ft, e);
    }
    if (e instanceof FieldAccessExpr fa) {
      if (staticTypeName(fa) != null) {
        return null;
      }
      String scopeType;
      if (fa.getScope() instanceof ThisExpr) {
        scopeType = enclosingClass;
      } else {
        if (staticTypeName(fa.getScope()) == null) {
          expr(fa.getScope(), null);
        }
        scopeType = typeOf(fa.getScope());
      }
      String ft = scopeType == null ? null : ctx.fieldType(scopeType, fa.getNameAsString());
      return fieldRead(fa.getNameAsString(), ft, e);
    }
    if (e instanceof MethodCallExpr mce) {
      return call(mce, into);
    }
    if (e instanceof ObjectCreationExpr oc) {
      return newObject(oc, into);
    }
    if (e instanceof AssignExpr as) {
      return assignment(as);
    }
    if (e instanceof UnaryExpr u) {
      expr(u.getExpression(), null);
      return null;
    }
    if (e instanceof BinaryExpr bt) {
      if (bt.getOperator() == BinaryExpr.Operator.AND || bt.getOperator() == BinaryExpr.Operator.OR) {
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
      expr(bt.getLeft(), null);
      expr(bt.getRight(), null);
      return null;
    }
    if (e instanceof ConditionalExpr ce) {
      String t = into != null ? into : temp();
      Label then = b.newLabel();
      Label otherwise = b.newLabel();
      Label end = b.newLabel();
      condition(ce.getCondition(), then, otherwise);
      b.place(then);
      bind(t, expr(ce.getThenExpr(), t), line(ce));
      b.jump(end, null, 0);
      b.place(otherwise);
      bind(t, expr(ce.getElseExpr(), t), line(ce));
      b.place(end);
      return t;
    }
    if (e instanceof InstanceOfExpr io) {
      expr(io.getExpression(), null);
      return null;
    }
    if (e instanceof LambdaExpr l) {
      lambdas.add(l);
      captures(l.getBody());
      return null;
    }
    if (e instanceof MethodReferenceExpr mr) {
      // con::close captures con, like a lambda would; the parser may read a bare name before ::
      // as a type
      String v = localOf(referenceScope(mr.getScope()));
      if (v != null) {
        b.emit(new Event.Transfer(v), line(mr));
      }
      return null;
    }
    if (e instanceof ArrayCreationExpr ac) {
      ac.getLevels().forEach(l -> l.getDimension().ifPresent(d -> expr(d, null)));
      ac.getInitializer().ifPresent(init -> arrayInit(init));
      return null;
    }
    if (e instanceof ArrayInitializerExpr ai) {
      arrayInit(ai);
      return null;
    }
    if (e instanceof SwitchExpr sw) {
      String t = into != null ? into : temp();
      // the arms end their own temporaries, not those of the expression around the switch
      List<String> outer = new ArrayList<>(temps);
      temps.clear();
      switchEntries(sw.getSelector(), sw.getEntries(), sw, t);
      killTemps();
      temps.addAll(outer);
      return t;
    }
    if (e instanceof ArrayAccessExpr aa) {
      expr(aa.getName(), null);
      expr(aa.getIndex(), null);
      return null;
    }
    if (e instanceof VariableDeclarationExpr vde) {
      declareAll(vde);
      return null;
    }
    return null;
  }

  private void arrayInit(ArrayInitializerExpr init) {
    for (Expression v : init.getValues()) {
      String t = tracked(expr(v, null));
      if (t != null) {
        b.emit(new Event.Transfer(t), line(v));
      }
    }
  }

  private String fieldRead(String name, String fieldType, Node at) {
    if (fieldType == null || (ctx.kindOf(fieldType) == null && !ctx.isAutoCloseable(fieldType))) {
      return null;
    }
    String t = temp();
    b.emit(new Event.AssignOpaque(t, "field:" + name), line(at));
    return t;
  }

  private void captures(Node body) {
    Set<String> captured = new HashSet<>();
    for (NameExpr n : Nodes.findAll(body, NameExpr.class)) {
      Local l = lookup(n.getNameAsString());
      if (l != null) {
        captured.add(l.id);
      }
    }
    for (String v : captured) {
      b.emit(new Event.Transfer(v), line(body));
    }
  }

  private String assignment(AssignExpr as) {
    Expression lhs = unwrap(as.getTarget());
    if (as.getOperator() != AssignExpr.Operator.ASSIGN) {
      expr(lhs, null);
      expr(as.getValue(), null);
      return null;
    }
    if (unwrap(as.getValue()) instanceof BooleanLiteralExpr lit) {
      String flag = flag(lhs);
      if (flag != null && !flag.startsWith(Event.CALL_FLAG)) {
        b.emit(new Event.AssignFlag(flag, lit.getValue()), line(as));
        return null;
      }
    }
    if (lhs instanceof NameExpr n) {
      Local l = lookup(n.getNameAsString());
      if (l != null) {
        String v = expr(as.getValue(), l.id);
        bind(l.id, v, line(as));
        return l.id;
      }
    }
    String field = null;
    boolean own = false;
    if (lhs instanceof NameExpr n && ctx.fieldType(enclosingClass, n.getNameAsString()) != null) {
      field = n.getNameAsString();
      own = true;
    } else if (lhs instanceof FieldAccessExpr fa) {
      field = fa.getNameAsString();
      own = fa.getScope() instanceof ThisExpr || staticTypeName(fa.getScope()) != null
          && staticTypeName(fa.getScope()).equals(enclosingClass);
      if (!own && staticTypeName(fa.getScope()) == null) {
        expr(fa.getScope(), null);
      }
    } else if (lhs instanceof ArrayAccessExpr aa) {
      expr(aa.getName(), null);
      expr(aa.getIndex(), null);
    }
    String v = tracked(exprTyped(as.getValue(), typeOf(lhs)));
    if (v == null) {
      return null;
    }
    if (own) {
      b.emit(new Event.StoreField(v, field, !scouting && ctx.closesField(enclosingClass, field)), line(as));
    } else {
      b.emit(new Event.Transfer(v), line(as));
    }
    return v;
  }

  private String call(MethodCallExpr mce, String into) {
    return call(mce, into, null);
  }

  /**
   * The value of {@code e}, where the type its value goes to (a field, the method's return type)
   * types a call the engine cannot resolve, as javac would know its result type.
   */
  private String exprTyped(Expression e, String type) {
    Expression u = e;
    while (u instanceof EnclosedExpr || u instanceof CastExpr) {
      u = u instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) u).getExpression();
    }
    if (type != null && u instanceof MethodCallExpr mce) {
      return call(mce, null, type);
    }
    return expr(e, null);
  }

  /** The declared return type of the method being lowered (binary name), or null. */
  private String returnType;

  /** The method being lowered, as evidence from callers names it (its own closes are no evidence). */
  String methodId = "?";

  private String call(MethodCallExpr mce, String into, String typeHint) {
    String recv = null;
    Expression recvExpr = null;
    String receiverType = enclosingClass;
    boolean staticCall = false;
    // the object's own method, called on itself (unqualified, this.m() or super.m()) or, from an
    // inner class, on the object it belongs to
    boolean self = true;
    if (mce.getScope().isPresent()) {
      Expression scope = unwrap(mce.getScope().get());
      boolean isThis = scope instanceof ThisExpr || scope.isSuperExpr();
      self =
          scope instanceof ThisExpr t ? t.getTypeName().isEmpty()
              : scope.isSuperExpr() && scope.asSuperExpr().getTypeName().isEmpty();
      String staticType = isThis ? null : staticTypeName(scope);
      if (staticType != null) {
        receiverType = staticType;
        staticCall = true;
      } else if (!isThis) {
        recvExpr = scope;
        receiverType = typeOf(scope);
        recv = tracked(expr(scope, null));
        if (recv != null && recv.equals(into)) {
          String keep = temp();
          b.emit(new Event.Assign(keep, recv), line(mce));
          recv = keep;
        }
      }
    }
    List<String> args = new ArrayList<>();
    for (Expression a : mce.getArguments()) {
      args.add(tracked(expr(a, null)));
    }
    CallInfo ci = ctx.resolveCall(this, mce);
    if (ci.returnType() == null && ci.rules().isEmpty()) {
      // A call we cannot type, assigned to a local, a field or returned where a resource type is
      // declared: the declaration tells the result type, as javac would know it (Connection c =
      // TxContext.current()).
      Local target = into == null ? null : lookupById(into);
      String declared = target != null ? target.type : typeHint;
      if (declared != null && ctx.kindOf(declared) != null) {
        ci = ci.withResult(declared);
      }
    }
    self &= !staticCall;
    return effects(ci, mce, recv, args, into, recvExpr, receiverType, staticCall, self);
  }

  private String newObject(ObjectCreationExpr oc, String into) {
    oc.getScope().ifPresent(s -> expr(s, null));
    List<String> args = new ArrayList<>();
    for (Expression a : oc.getArguments()) {
      args.add(tracked(expr(a, null)));
    }
    oc.getAnonymousClassBody().ifPresent(body -> body.forEach(this::captures));
    CallInfo ci = ctx.resolveConstructor(this, oc);
    return effects(ci, oc, null, args, into, null, ctx.names.typeName(oc.getType()), false, false);
  }

  /**
   * The string constants that make up a call's arguments: literals, also in a concatenation or as
   * arguments of a call ({@code String.format(URL, name, "drop=true")}), and the final fields of
   * this file that a name denotes, with a literal initialiser (as javac inlines them).
   */
  private List<String> constantTexts(Node call) {
    List<String> out = new ArrayList<>();
    if (call instanceof com.github.javaparser.ast.nodeTypes.NodeWithArguments<?> n) {
      for (Expression a : n.getArguments()) {
        Nodes.walk(
            a,
            node -> {
              if (node instanceof StringLiteralExpr lit) {
                out.add(lit.asString());
              } else if (node instanceof com.github.javaparser.ast.expr.TextBlockLiteralExpr tb) {
                out.add(tb.asString());
              } else if (node instanceof NameExpr ne && lookup(ne.getNameAsString()) == null) {
                String v = finalFieldText(call, ne.getNameAsString());
                if (v != null) {
                  out.add(v);
                }
              }
            });
      }
    }
    return out;
  }

  /** The literal initialiser of a final String field {@code name} declared in this file, or null. */
  private static String finalFieldText(Node at, String name) {
    com.github.javaparser.ast.CompilationUnit unit = at.findCompilationUnit().orElse(null);
    if (unit == null) {
      return null;
    }
    for (com.github.javaparser.ast.body.FieldDeclaration f
        : Nodes.findAll(unit, com.github.javaparser.ast.body.FieldDeclaration.class)) {
      if (!f.isFinal()) {
        continue;
      }
      for (com.github.javaparser.ast.body.VariableDeclarator v : f.getVariables()) {
        if (v.getNameAsString().equals(name)
            && v.getInitializer().orElse(null) instanceof StringLiteralExpr lit) {
          return lit.asString();
        }
      }
    }
    return null;
  }

  /** The indexes of a call's arguments that are the literal {@code true}. */
  private static Set<Integer> trueArguments(Node call) {
    Set<Integer> out = new java.util.TreeSet<>();
    if (call instanceof com.github.javaparser.ast.nodeTypes.NodeWithArguments<?> n) {
      for (int i = 0; i < n.getArguments().size(); i++) {
        Expression a = unwrap(n.getArguments().get(i));
        if (a instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr b && b.getValue()) {
          out.add(i);
        }
      }
    }
    return out;
  }

  /** True if {@code var} holds a JDBC connection, statement or result set, by its declared type. */
  private boolean onJdbcResource(String var) {
    Local l = var == null ? null : lookupById(var);
    ResourceKind k = l == null || l.type == null ? null : ctx.kindOf(l.type);
    return k == ResourceKind.CONNECTION || k == ResourceKind.STATEMENT || k == ResourceKind.RESULT_SET;
  }

  /** True for {@code super.m()} and {@code T.super.m()}: the call runs that very method. */
  private static boolean superCall(Node call) {
    return call instanceof MethodCallExpr m
        && m.getScope().map(s -> unwrap(s).isSuperExpr()).orElse(false);
  }

  private String effects(
      CallInfo ci,
      Node call,
      String recv,
      List<String> args,
      String into,
      Expression recvExpr,
      String receiverType,
      boolean staticCall,
      boolean receiverIsSelf) {
    int line = line(call);
    List<Set<AnnotationRole>> paramRoles = new ArrayList<>();
    for (Set<String> names : ci.paramAnnotations()) {
      paramRoles.add(ctx.roles(names));
    }
    List<ResourceKind> paramKinds = new ArrayList<>();
    for (String t : ci.paramTypes()) {
      paramKinds.add(t == null ? null : ctx.kindOf(t));
    }
    String rt = ci.returnType();
    ResourceKind resultKind = rt == null ? null : ctx.kindOf(rt);
    mayAcquire |= CallEffects.mayAcquire(ci.rules(), resultKind);
    boolean collection = recvExpr != null && ctx.isCollection(typeOf(recvExpr));
    List<String> thrown = ci.checkedThrows();
    boolean involvesResource = recv != null || args.stream().anyMatch(java.util.Objects::nonNull);
    if (!ci.known() && ci.rules().isEmpty()) {
      sawUnresolvedCall = true;
    }
    if (!ci.known() && !ci.isConstructor() && ci.rules().isEmpty()
        && UnresolvedCalls.mayThrow(ci.name(), receiverType, involvesResource, onJdbcResource(recv))) {
      thrown = unresolvedThrows();
    }
    // what the lowering reads of the summary: none of a call on the platform's types that
    // could only take its declared exceptions away (they stand)
    CallEffects.SummaryUse use =
        CallEffects.summaryUse(
            ci.rules(), resultKind, thrown, recv, args, ci.isConstructor(), rt,
            ci.known() ? ci.paramTypes() : List.of(), receiverType);
    String name = ci.isConstructor() ? "new " + simple(ci.owner()) : ci.name();
    CallEffects.Call c =
        new CallEffects.Call(
            name,
            ci.isConstructor(),
            ci.rules(),
            ctx.roles(ci.annotations()),
            paramRoles,
            paramKinds,
            use != CallEffects.SummaryUse.NONE ? ctx.callSummary(ci, receiverType, args.size(), !superCall(call)) : null,
            resultKind,
            rt != null && ctx.model().isNotResource(rt),
            ci.isConstructor() && ctx.isAutoCloseable(ci.owner()),
            ci.known(),
            thrown,
            collection,
            collection ? localOf(recvExpr) : null,
            receiverType,
            staticCall,
            () -> {
              // the first pass probes such a result instead: what follows differs between passes
              ctx.decidedByPass();
              return !ci.isConstructor() && ctx.closedByCallers(receiverType, ci.name(), args.size(), methodId);
            },
            receiverType == null || staticCall ? null : ctx.kindOf(receiverType),
            ci.paramTypes(),
            ci.treeMethod() != null ? ci.treeMethod().paramNames() : List.of(),
            trueArguments(call),
            // the text of a connection request's URL (read by Ownership.shutsDownDatabase)
            resultKind == ResourceKind.CONNECTION ? constantTexts(call) : List.of(),
            receiverIsSelf);
    // a call the engine cannot resolve is named after its receiver's type where that is known
    String display =
        ci.owner() != null || ci.isConstructor() || receiverType == null
            ? ci.display()
            : simple(receiverType) + "." + ci.name() + (args.isEmpty() ? "()" : "(..)");
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
            return SourceLowering.this.temp();
          }

          @Override
          public Site site(ResourceKind kind, String variable) {
            Node at = call instanceof MethodCallExpr m ? m.getName() : call;
            int siteLine = line(at);
            int column = at.getBegin().map(p -> p.column).orElse(0);
            return new Site(
                "p" + siteLine + ":" + column,
                kind,
                rt != null ? simple(rt) : kind.displayName(),
                display,
                variable,
                siteLine,
                call);
          }

          @Override
          public String closeText(String var) {
            return SourceLowering.closeText(call, var);
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

  /**
   * What a call the engine cannot resolve may throw: the checked exceptions the method declares
   * and those an enclosing catch catches (a signature javac would see could throw them).
   */
  private List<String> unresolvedThrows() {
    List<String> out = new ArrayList<>(declaredThrows);
    for (List<String> c : caught) {
      for (String t : c) {
        if (!out.contains(t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  static String simple(String fq) {
    if (fq == null) {
      return "?";
    }
    int i = Math.max(fq.lastIndexOf('.'), fq.lastIndexOf('$'));
    return fq.substring(i + 1);
  }

  private static String closeText(Node call, String var) {
    String src = call.toString();
    if (src.length() <= 60 && !src.contains("\n")) {
      return src;
    }
    return var + ".close()";
  }
}
