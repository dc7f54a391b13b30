package dev.leakguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import dev.leakguard.core.pool.Issue;
import dev.leakguard.core.pool.Pool;
import dev.leakguard.core.pool.PoolCalls;
import dev.leakguard.core.pool.PoolSetters;
import dev.leakguard.core.report.ReportedFinding;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.lang.model.element.AnnotationValue;

/**
 * The pool settings the methods of one compilation unit set in code, and their issues: computed
 * once per method and shared by the five pool checks, which each report the issues of their id.
 *
 * <p>A method and each lambda in it are separate units of {@link PoolCalls} (bytecode sees a lambda
 * as a method of its own); a lambda's issues are reported while the enclosing method is matched, so
 * {@code @SuppressWarnings} on the method covers them. Methods of nested, local and anonymous
 * classes are matched on their own. Code outside methods (field initialisers, initialiser blocks)
 * is not read.
 */
final class PoolUnit {
  private static final Map<CompilationUnitTree, PoolUnit> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Fault injection for the robustness test: reading a method of this name throws. */
  static final String FAIL_ON_METHOD_PROPERTY = "leakguard.internal.failOnPoolMethod";

  private static final String PROFILE = PoolSetters.PROFILE_ANNOTATION;
  private static final String CONFIGURATION_PROPERTIES = PoolSetters.CONFIGURATION_PROPERTIES_ANNOTATION;

  /**
   * One issue placed in the code.
   *
   * @param issue what core found
   * @param at the setter call it is reported at
   * @param preferred the position of the setter's name in the call
   * @param fingerprint the finding's fingerprint
   */
  record Placed(Issue issue, JCTree at, int preferred, String fingerprint) {}

  /** The issues of one method (and its lambdas), or why it could not be read, told once. */
  record Result(List<Placed> placed, String skipped, AtomicBoolean told) {
    static final Result NONE = new Result(List.of(), null, new AtomicBoolean());

    /** True the first time it is asked: the caller should tell the user why it was skipped. */
    boolean tellOnce() {
      return skipped != null && told.compareAndSet(false, true);
    }
  }

  private final CompilationUnitTree cu;
  private final int ceiling;
  private final Map<MethodTree, Result> results = new IdentityHashMap<>();
  private final Map<Symbol.TypeSymbol, Optional<Pool>> pools = new HashMap<>();

  private PoolUnit(CompilationUnitTree cu, int ceiling) {
    this.cu = cu;
    this.ceiling = ceiling;
  }

  static PoolUnit of(VisitorState state, int ceiling) {
    CompilationUnitTree cu = state.getPath().getCompilationUnit();
    synchronized (CACHE) {
      PoolUnit u = CACHE.get(cu);
      if (u == null || u.ceiling != ceiling) {
        u = new PoolUnit(cu, ceiling);
        CACHE.put(cu, u);
      }
      return u;
    }
  }

  synchronized Result analyze(MethodTree m, VisitorState state) {
    Result r = results.get(m);
    if (r == null) {
      r = compute(m, state);
      results.put(m, r);
    }
    return r;
  }

  private Result compute(MethodTree m, VisitorState state) {
    try {
      if (m.getName().contentEquals(String.valueOf(System.getProperty(FAIL_ON_METHOD_PROPERTY)))) {
        throw new IllegalStateException("injected failure");
      }
      return computeOrThrow(m, state);
    } catch (RuntimeException | StackOverflowError e) {
      return new Result(
          List.of(),
          "LeakGuard could not read its pool settings (" + e
              + "); no pool findings for it. Please report this with the method's code.",
          new AtomicBoolean());
    }
  }

  private Result computeOrThrow(MethodTree m, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(m);
    if (m.getBody() == null || method == null || !mentionsSetter(m)) {
      return Result.NONE;
    }
    ClassSymbol owner = method.enclClass();
    if (annotation(method, CONFIGURATION_PROPERTIES) != null
        || annotation(owner, CONFIGURATION_PROPERTIES) != null) {
      return Result.NONE; // properties bound after the method override what it sets
    }
    String profile = profile(method);
    if (profile == null) {
      profile = profile(owner);
    }
    String className = namedClass(owner).getSimpleName().toString();
    String methodName = method.getSimpleName().toString();
    // the method's signature goes into an issue's fingerprint: worked out only for an issue
    String[] known = {null};
    java.util.function.Supplier<String> signature =
        () -> known[0] != null ? known[0] : (known[0] = LeakCheck.signature(m, state));

    List<Placed> out = new ArrayList<>();
    Deque<LambdaExpressionTree> lambdas = new ArrayDeque<>();
    Calls body = new Calls(PoolCalls.place(className, methodName, false), profile, state);
    body.read(m.getBody(), lambdas);
    body.placeIssues(signature, out);
    while (!lambdas.isEmpty()) {
      Calls lambda = new Calls(PoolCalls.place(className, methodName, true), profile, state);
      lambda.read(lambdas.poll().getBody(), lambdas);
      lambda.placeIssues(signature, out);
    }
    return out.isEmpty() ? Result.NONE : new Result(List.copyOf(out), null, new AtomicBoolean());
  }

