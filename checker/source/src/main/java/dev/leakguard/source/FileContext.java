package dev.leakguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.leakguard.core.analysis.CallEffects;
import dev.leakguard.core.analysis.Lifecycle;
import dev.leakguard.core.analysis.MethodSummary;
import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.ResourceKind;
import dev.leakguard.core.model.ResourceModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Everything the lowering of one file asks about types, calls, fields and summaries. */
final class FileContext {

  final Names names;
  final CompilationUnit cu;
  /** The file of {@link #cu}. */
  private final java.nio.file.Path file;
  private final SourceTree tree;
  private final Map<String, TypeDeclaration<?>> declared = new HashMap<>();
  private final Map<String, Set<String>> closedFields = new HashMap<>();
  private final Set<String> closedFieldsInProgress = new HashSet<>();

  /** The context of {@code cu}, parsed from {@code file}; {@code names} are those of the unit. */
  FileContext(SourceTree tree, java.nio.file.Path file, CompilationUnit cu, Names names) {
    this.tree = tree;
    this.file = file;
    this.cu = cu;
    this.names = names;
    String pkg = names.packageName();
    for (TypeDeclaration<?> t : cu.getTypes()) {
      declare(t, pkg.isEmpty() ? t.getNameAsString() : pkg + "." + t.getNameAsString());
    }
  }

  private void declare(TypeDeclaration<?> t, String fq) {
    declared.put(fq, t);
    for (BodyDeclaration<?> m : t.getMembers()) {
      if (m instanceof TypeDeclaration<?> nested) {
        declare(nested, fq + "$" + nested.getNameAsString());
      }
    }
  }

  /**
   * The declarations of a unit, kept with it (as the names of its pattern variables are, see
   * {@link UnitFacts}: most names are none, and need no scope walk): a context is made for every
   * summary computed in a file, and walking a large unit for each was most of the time on
   * hibernate-core.
   */
  private static final com.github.javaparser.ast.DataKey<Declarations> DECLARATIONS =
      new com.github.javaparser.ast.DataKey<>() {};

  /**
   * The type of the pattern variable that {@code name} denotes where it is written ({@code r} in
   * {@code case Replica r -> r.dataSource()}, {@code con} in {@code o instanceof Lease(Connection
   * con)}), or null if it denotes none or its type is not written ({@code var}).
   */
  String patternVariableType(com.github.javaparser.ast.expr.NameExpr name) {
    boolean pattern;
    // units are shared by the threads that compute summaries across files
    synchronized (cu) {
      pattern = UnitFacts.of(cu).patternNames.contains(name.getNameAsString());
    }
    Declarations.Decl d = pattern ? declaration(name) : null;
    return d != null && d.kind() == Declarations.Kind.LOCAL
            && d.node() instanceof com.github.javaparser.ast.expr.TypePatternExpr p
            && !p.getType().isVarType()
        ? d.type()
        : null;
  }

  /**
   * The declared type of a local variable or parameter of an enclosing method that {@code name},
   * in a lambda or in an anonymous or local class, refers to (captured: {@code prep} in an
   * Enumeration's {@code fetch()} written around {@code final PreparedStatement prep}, {@code
   * source} in {@code executor.submit(() -> source.getConnection())}); null otherwise.
   */
  String capturedLocalType(com.github.javaparser.ast.expr.NameExpr name) {
    if (!inNestedBody(name)) {
      return null;
    }
    Declarations.Decl d = declaration(name);
    if (d == null || d.kind() != Declarations.Kind.LOCAL || d.type() == null) {
      return null;
    }
    boolean var =
        d.node() instanceof com.github.javaparser.ast.body.VariableDeclarator v && v.getType().isVarType()
            || d.node() instanceof com.github.javaparser.ast.body.Parameter p && p.getType().isVarType();
    return var ? null : d.type();
  }

