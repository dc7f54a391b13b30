package dev.leakguard.source;

import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import dev.leakguard.core.pool.Issue;
import dev.leakguard.core.pool.Pool;
import dev.leakguard.core.pool.PoolCalls;
import dev.leakguard.core.pool.PoolSetters;
import dev.leakguard.core.report.ReportedFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool settings a method, constructor or lambda body sets in code: each call of a pool
 * setter ({@link PoolSetters}) on an object whose declared type is a pool class (or a subclass),
 * with the argument's value when it is a constant, fed to {@link PoolCalls} in the order of the
 * code. A lambda is a unit of its own, as are the methods of anonymous and local classes; a
 * method or class annotated {@code @ConfigurationProperties} is not checked, because properties
 * bound after it override what it sets.
 */
final class PoolLowering {
  private final Declarations decls;
  private final Constants constants;

  PoolLowering(Declarations decls) {
    this.decls = decls;
    this.constants = new Constants(decls);
  }

  /** The pool findings of a method or constructor with a body and of the lambdas in it. */
  List<ReportedFinding> check(CallableDeclaration<?> d, String signature, String path, int ceiling) {
    List<ReportedFinding> out = new ArrayList<>();
    Node declaringClass = d.getParentNode().orElse(null);
    if (hasAnnotation(d, PoolSetters.CONFIGURATION_PROPERTIES_ANNOTATION)
        || (declaringClass instanceof NodeWithAnnotations<?> c && hasAnnotation(c, PoolSetters.CONFIGURATION_PROPERTIES_ANNOTATION))) {
      return out;
    }
    String profile = profile(d, declaringClass);
    String className = namedClass(d);
    String methodName = d instanceof ConstructorDeclaration ? "<init>" : d.getNameAsString();
    List<LambdaExpr> lambdas = new ArrayList<>();
    unit(d, PoolCalls.place(className, methodName, false), profile, ceiling, signature, path, lambdas, out);
    String inLambda = PoolCalls.place(className, methodName, true);
    for (int i = 0; i < lambdas.size(); i++) {
      unit(lambdas.get(i), inLambda, profile, ceiling, signature, path, lambdas, out);
    }
    return out;
  }

  private void unit(
      Node unit,
      String place,
      String profile,
      int ceiling,
      String signature,
      String path,
      List<LambdaExpr> lambdas,
      List<ReportedFinding> out) {
    PoolCalls calls = new PoolCalls(place, profile);
    Node body =
        unit instanceof LambdaExpr l
            ? l.getBody()
            : unit instanceof MethodDeclaration m ? m.getBody().orElse(null) : ((ConstructorDeclaration) unit).getBody();
    if (body != null) {
      visit(body, calls, lambdas);
    }
    if (calls.isEmpty()) {
      return;
    }
    for (Issue issue : calls.check(ceiling)) {
      out.add(
          new ReportedFinding(
              path,
              issue.line(),
              issue.id(),
              issue.message(),
              ReportedFinding.fingerprintOf(issue.id(), signature, "pool", issue.key()),
              List.of("source")));
    }
  }

  /** The calls of one unit in the order of the code; lambdas are kept for later, classes left to their own methods. */
  private void visit(Node n, PoolCalls calls, List<LambdaExpr> lambdas) {
    if (n instanceof LambdaExpr l) {
      lambdas.add(l);
      return;
    }
    if (n instanceof LocalClassDeclarationStmt || n instanceof LocalRecordDeclarationStmt || n instanceof TypeDeclaration<?>) {
      return;
    }
    if (n instanceof ObjectCreationExpr oc) {
      oc.getScope().ifPresent(s -> visit(s, calls, lambdas));
      for (Expression a : oc.getArguments()) {
        visit(a, calls, lambdas);
      }
      return; // an anonymous class body holds methods of its own
    }
    if (n instanceof MethodCallExpr call) {
      // the receiver and the arguments are evaluated before the call
      call.getScope().ifPresent(s -> visit(s, calls, lambdas));
      for (Expression a : call.getArguments()) {
        visit(a, calls, lambdas);
      }
      setter(call, calls);
      return;
    }
    for (Node child : n.getChildNodes()) {
      visit(child, calls, lambdas);
    }
  }