  /** Cheap first filter: a call named like a pool setter, anywhere in the method. */
  private static boolean mentionsSetter(MethodTree m) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        Symbol s = ASTHelpers.getSymbol(node.getMethodSelect());
        if (s != null && PoolSetters.isSetterName(s.getSimpleName().toString())) {
          found[0] = true;
          return null;
        }
        return super.visitMethodInvocation(node, null);
      }
    }.scan(m.getBody(), null);
    return found[0];
  }

  // ---------------------------------------------------------------- one unit

  /** The setter calls of one unit (a method body or a lambda body), fed to core in code order. */
  private final class Calls {
    private final PoolCalls calls;
    private final VisitorState state;
    /** Local variables by declaration, so that two variables of one name stay apart. */
    private final Map<Symbol, Integer> locals = new IdentityHashMap<>();
    /** "line\0setting" to the call, to place each issue back at its call. */
    private final Map<String, MethodInvocationTree> sites = new HashMap<>();
    private final Map<MethodInvocationTree, Integer> preferred = new IdentityHashMap<>();

    Calls(String place, String profile, VisitorState state) {
      this.calls = new PoolCalls(place, profile);
      this.state = state;
    }

    void read(Tree body, Deque<LambdaExpressionTree> lambdas) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitClass(ClassTree node, Void unused) {
          return null; // methods of nested and anonymous classes are units of their own
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
          lambdas.add(node); // a unit of its own
          return null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          super.visitMethodInvocation(node, null); // the receiver and arguments run first
          add(node);
          return null;
        }
      }.scan(body, null);
    }

    private void add(MethodInvocationTree call) {
      MethodSymbol s = ASTHelpers.getSymbol(call);
      if (s == null || s.isStatic() || call.getArguments().size() != 1) {
        return;
      }
      String name = s.getSimpleName().toString();
      if (!PoolSetters.isSetterName(name)) {
        return;
      }
      ExpressionTree select = call.getMethodSelect();
      ExpressionTree receiver;
      Type receiverType;
      if (select instanceof MemberSelectTree ms) {
        receiver = ms.getExpression();
        receiverType = ASTHelpers.getType(receiver);
      } else if (select instanceof IdentifierTree) {
        receiver = null; // an implicit this: the class declaring the setter is a pool class or extends one
        receiverType = s.owner.type;
      } else {
        return;
      }
      PoolSetters.Setter setter = PoolSetters.setter(poolOf(receiverType, state.getTypes()), name);
      if (setter == null) {
        return;
      }
      ExpressionTree arg = call.getArguments().get(0);
      int at = namePosition(call, state);
      int line = (int) cu.getLineMap().getLineNumber(at);
      calls.add(
          receiverKey(receiver, call),
          receiver == null ? "" : source(receiver),
          setter,
          name,
          value(arg),
          source(arg),
          line);
      sites.put(line + "\u0000" + setter.setting(), call);
      preferred.put(call, at);
    }

    void placeIssues(java.util.function.Supplier<String> signature, List<Placed> out) {
      if (calls.isEmpty()) {
        return;
      }
      for (Issue issue : calls.check(ceiling)) {
        MethodInvocationTree call = sites.get(issue.line() + "\u0000" + issue.key());
        if (call == null) {
          call = anyOnLine(issue.line());
        }
        if (call == null) {
          continue; // core places every issue at a call it was given
        }
        out.add(
            new Placed(
                issue,
                (JCTree) call,
                preferred.get(call),
                ReportedFinding.fingerprintOf(issue.id(), signature.get(), "pool", issue.key())));
      }
    }

    private MethodInvocationTree anyOnLine(int line) {
      for (Map.Entry<String, MethodInvocationTree> e : sites.entrySet()) {
        if (e.getKey().startsWith(line + "\u0000")) {
          return e.getValue();
        }
      }
      return null;
    }

    /**
     * The object a setter is called on: a local variable (by declaration), {@code this}, a field,
     * or for any other expression a key of its own call site.
     */
    private String receiverKey(ExpressionTree receiver, MethodInvocationTree call) {
      if (receiver == null) {
        return "this";
      }
      ExpressionTree r = ASTHelpers.stripParentheses(receiver);
      if (isThis(r)) {
        return "this";
      }
      Symbol s = ASTHelpers.getSymbol(r);
      if (s instanceof VarSymbol v) {
        switch (v.getKind()) {
          case LOCAL_VARIABLE, PARAMETER, RESOURCE_VARIABLE, EXCEPTION_PARAMETER, BINDING_VARIABLE -> {
            return "local#" + locals.computeIfAbsent(v, k -> locals.size()) + ":" + v.getSimpleName();
          }
          case FIELD -> {
            String owner = v.owner instanceof ClassSymbol cs ? cs.flatName().toString() : String.valueOf(v.owner);
            if (v.isStatic()) {
              return "static:" + owner + "." + v.getSimpleName();
            }
            if (r instanceof IdentifierTree
                || (r instanceof MemberSelectTree ms && isThis(ASTHelpers.stripParentheses(ms.getExpression())))) {
              return "field:" + owner + ".this." + v.getSimpleName();
            }
          }
          default -> {
            // another object's field, or something else: a key of this call site below
          }
        }
      }
      return "site@" + ((JCTree) call).getStartPosition();
    }

    private String source(Tree t) {
      String s = state.getSourceForNode(t);
      return s != null ? s : t.toString();
    }
  }

  private static boolean isThis(ExpressionTree e) {
    if (e instanceof IdentifierTree id) {
      return Facts.isThis(id.getName()) || Facts.isSuper(id.getName());
    }
    if (e instanceof MemberSelectTree ms) {
      return Facts.isThis(ms.getIdentifier()) || Facts.isSuper(ms.getIdentifier());
    }
    return false;
  }

  /** The position of the called method's name, where the diagnostic points. */
  static int namePosition(MethodInvocationTree call, VisitorState state) {
    if (call.getMethodSelect() instanceof JCTree.JCFieldAccess fa) {
      int end = state.getEndPosition(fa);
      if (end > 0) {
        return end - fa.name.length();
      }
    }
    return ((JCTree) call.getMethodSelect()).getStartPosition();
  }

  // ---------------------------------------------------------------- types and values

  /** The pool whose settings an object of static type {@code t} carries, by the names of its supertypes. */
  private Pool poolOf(Type t, Types types) {
    if (t == null || t.isPrimitive() || t.tsym == null) {
      return null;
    }
    Type erased = types.erasure(t);
    return pools.computeIfAbsent(
            erased.tsym,
            k -> {
              for (Type st : types.closure(erased)) {
                if (st.tsym instanceof ClassSymbol cs) {
                  Pool p = PoolSetters.poolOf(cs.flatName().toString());
                  if (p != null) {
                    return Optional.of(p);
                  }
                }
              }
              return Optional.empty();
            })
        .orElse(null);
  }

  /**
   * A setter argument's value: a compile-time constant, or {@code Duration.ofX(<constant>)} as a
   * {@link Duration}; null when it is not known at compile time.
   */
  static Object value(ExpressionTree arg) {
    ExpressionTree e = ASTHelpers.stripParentheses(arg);
    if (isChar(e)) {
      return null;
    }
    Object constant = ASTHelpers.constValue(e);
    if (constant != null) {
      return constant;
    }
    return e instanceof MethodInvocationTree inv ? duration(inv) : null;
  }

  private static boolean isChar(ExpressionTree e) {
    Type t = ASTHelpers.getType(e);
    return t != null && t.hasTag(TypeTag.CHAR);
  }

  private static Duration duration(MethodInvocationTree inv) {
    MethodSymbol s = ASTHelpers.getSymbol(inv);
    if (s == null
        || !s.isStatic()
        || inv.getArguments().size() != 1
        || !s.owner.getQualifiedName().contentEquals("java.time.Duration")) {
      return null;
    }
    ExpressionTree arg = ASTHelpers.stripParentheses(inv.getArguments().get(0));
    Object amount = isChar(arg) ? null : ASTHelpers.constValue(arg);
    if (!(amount instanceof Integer || amount instanceof Long || amount instanceof Short || amount instanceof Byte)) {
      return null;
    }
    return PoolSetters.durationOf(s.getSimpleName().toString(), ((Number) amount).longValue());
  }

  // ---------------------------------------------------------------- annotations and names

  private static Attribute.Compound annotation(Symbol s, String simpleName) {
    for (Attribute.Compound a : s.getAnnotationMirrors()) {
      if (a.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
        return a;
      }
    }
    return null;
  }

  /** The values of a {@code @Profile} on {@code s}, joined with ",", or null. */
  private static String profile(Symbol s) {
    Attribute.Compound a = annotation(s, PROFILE);
    if (a == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    a.getElementValues().forEach(
        (element, value) -> {
          if (element.getSimpleName().contentEquals("value")) {
            collect(value.getValue(), values);
          }
        });
    return values.isEmpty() ? null : String.join(",", values);
  }

  private static void collect(Object value, List<String> out) {
    if (value instanceof List<?> list) {
      for (Object o : list) {
        collect(o instanceof AnnotationValue av ? av.getValue() : o, out);
      }
    } else if (value != null) {
      out.add(value.toString());
    }
  }

  /** The innermost class with a name: an anonymous class is named after the class it is in. */
  private static ClassSymbol namedClass(ClassSymbol c) {
    ClassSymbol k = c;
    while (k.isAnonymous() && k.owner != null && k.owner.enclClass() != null && k.owner.enclClass() != k) {
      k = k.owner.enclClass();
    }
    return k;
  }
}