  /** True for a node in a lambda, or in an anonymous or local class: a body lowered on its own. */
  private static boolean inNestedBody(com.github.javaparser.ast.Node at) {
    for (com.github.javaparser.ast.Node n = at.getParentNode().orElse(null); n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof com.github.javaparser.ast.expr.LambdaExpr
          || n instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()
          || n instanceof com.github.javaparser.ast.stmt.LocalClassDeclarationStmt) {
        return true;
      }
    }
    return false;
  }

  private Declarations.Decl declaration(com.github.javaparser.ast.expr.NameExpr name) {
    Declarations declarations;
    synchronized (cu) {
      if (!cu.containsData(DECLARATIONS)) {
        cu.setData(DECLARATIONS, new Declarations(names, tree.index(), cu));
      }
      declarations = cu.getData(DECLARATIONS);
    }
    synchronized (declarations) {
      return declarations.lookup(name.getNameAsString(), name);
    }
  }

  /** The binary name of a type declaration of this file (a local class: as the index names it). */
  String fqOf(TypeDeclaration<?> t) {
    for (Map.Entry<String, TypeDeclaration<?>> e : declared.entrySet()) {
      if (e.getValue() == t) {
        return e.getKey();
      }
    }
    return names.binaryName(t);
  }

  ResourceModel model() {
    return tree.model();
  }

  // ---------------------------------------------------------------- types

  List<String> closure(String fq) {
    return tree.index().closure(fq);
  }

  ResourceKind kindOf(String fq) {
    if (fq == null) {
      return null;
    }
    return model().resourceKindOf(fq, closure(fq));
  }

  boolean isAutoCloseable(String fq) {
    if (fq == null) {
      return false;
    }
    List<String> c = closure(fq);
    return c.contains("java.lang.AutoCloseable") || c.contains("java.io.Closeable");
  }

  /** A collection, a map or a one-value holder (CallEffects.HOLDER_TYPES): what goes in goes where it goes. */
  boolean isCollection(String fq) {
    if (fq == null) {
      return false;
    }
    List<String> c = closure(fq);
    for (String holder : dev.leakguard.core.analysis.CallEffects.HOLDER_TYPES) {
      if (fq.equals(holder) || c.contains(holder)) {
        return true;
      }
    }
    return false;
  }

  boolean isSubtype(String sub, String sup) {
    if (sub.equals(sup) || closure(sub).contains(sup)) {
      return true;
    }
    boolean unknown = tree.index().classes.load(sub) == null && !tree.index().isTreeType(sub);
    // a declared exception we cannot see is at least an Exception
    return unknown && (sup.equals("java.lang.Exception") || sup.equals("java.lang.Throwable"));
  }

  private boolean isChecked(String fq) {
    if (fq == null) {
      return false;
    }
    List<String> c = closure(fq);
    if (c.contains("java.lang.RuntimeException") || c.contains("java.lang.Error")) {
      return false;
    }
    return true;
  }

  List<String> checkedOnly(List<String> types) {
    List<String> out = new ArrayList<>();
    for (String t : types) {
      if (isChecked(t)) {
        out.add(t);
      }
    }
    return out;
  }

  Set<AnnotationRole> roles(Set<String> annotationNames) {
    Set<AnnotationRole> out = EnumSet.noneOf(AnnotationRole.class);
    for (String a : annotationNames) {
      out.addAll(model().annotationRoles(a));
    }
    return out;
  }

  /** Type of field {@code name} seen from class {@code fq} (its supertypes and outer classes). */
  String fieldType(String fq, String name) {
    for (String c = fq; c != null; c = outer(c)) {
      for (String s : closure(c)) {
        TreeIndex.TypeInfo t = tree.index().type(s);
        if (t != null && t.fields.containsKey(name)) {
          return t.names.resolveWritten(t.fields.get(name));
        }
      }
    }
    return null;
  }

  private static String outer(String fq) {
    int i = fq.lastIndexOf('$');
    return i < 0 ? null : fq.substring(0, i);
  }

  // ---------------------------------------------------------------- calls

  CallInfo resolveCall(SourceLowering low, MethodCallExpr mce) {
    // a call's receiver is resolved again for each call chained on it: resolving a receiver once
    // keeps a chain of N calls linear (builder and DSL code has chains of thousands); only
    // receivers are kept (keeping every call cost 100 MB more on 113 KLOC, for no speed)
    boolean chained =
        mce.getParentNode().orElse(null) instanceof MethodCallExpr outer
            && outer.getScope().orElse(null) == mce;
    if (!chained) {
      return resolveCallNow(low, mce);
    }
    CallInfo known = low.resolvedCalls.get(mce);
    if (known == null) {
      known = resolveCallNow(low, mce);
      low.resolvedCalls.put(mce, known);
    }
    return known;
  }

  private CallInfo resolveCallNow(SourceLowering low, MethodCallExpr mce) {
    String name = mce.getNameAsString();
    int arity = mce.getArguments().size();
    List<String> argTypes = new ArrayList<>();
    for (Expression a : mce.getArguments()) {
      argTypes.add(low.typeOf(a));
    }
    List<String> owners = new ArrayList<>();
    if (mce.getScope().isEmpty()) {
      // a method of an enclosing anonymous class (or one it inherits) comes first
      for (String anon : enclosingAnonymousClasses(mce)) {
        if (!tree.index().methods(anon, name, arity).isEmpty()) {
          owners.add(anon);
        }
      }
      List<String> enclosing = new ArrayList<>();
      boolean declaredAround = false;
      for (String c = low.enclosingClass(); c != null; c = outer(c)) {
        enclosing.add(c);
        for (String sup : closure(c)) {
          declaredAround |= !tree.index().methods(sup, name, arity).isEmpty();
        }
      }
      // a method no enclosing class declares is one the file's static imports name
      // (castNonNull(x), requireNonNull(x)); the classes around still answer for what they inherit
      // from classes out of sight
      if (!declaredAround) {
        for (String o : names.staticImportOwners(name)) {
          // a class of the tree answers for any name: only one that declares the method here
          boolean declares = !tree.index().isTreeType(o);
          for (String sup : declares ? List.<String>of() : closure(o)) {
            declares |= !tree.index().methods(sup, name, arity).isEmpty();
          }
          if (declares) {
            owners.add(o);
          }
        }
      }
      owners.addAll(enclosing);
    } else {
      Expression scope = mce.getScope().get();
      String st = low.staticTypeName(scope);
      if (st != null) {
        owners.add(st);
      } else if (scope.isSuperExpr()) {
        owners.addAll(superOwners(low, scope.asSuperExpr()));
      } else if (scope instanceof ThisExpr) {
        owners.add(low.enclosingClass());
      } else {
        String t = low.typeOf(scope);
        if (t != null) {
          owners.add(t);
        }
      }
    }
    // the first class that declares the method (or that the model knows it by); an unqualified
    // call an inner class does not declare is its outer class's (getConnection() in the inner XA
    // resource of a pooled connection), not an unknown method of the inner class
    CallInfo undeclared = null;
    for (String owner : owners) {
      CallInfo ci = resolve(owner, name, arity, argTypes, false);
      if (ci != null && (ci.known() || !ci.rules().isEmpty())) {
        return ci;
      }
      if (undeclared == null) {
        undeclared = ci;
      }
    }
    return undeclared != null ? undeclared : CallInfo.unknown(name, arity);
  }

  /**
   * Where {@code super.m()} looks for {@code m}: the direct supertypes of the class it is written
   * in, never that class itself (whose own {@code m} it bypasses); {@code X.super.m()} looks in
   * interface {@code X}, or in the supertypes of the enclosing class {@code X}.
   */
  private List<String> superOwners(SourceLowering low, com.github.javaparser.ast.expr.SuperExpr s) {
    String of = low.enclosingClass();
    if (s.getTypeName().isPresent()) {
      String named = names.resolve(s.getTypeName().get().asString());
      boolean enclosing = false;
      for (String c = low.enclosingClass(); c != null; c = outer(c)) {
        enclosing |= c.equals(named);
      }
      if (!enclosing) {
        return named == null ? List.of() : List.of(named);
      }
      of = named;
    }
    List<String> direct = tree.index().directSupertypes(of);
    return direct.isEmpty() ? List.of("java.lang.Object") : direct;
  }

  /** The anonymous classes around {@code at}, innermost first, by their names in the tree index. */
  private List<String> enclosingAnonymousClasses(com.github.javaparser.ast.Node at) {
    List<String> out = new ArrayList<>();
    List<ObjectCreationExpr> anons = new ArrayList<>();
    for (com.github.javaparser.ast.Node n = at.getParentNode().orElse(null); n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        String fq = fqOf(t);
        for (ObjectCreationExpr oc : anons) {
          out.add(TreeIndex.anonymousName(fq, oc));
        }
        break;
      }
      if (n instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()
          && oc.getBegin().isPresent()) {
        anons.add(oc);
      }
    }
    return out;
  }

  CallInfo resolveConstructor(SourceLowering low, ObjectCreationExpr oc) {
    List<String> argTypes = new ArrayList<>();
    for (Expression a : oc.getArguments()) {
      argTypes.add(low.typeOf(a));
    }
    String owner = names.typeName(oc.getType());
    CallInfo ci = resolve(owner, "<init>", argTypes.size(), argTypes, true);
    if (ci == null && owner != null && model().resourceKind(owner) != null) {
      // a class the model lists as a resource (a connection pool): constructing one makes a new
      // resource, whatever its constructor's declaration, which is not known here
      return CallInfo.listedResourceConstructor(owner, argTypes.size());
    }
    return ci != null ? ci : CallInfo.unknownConstructor(owner, argTypes.size());
  }

  private CallInfo resolve(String owner, String name, int arity, List<String> argTypes, boolean ctor) {
    List<String> closure = closure(owner);
    TreeIndex.MethodInfo tm = pick(tree.index().methods(owner, name, arity), argTypes);
    List<String> params = argTypes;
    boolean exactParams = false;
    String rt = ctor ? owner : null;
    List<String> throwsTypes = List.of();
    Set<String> annotations = Set.of();
    List<Set<String>> paramAnnotations = CallInfo.emptyParams(arity);
    String declaring = owner;
    boolean known = false;
    int resultTypeOfArg = -1;
    if (tm != null) {
      resultTypeOfArg = tm.resultTypeOfParam();
      params = tm.paramTypes();
      exactParams = true;
      rt = tm.returnType();
      throwsTypes = checkedOnly(tm.throwsTypes());
      annotations = tm.annotations();
      paramAnnotations = tm.paramAnnotations();
      declaring = tm.owner();
      known = true;
    } else {
      Class<?> jdk = null;
      for (String s : closure) {
        jdk = tree.index().classes.load(s);
        if (jdk != null) {
          break;
        }
      }
      if (jdk != null && !ctor) {
        Method m = tree.index().classes.method(jdk, name, argTypes);
        if (m != null) {
          params = JdkTypes.paramTypes(m);
          resultTypeOfArg = JdkTypes.resultTypeOfParam(m);
          exactParams = true;
          rt = JdkTypes.name(m.getReturnType());
          throwsTypes = JdkTypes.checkedExceptions(m);
          declaring = m.getDeclaringClass().getName();
          known = true;
        }
      } else if (jdk != null && jdk.getName().equals(owner)) {
        Constructor<?> c = tree.index().classes.constructor(jdk, argTypes);
        if (c != null) {
          List<String> ex = new ArrayList<>();
          for (Class<?> e : c.getExceptionTypes()) {
            if (!RuntimeException.class.isAssignableFrom(e) && !Error.class.isAssignableFrom(e)) {
              ex.add(e.getName());
            }
          }
          throwsTypes = ex;
          known = true;
        }
      }
    }
    List<MethodRule> rules = List.of();
    if (model().methodNamesWithRules().contains(name)) {
      for (String o : closure) {
        if (model().ownersWithRules().contains(o)) {
          rules =
              exactParams
                  ? model().rules(o, name, params)
                  : model().rulesForArguments(o, name, argTypes, this::isSubtype);
          if (rules.isEmpty() && exactParams) {
            rules = model().rulesForArguments(o, name, argTypes, this::isSubtype);
          }
          if (!rules.isEmpty()) {
            break;
          }
        }
      }
    }
    if (!known && rules.isEmpty() && !tree.index().isTreeType(owner)) {
      return null;
    }
    if (!known) {
      for (MethodRule r : rules) {
        if (r instanceof MethodRule.Release rel && !rel.quiet() && throwsTypes.isEmpty()) {
          throwsTypes = List.of("java.sql.SQLException");
        } else if (r instanceof MethodRule.Acquire a && rt == null) {
          rt = canonical(a.kind(), name);
        }
      }
    }
    String display =
        ctor
            ? "new " + SourceLowering.simple(declaring) + "(..)"
            : SourceLowering.simple(declaring) + "." + name + (arity == 0 ? "()" : "(..)");
    return new CallInfo(
        owner, name, rt, throwsTypes, rules, tm, annotations, paramAnnotations, params, ctor, known, display,
        resultTypeOfArg);
  }

  private TreeIndex.MethodInfo pick(List<TreeIndex.MethodInfo> ms, List<String> argTypes) {
    if (ms.isEmpty()) {
      return null;
    }
    TreeIndex.MethodInfo best = ms.get(0);
    int bestScore = -1;
    for (TreeIndex.MethodInfo m : ms) {
      List<String> ps = m.paramTypes();
      int score = 0;
      for (int i = 0; i < Math.min(ps.size(), argTypes.size()); i++) {
        String a = argTypes.get(i);
        if (a != null && a.equals(ps.get(i))) {
          score += 2;
        } else if (a != null && isSubtype(a, ps.get(i))) {
          score += 1;
        } else if (a != null && !ps.get(i).equals("java.lang.Object")) {
          score -= 1;
        }
      }
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best;
  }

  private static String canonical(ResourceKind kind, String method) {
    return switch (kind) {
      case CONNECTION -> "java.sql.Connection";
      case STATEMENT -> method.startsWith("prepareCall")
          ? "java.sql.CallableStatement"
          : method.startsWith("prepare") ? "java.sql.PreparedStatement" : "java.sql.Statement";
      case RESULT_SET -> "java.sql.ResultSet";
      default -> null; // another library's resource: its declared type is not known here
    };
  }

  // ---------------------------------------------------------------- summaries, fields

  MethodSummary summary(TreeIndex.MethodInfo m) {
    return summarised(m) ? tree.summary(m) : null;
  }

  /** Whether {@code m} is a method of the tree whose body is summarised (see {@link CallEffects#summarisesBodiesOf}). */
  private static boolean summarised(TreeIndex.MethodInfo m) {
    return m != null && m.hasBody() && CallEffects.summarisesBodiesOf(m.owner());
  }

  /**
   * The summary of the bodies a call may run: the method it resolves to, and the overrides of the
   * tree's subtypes of the receiver's static type (or of the resolved method's class), combined;
   * null when the tree has none of them.
   */
  MethodSummary callSummary(CallInfo ci, String receiverType, int arity) {
    return callSummary(ci, receiverType, arity, true);
  }

  /**
   * As {@link #callSummary(CallInfo, String, int)}; a call that is not {@code virtual} ({@code
   * super.m()}) runs the method it resolves to and no override.
   */
  MethodSummary callSummary(CallInfo ci, String receiverType, int arity, boolean virtual) {
    List<MethodSummary> bodies = new ArrayList<>();
    TreeIndex.MethodInfo tm = ci.treeMethod();
    if (summarised(tm)) {
      bodies.add(tree.summary(tm));
    }
    if (virtual && !ci.isConstructor() && (tm == null || tm.overridable())) {
      String on = receiverType != null ? receiverType : tm == null ? null : tm.owner();
      for (TreeIndex.MethodInfo o : tree.index().overrides(on, ci.name(), arity)) {
        if (!o.equals(tm) && CallEffects.summarisesBodiesOf(o.owner())) {
          bodies.add(tree.summary(o));
        }
      }
    }
    return MethodSummary.combine(bodies);
  }

  /** See {@link SourceTree#decidedByPass}. */
  void decidedByPass() {
    tree.decidedByPass();
  }

  /** Evidence from the callers of the tree (filled by the first pass). */
  boolean closedByCallers(String receiverType, String method, int arity, String caller) {
    return tree.usage().closedByCallers(receiverType, method, arity, caller);
  }

  /** True if a close or lifecycle method of {@code classFq} closes field {@code field}. */
  boolean closesField(String classFq, String field) {
    String declaring = declaringClass(classFq, field);
    if (!declaring.equals(classFq) && declared.get(declaring) == null) {
      // the field is inherited from a class of another file: that class decides
      TreeIndex.TypeInfo t = tree.index().type(declaring);
      FileContext other = t == null ? null : tree.context(t.file);
      return other == null || other.closesField(declaring, field);
    }
    Set<String> closed = closedFields.get(declaring);
    if (closed == null) {
      if (closedFieldsInProgress.contains(declaring)) {
        // asked again while computing (a method that closes a field calls one that stores one):
        // as for a class we cannot see, it manages its fields
        return true;
      }
      // what another context of this file found, when that did not hang on unfinished summaries
      closed = tree.keptClosedFields(file, declaring);
      if (closed == null) {
        closedFieldsInProgress.add(declaring);
        long dependence = tree.dependence();
        try {
          closed = fieldsClosedBy(declaring);
        } finally {
          closedFieldsInProgress.remove(declaring);
        }
        if (tree.dependence() == dependence) {
          // every summary it saw was final: computing it again would give the same
          tree.keepClosedFields(file, declaring, closed);
        }
      }
      closedFields.put(declaring, closed);
    }
    return closed.contains(field) || closed.contains("*");
  }

  /** The class of the tree that declares field {@code field} of {@code classFq}: it or a supertype. */
  private String declaringClass(String classFq, String field) {
    for (String c : closure(classFq)) {
      TreeIndex.TypeInfo t = tree.index().type(c);
      if (t != null && t.fields.containsKey(field)) {
        return c;
      }
    }
    return classFq;
  }

  /**
   * What the close methods of a class do that does not hang on summaries, found once per class of
   * a file (a context is made for every summary computed, and the fields a class closes are found
   * again in every context that sees unfinished summaries): each call they make, resolved, and the
   * fields closed on receivers or handed out. {@link #fieldsClosedBy} then only asks the summaries,
   * in the order it asked them the first time.
   */
  record ClosePlan(List<PlannedCall> calls, Set<String> fields) {}

  /**
   * A call of a close method: what it resolves to, its receiver's type, and for each argument
   * the roles of its parameter, the index {@link CallEffects#closesArgument} is given, and the
   * field it names (or null).
   */
  record PlannedCall(
      CallInfo ci,
      String name,
      String receiverType,
      int arity,
      List<Set<AnnotationRole>> argRoles,
      List<Integer> argParams,
      List<String> argFields) {}

  private Set<String> fieldsClosedBy(String classFq) {
    Set<String> out = new HashSet<>();
    TypeDeclaration<?> t = declared.get(classFq);
    if (t == null || isSubtype(classFq, Lifecycle.FORWARDING_HANDLER)) {
      // a class we cannot see: assume it manages its fields; a proxy's handler: its user closes them
      out.add("*");
      return out;
    }
    ClosePlan kept = tree.keptClosePlan(file, classFq);
    if (kept != null) {
      for (PlannedCall c : kept.calls()) {
        closedArguments(c, out);
      }
      out.addAll(kept.fields());
      return out;
    }
    List<PlannedCall> planned = new ArrayList<>();
    Set<String> fields = new HashSet<>();
    for (MethodDeclaration m : t.getMethods()) {
      if (m.getBody().isEmpty() || !Lifecycle.mayCloseFields(m.getNameAsString())) {
        continue;
      }
      SourceLowering probe = new SourceLowering(this, classFq);
      // the nodes the checks below look at, in one walk of the method
      List<VariableDeclarator> declarators = new ArrayList<>();
      List<MethodCallExpr> calls = new ArrayList<>();
      List<ReturnStmt> returns = new ArrayList<>();
      List<AssignExpr> assignments = new ArrayList<>();
      Nodes.walk(
          m,
          n -> {
            if (n instanceof VariableDeclarator v) {
              declarators.add(v);
            } else if (n instanceof MethodCallExpr c) {
              calls.add(c);
            } else if (n instanceof ReturnStmt r) {
              returns.add(r);
            } else if (n instanceof AssignExpr a) {
              assignments.add(a);
            }
          });
      Set<String> locals = new HashSet<>();
      for (VariableDeclarator v : declarators) {
        locals.add(v.getNameAsString());
      }
      Map<String, String> aliases = new HashMap<>();
      for (VariableDeclarator v : declarators) {
        v.getInitializer().map(i -> fieldName(i, aliases)).ifPresent(f -> aliases.put(v.getNameAsString(), f));
      }
      for (MethodCallExpr call : calls) {
        CallInfo ci = resolveCall(probe, call);
        if (call.getScope().isPresent()
            && CallEffects.closesReceiver(ci.rules(), call.getNameAsString(), call.getArguments().size())) {
          addIfNotNull(fields, fieldName(call.getScope().get(), aliases));
        }
        String receiverType = receiverTypeOf(probe, call, classFq);
        List<Set<AnnotationRole>> argRoles = new ArrayList<>();
        List<Integer> argParams = new ArrayList<>();
        List<String> argFields = new ArrayList<>();
        for (int i = 0; i < call.getArguments().size(); i++) {
          int p = Math.min(i, ci.paramAnnotations().size() - 1);
          argRoles.add(p >= 0 ? roles(ci.paramAnnotations().get(p)) : Set.of());
          argParams.add(Math.max(p, 0));
          argFields.add(fieldName(call.getArgument(i), aliases));
        }
        PlannedCall c =
            new PlannedCall(
                ci, call.getNameAsString(), receiverType, call.getArguments().size(), argRoles, argParams, argFields);
        planned.add(c);
        closedArguments(c, out);
      }
      // a field the class hands out, returned or moved into another field, is not its to close
      // (by a method others call: a private accessor only lends it to the class itself)
      for (ReturnStmt r : m.isPrivate() ? List.<ReturnStmt>of() : returns) {
        r.getExpression().ifPresent(e -> addIfNotNull(fields, ownField(e, t, m, locals, aliases)));
      }
      for (AssignExpr a : assignments) {
        String target = ownField(a.getTarget(), t, m, locals, Map.of());
        String value = ownField(a.getValue(), t, m, locals, aliases);
        if (target != null && value != null && !target.equals(value)) {
          fields.add(value);
        }
      }
    }
    out.addAll(fields);
    tree.keepClosePlan(file, classFq, new ClosePlan(List.copyOf(planned), Set.copyOf(fields)));
    return out;
  }

  /** Adds the fields a planned call closes as arguments, by the summary of what it calls. */
  private void closedArguments(PlannedCall c, Set<String> out) {
    if (c.argFields().stream().allMatch(Objects::isNull)) {
      // no field to find closed: no summary is asked for (such summaries, of calls in close
      // methods that pass no field, took about a tenth of a scan of the JDK's sources)
      return;
    }
    MethodSummary sum = c.ci().rules().isEmpty() ? callSummary(c.ci(), c.receiverType(), c.arity()) : null;
    for (int i = 0; i < c.arity(); i++) {
      if (CallEffects.closesArgument(
          c.ci().rules(), c.argRoles().get(i), sum, c.name(), c.receiverType(), c.argParams().get(i))) {
        addIfNotNull(out, c.argFields().get(i));
      }
    }
  }

  /**
   * The field of {@code t} that {@code e} reads, directly ({@code f}, {@code this.f}, {@code
   * other.f}) or through a local copied from it; null for anything else, a local or parameter of
   * {@code m} that shadows a field among them ({@code locals}: the names of its local variables).
   */
  private static String ownField(
      Expression e, TypeDeclaration<?> t, MethodDeclaration m, Set<String> locals, Map<String, String> aliases) {
    while (e.isEnclosedExpr() || e.isCastExpr()) {
      e = e.isEnclosedExpr() ? e.asEnclosedExpr().getInner() : e.asCastExpr().getExpression();
    }
    String name;
    if (e instanceof NameExpr n) {
      name = n.getNameAsString();
      if (aliases.containsKey(name)) {
        name = aliases.get(name);
      } else if (m.getParameterByName(name).isPresent() || locals.contains(name)) {
        return null;
      }
    } else if (e instanceof FieldAccessExpr fa) {
      name = fa.getNameAsString();
    } else {
      return null;
    }
    return t.getFieldByName(name).isPresent() ? name : null;
  }

  /** The static type of a call's receiver as the lowering names it (the class for an unqualified call). */
  private static String receiverTypeOf(SourceLowering low, MethodCallExpr call, String classFq) {
    if (call.getScope().isEmpty()) {
      return classFq;
    }
    Expression scope = call.getScope().get();
    if (scope instanceof ThisExpr || scope.isSuperExpr()) {
      return classFq;
    }
    String st = low.staticTypeName(scope);
    return st != null ? st : low.typeOf(scope);
  }

  private static String fieldName(Expression e, Map<String, String> aliases) {
    // closeQuietly((AutoCloseable) this.statement) closes the field all the same
    while (e.isEnclosedExpr() || e.isCastExpr()) {
      e = e.isEnclosedExpr() ? e.asEnclosedExpr().getInner() : e.asCastExpr().getExpression();
    }
    if (e instanceof NameExpr n) {
      return aliases.getOrDefault(n.getNameAsString(), n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
      return fa.getNameAsString();
    }
    return null;
  }

  private static void addIfNotNull(Set<String> out, String s) {
    if (s != null) {
      out.add(s);
    }
  }
}