  private void setter(MethodCallExpr call, PoolCalls calls) {
    String name = call.getNameAsString();
    if (call.getArguments().size() != 1 || !PoolSetters.isSetterName(name)) {
      return;
    }
    Receiver r = receiver(call);
    if (r == null || r.pool == null) {
      return;
    }
    PoolSetters.Setter setter = PoolSetters.setter(r.pool, name);
    if (setter == null) {
      return;
    }
    Expression arg = call.getArgument(0);
    calls.add(r.key, r.text, setter, name, constants.value(arg), text(arg), SourceLowering.line(call.getName()));
  }

  // ---------------------------------------------------------------- receivers

  /**
   * The object a setter is called on.
   *
   * @param key identifies it within the unit
   * @param text as written; empty for an implicit {@code this}
   * @param pool the pool its declared type belongs to, or null
   */
  private record Receiver(String key, String text, Pool pool) {}

  private Receiver receiver(MethodCallExpr call) {
    if (call.getScope().isEmpty()) {
      return implicitThis(call);
    }
    Expression scope = call.getScope().get();
    while (scope instanceof EnclosedExpr e) {
      scope = e.getInner();
    }
    String text = text(call.getScope().get());
    if (scope instanceof NameExpr n) {
      Declarations.Decl d = decls.lookup(n.getNameAsString(), n);
      if (d == null || d.kind() == Declarations.Kind.UNKNOWN) {
        return null;
      }
      if (d.kind() == Declarations.Kind.LOCAL) {
        return new Receiver("local:" + n.getNameAsString() + "@" + position(d.node()), text, decls.poolOfType(d.type()));
      }
      return new Receiver(fieldKey(d, n.getNameAsString(), call), text, decls.poolOfType(d.type()));
    }
    if (scope instanceof FieldAccessExpr fa) {
      Declarations.Decl d = field(fa);
      if (d == null || d.kind() != Declarations.Kind.FIELD) {
        return null;
      }
      return new Receiver(fieldKey(d, fa.getNameAsString(), call), text, decls.poolOfType(d.type()));
    }
    if (scope instanceof ThisExpr t) {
      Node c = thisClass(t, call);
      if (c == null) {
        return null;
      }
      return new Receiver(thisKey(c, call), text, decls.poolOfClass(c));
    }
    if (scope instanceof SuperExpr s && s.getTypeName().isEmpty()) {
      List<Node> classes = Declarations.enclosingClasses(call);
      if (classes.isEmpty()) {
        return null;
      }
      return new Receiver("this", text, decls.poolOfClass(classes.get(0)));
    }
    if (scope instanceof ObjectCreationExpr oc) {
      Pool pool = oc.getAnonymousClassBody().isPresent()
          ? decls.poolOfClass(oc)
          : decls.poolOfType(decls.names().resolveAt(oc.getType().getNameWithScope(), oc.getType()));
      return new Receiver("new@" + position(oc), text, pool);
    }
    if (scope instanceof CastExpr c) {
      String type = decls.names().resolveAt(Names.written(c.getType()), c);
      return new Receiver("cast@" + position(c), text, decls.poolOfType(type));
    }
    return null; // a method's result, an array element ...: its type is not known without a classpath
  }

  /** The field {@code this.name}, {@code Outer.this.name} or {@code Owner.NAME}. */
  private Declarations.Decl field(FieldAccessExpr fa) {
    Expression scope = fa.getScope();
    if (scope instanceof ThisExpr t) {
      Node c = thisClass(t, fa);
      return c == null ? null : decls.field(c, fa.getNameAsString());
    }
    String typeText = constants.typeName(scope);
    if (typeText == null) {
      return null;
    }
    TypeDeclaration<?> owner = decls.declaredClass(decls.names().resolveAt(typeText, fa));
    if (owner == null) {
      return null;
    }
    Declarations.Decl d = decls.field(owner, fa.getNameAsString());
    return d != null && d.isStatic() ? d : null;
  }

  /** The class {@code this} (or {@code Outer.this}) denotes at {@code at}, or null. */
  private static Node thisClass(ThisExpr t, Node at) {
    List<Node> classes = Declarations.enclosingClasses(at);
    if (t.getTypeName().isEmpty()) {
      return classes.isEmpty() ? null : classes.get(0);
    }
    String wanted = t.getTypeName().get().getIdentifier();
    for (Node c : classes) {
      if (c instanceof TypeDeclaration<?> td && td.getNameAsString().equals(wanted)) {
        return c;
      }
    }
    return null;
  }

  private String fieldKey(Declarations.Decl d, String name, Node at) {
    if (d.isStatic() && d.owner() != null) {
      return decls.nameOf(d.owner()) + "." + name;
    }
    if (d.owner() == null) {
      return "this." + name; // inherited from a class of another file
    }
    return thisKey(d.owner(), at) + "." + name;
  }

  private String thisKey(Node classNode, Node at) {
    List<Node> classes = Declarations.enclosingClasses(at);
    return !classes.isEmpty() && classes.get(0) == classNode ? "this" : decls.nameOf(classNode) + ".this";
  }

  /**
   * {@code setMaximumPoolSize(1)} without a receiver: a method of the innermost class around the
   * call that has a method of that name, as Java picks it. When that class is a pool class (it
   * extends HikariConfig, say), the call sets this object's pool; when the engine cannot tell
   * whether a class has the method (it extends a class outside the tree), nothing is assumed.
   */
  private Receiver implicitThis(MethodCallExpr call) {
    String name = call.getNameAsString();
    for (Node c : Declarations.enclosingClasses(call)) {
      if (Declarations.declaresMethod(c, name)) {
        Pool pool = decls.poolOfClass(c);
        return new Receiver(thisKey(c, call), "", pool);
      }
      boolean unknown = false;
      for (String s : decls.supertypes(c)) {
        Pool pool = decls.poolOfType(s);
        if (pool != null && PoolSetters.setter(pool, name) != null) {
          return new Receiver(thisKey(c, call), "", pool);
        }
        Declarations.Has has = pool != null ? Declarations.Has.UNKNOWN : decls.hasMethod(s, name);
        if (has != Declarations.Has.NO) {
          unknown = true;
        }
      }
      if (unknown) {
        return null; // this class has, or may have, the method: it is not a pool's
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- annotations

  private static boolean hasAnnotation(NodeWithAnnotations<?> n, String simpleName) {
    return annotation(n, simpleName) != null;
  }

  private static AnnotationExpr annotation(NodeWithAnnotations<?> n, String simpleName) {
    for (AnnotationExpr a : n.getAnnotations()) {
      String name = a.getNameAsString();
      if (name.equals(simpleName) || name.endsWith("." + simpleName)) {
        return a;
      }
    }
    return null;
  }

  /** The {@code @Profile} of the method, else of its class, joined with ","; null when there is none. */
  private String profile(CallableDeclaration<?> d, Node declaringClass) {
    AnnotationExpr a = annotation(d, PoolSetters.PROFILE_ANNOTATION);
    if (a == null && declaringClass instanceof NodeWithAnnotations<?> c) {
      a = annotation(c, PoolSetters.PROFILE_ANNOTATION);
    }
    if (a == null) {
      return null;
    }
    Expression value = null;
    if (a instanceof SingleMemberAnnotationExpr s) {
      value = s.getMemberValue();
    } else if (a instanceof NormalAnnotationExpr n) {
      for (MemberValuePair p : n.getPairs()) {
        if (p.getNameAsString().equals("value")) {
          value = p.getValue();
        }
      }
    }
    List<Expression> values = new ArrayList<>();
    if (value instanceof ArrayInitializerExpr array) {
      values.addAll(array.getValues());
    } else if (value != null) {
      values.add(value);
    }
    List<String> profiles = new ArrayList<>();
    for (Expression v : values) {
      if (constants.value(v) instanceof String s) {
        profiles.add(s);
      }
    }
    return profiles.isEmpty() ? null : String.join(",", profiles);
  }

  // ---------------------------------------------------------------- text

  /** The simple name of the innermost class with a name around {@code d}. */
  private static String namedClass(Node d) {
    for (Node n = d.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        return t.getNameAsString();
      }
    }
    return "?";
  }

  /** The code as written (from its tokens, or the text of a unit kept without them), on one line. */
  static String text(Node n) {
    String written = n.getTokenRange().map(TokenRange::toString).orElse(null);
    if (written == null) {
      written = UnitText.of(n);
    }
    if (written == null) {
      written = n.toString();
    }
    return written.strip().replaceAll("\\s+", " ");
  }

  private static String position(Node n) {
    return n == null ? "?" : n.getBegin().map(p -> p.line + ":" + p.column).orElse("?");
  }
}
