package dev.leakguard.source;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.leakguard.core.pool.PoolSetters;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * The value of an expression when it is a compile-time constant the engine can see: literals,
 * operators over constants, casts to primitive types and String, and constant variables declared
 * in the same file ({@code final} fields and {@code final} local variables of primitive type or
 * String with constant initialisers, as javac inlines them); also {@code
 * java.time.Duration.ofX(constant)}. Everything else is unknown (null): a local variable that is
 * not {@code final}, a parameter, a constant of another file, a method call.
 *
 * <p>Values are Integer (int, short, byte), Long, Float, Double, Character, Boolean, String or
 * Duration, computed with Java's promotions and overflow.
 */
final class Constants {
  private static final String DURATION = "java.time.Duration";

  private final Declarations decls;
  private final Set<Node> evaluating = Collections.newSetFromMap(new IdentityHashMap<>());

  Constants(Declarations decls) {
    this.decls = decls;
  }

  /** The constant value of {@code e}, or null. */
  Object value(Expression e) {
    try {
      return eval(e);
    } catch (ArithmeticException | NumberFormatException | ClassCastException overflowOrOdd) {
      return null;
    }
  }

  private Object eval(Expression e) {
    if (e == null) {
      return null;
    }
    if (e instanceof EnclosedExpr en) {
      return eval(en.getInner());
    }
    if (e instanceof IntegerLiteralExpr i) {
      return integral(i.getValue()).intValue();
    }
    if (e instanceof LongLiteralExpr l) {
      String v = l.getValue();
      return integral(v.substring(0, v.length() - 1)).longValue();
    }
    if (e instanceof DoubleLiteralExpr d) {
      String v = d.getValue().replace("_", "");
      if (v.endsWith("f") || v.endsWith("F")) {
        return Float.parseFloat(v);
      }
      return Double.parseDouble(v);
    }
    if (e instanceof BooleanLiteralExpr b) {
      return b.getValue();
    }
    if (e instanceof CharLiteralExpr c) {
      return c.asChar();
    }
    if (e instanceof StringLiteralExpr s) {
      return s.asString();
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return t.asString();
    }
    if (e instanceof UnaryExpr u) {
      return unary(u.getOperator(), eval(u.getExpression()));
    }
    if (e instanceof BinaryExpr b) {
      if (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR) {
        // both operands must be constants, as in Java
        Object l = eval(b.getLeft());
        Object r = eval(b.getRight());
        if (l instanceof Boolean x && r instanceof Boolean y) {
          return b.getOperator() == BinaryExpr.Operator.AND ? x && y : x || y;
        }
        return null;
      }
      return binary(b.getOperator(), eval(b.getLeft()), eval(b.getRight()));
    }
    if (e instanceof CastExpr c) {
      return convert(eval(c.getExpression()), c.getType());
    }
    if (e instanceof ConditionalExpr c) {
      Object cond = eval(c.getCondition());
      Object then = eval(c.getThenExpr());
      Object otherwise = eval(c.getElseExpr());
      if (!(cond instanceof Boolean b) || then == null || otherwise == null) {
        return null;
      }
      return b ? then : otherwise;
    }
    if (e instanceof NameExpr n) {
      return constantField(decls.lookup(n.getNameAsString(), n));
    }
    if (e instanceof FieldAccessExpr fa) {
      return constantField(staticField(fa));
    }
    if (e instanceof MethodCallExpr m) {
      return duration(m);
    }
    return null;
  }

  // ---------------------------------------------------------------- names

  /**
   * The value of a constant variable (JLS 4.12.4) declared in this file: a {@code final} field or
   * local variable of primitive type or String whose initialiser is a constant expression.
   */
  private Object constantField(Declarations.Decl d) {
    if (d == null || !(d.node() instanceof VariableDeclarator v) || v.getInitializer().isEmpty()) {
      return null;
    }
    boolean isFinal;
    if (d.kind() == Declarations.Kind.FIELD) {
      isFinal = d.isFinal();
    } else if (d.kind() == Declarations.Kind.LOCAL) {
      isFinal = v.getParentNode().orElse(null) instanceof VariableDeclarationExpr local && local.isFinal();
    } else {
      isFinal = false;
    }
    Type type = v.getType();
    boolean constantType = type.isPrimitiveType() || type.isVarType() || "java.lang.String".equals(d.type());
    if (!isFinal || !constantType || !evaluating.add(v)) {
      return null;
    }
    try {
      Object value = eval(v.getInitializer().get());
      if (type.isVarType()) {
        return value instanceof Number || value instanceof Boolean || value instanceof Character
            || value instanceof String ? value : null;
      }
      return convert(value, type);
    } finally {
      evaluating.remove(v);
    }
  }

  /** {@code Owner.NAME} where {@code Owner} names a class of this file: that class's field. */
  private Declarations.Decl staticField(FieldAccessExpr fa) {
    String typeText = typeName(fa.getScope());
    if (typeText == null) {
      return null;
    }
    String fq = decls.names().resolveAt(typeText, fa);
    TypeDeclaration<?> owner = decls.declaredClass(fq);
    if (owner == null) {
      return null;
    }
    Declarations.Decl d = decls.field(owner, fa.getNameAsString());
    return d != null && d.isStatic() ? d : null;
  }

  /**
   * The text of {@code e} when it can only name a type: a dotted name whose first part is not a
   * variable in scope and starts with an upper-case letter or is followed by one (a package).
   */
  String typeName(Expression e) {
    StringBuilder text = new StringBuilder();
    Expression x = e;
    while (x instanceof FieldAccessExpr f) {
      text.insert(0, "." + f.getNameAsString());
      x = f.getScope();
    }
    if (!(x instanceof NameExpr head)) {
      return null;
    }
    String name = head.getNameAsString();
    Declarations.Decl d = decls.lookup(name, head);
    if (d != null && (d.kind() != Declarations.Kind.UNKNOWN || !Character.isUpperCase(name.charAt(0)))) {
      return null; // a variable (or possibly one)
    }
    return name + text;
  }

  // ---------------------------------------------------------------- Duration

  private Object duration(MethodCallExpr m) {
    if (m.getArguments().size() != 1) {
      return null;
    }
    String factory = m.getNameAsString();
    if (!PoolSetters.isDurationFactory(factory)) {
      return null;
    }
    boolean isDuration;
    if (m.getScope().isPresent()) {
      String type = typeName(m.getScope().get());
      isDuration = type != null && DURATION.equals(decls.names().resolveAt(type, m));
    } else {
      isDuration = staticallyImported(m);
    }
    if (!isDuration) {
      return null;
    }
    Object arg = eval(m.getArgument(0));
    if (arg instanceof Character c) {
      arg = (int) c;
    }
    if (arg instanceof Integer || arg instanceof Long || arg instanceof Short || arg instanceof Byte) {
      return PoolSetters.durationOf(factory, ((Number) arg).longValue());
    }
    return null;
  }

  /** {@code ofSeconds(5)} with {@code import static java.time.Duration.ofSeconds} (or {@code .*}), not hidden by a method of the classes around it. */
  private boolean staticallyImported(MethodCallExpr m) {
    String name = m.getNameAsString();
    for (Node c : Declarations.enclosingClasses(m)) {
      if (Declarations.declaresMethod(c, name)) {
        return false;
      }
    }
    return m.findCompilationUnit()
        .map(cu -> cu.getImports().stream().anyMatch(i -> i.isStatic() && imports(i, name)))
        .orElse(false);
  }

  private static boolean imports(ImportDeclaration i, String name) {
    String n = i.getNameAsString();
    return i.isAsterisk() ? n.equals(DURATION) : n.equals(DURATION + "." + name);
  }

  // ---------------------------------------------------------------- arithmetic

  /** An integer literal's digits (underscores, 0x, 0b and octal allowed) as written, unsigned. */
  private static BigInteger integral(String literal) {
    String v = literal.replace("_", "").toLowerCase(Locale.ROOT);
    if (v.startsWith("0x")) {
      return new BigInteger(v.substring(2), 16);
    }
    if (v.startsWith("0b")) {
      return new BigInteger(v.substring(2), 2);
    }
    if (v.length() > 1 && v.startsWith("0")) {
      return new BigInteger(v.substring(1), 8);
    }
    return new BigInteger(v);
  }

  private static boolean isNumeric(Object o) {
    return o instanceof Number || o instanceof Character;
  }

  private static Number number(Object o) {
    return o instanceof Character c ? Integer.valueOf(c) : (Number) o;
  }

  /** Java's binary numeric promotion: the type both operands are converted to. */
  private static Class<?> promoted(Object a, Object b) {
    if (a instanceof Double || b instanceof Double) {
      return Double.class;
    }
    if (a instanceof Float || b instanceof Float) {
      return Float.class;
    }
    if (a instanceof Long || b instanceof Long) {
      return Long.class;
    }
    return Integer.class;
  }

  private static Object unary(UnaryExpr.Operator op, Object v) {
    if (v == null) {
      return null;
    }
    switch (op) {
      case LOGICAL_COMPLEMENT:
        return v instanceof Boolean b ? !b : null;
      case PLUS:
      case MINUS:
      case BITWISE_COMPLEMENT:
        break;
      default:
        return null; // ++ and -- change a variable
    }
    if (!isNumeric(v)) {
      return null;
    }
    Number n = number(v);
    boolean minus = op == UnaryExpr.Operator.MINUS;
    if (op == UnaryExpr.Operator.BITWISE_COMPLEMENT) {
      if (n instanceof Long l) {
        return ~l;
      }
      return n instanceof Double || n instanceof Float ? null : ~n.intValue();
    }
    if (n instanceof Double d) {
      return minus ? -d : d;
    }
    if (n instanceof Float f) {
      return minus ? -f : f;
    }
    if (n instanceof Long l) {
      return minus ? -l : l;
    }
    return minus ? -n.intValue() : n.intValue();
  }

  private static Object binary(BinaryExpr.Operator op, Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    if (op == BinaryExpr.Operator.PLUS && (a instanceof String || b instanceof String)) {
      return String.valueOf(a) + b;
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return switch (op) {
        case BINARY_AND -> x & y;
        case BINARY_OR -> x | y;
        case XOR -> x ^ y;
        case EQUALS -> x.equals(y);
        case NOT_EQUALS -> !x.equals(y);
        default -> null;
      };
    }
    if (!isNumeric(a) || !isNumeric(b)) {
      return null;
    }
    Number x = number(a);
    Number y = number(b);
    switch (op) {
      case LEFT_SHIFT:
      case SIGNED_RIGHT_SHIFT:
      case UNSIGNED_RIGHT_SHIFT:
        return shift(op, x, y);
      default:
        break;
    }
    Class<?> t = promoted(x, y);
    if (t == Double.class || t == Float.class) {
      double p = x.doubleValue();
      double q = y.doubleValue();
      Object r = switch (op) {
        case PLUS -> p + q;
        case MINUS -> p - q;
        case MULTIPLY -> p * q;
        case DIVIDE -> p / q;
        case REMAINDER -> p % q;
        case LESS -> p < q;
        case LESS_EQUALS -> p <= q;
        case GREATER -> p > q;
        case GREATER_EQUALS -> p >= q;
        case EQUALS -> p == q;
        case NOT_EQUALS -> p != q;
        default -> null;
      };
      return r instanceof Double d && t == Float.class ? (Object) (float) (double) d : r;
    }
    if (t == Long.class) {
      long p = x.longValue();
      long q = y.longValue();
      return switch (op) {
        case PLUS -> p + q;
        case MINUS -> p - q;
        case MULTIPLY -> p * q;
        case DIVIDE -> p / q;
        case REMAINDER -> p % q;
        case BINARY_AND -> p & q;
        case BINARY_OR -> p | q;
        case XOR -> p ^ q;
        case LESS -> p < q;
        case LESS_EQUALS -> p <= q;
        case GREATER -> p > q;
        case GREATER_EQUALS -> p >= q;
        case EQUALS -> p == q;
        case NOT_EQUALS -> p != q;
        default -> null;
      };
    }
    int p = x.intValue();
    int q = y.intValue();
    return switch (op) {
      case PLUS -> p + q;
      case MINUS -> p - q;
      case MULTIPLY -> p * q;
      case DIVIDE -> p / q;
      case REMAINDER -> p % q;
      case BINARY_AND -> p & q;
      case BINARY_OR -> p | q;
      case XOR -> p ^ q;
      case LESS -> p < q;
      case LESS_EQUALS -> p <= q;
      case GREATER -> p > q;
      case GREATER_EQUALS -> p >= q;
      case EQUALS -> p == q;
      case NOT_EQUALS -> p != q;
      default -> null;
    };
  }

  /** A shift has the (unary-promoted) type of its left operand. */
  private static Object shift(BinaryExpr.Operator op, Number x, Number y) {
    if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
      return null;
    }
    long distance = y.longValue();
    if (x instanceof Long l) {
      return switch (op) {
        case LEFT_SHIFT -> l << distance;
        case SIGNED_RIGHT_SHIFT -> l >> distance;
        default -> l >>> distance;
      };
    }
    int i = x.intValue();
    return switch (op) {
      case LEFT_SHIFT -> i << distance;
      case SIGNED_RIGHT_SHIFT -> i >> distance;
      default -> i >>> distance;
    };
  }

  /** {@code v} converted to a primitive type or String as a cast or a constant's declaration does; null otherwise. */
  private static Object convert(Object v, Type type) {
    if (v == null) {
      return null;
    }
    if (type instanceof PrimitiveType p) {
      if (p.getType() == PrimitiveType.Primitive.BOOLEAN) {
        return v instanceof Boolean ? v : null;
      }
      if (!isNumeric(v)) {
        return null;
      }
      Number n = number(v);
      return switch (p.getType()) {
        case BYTE -> (int) n.byteValue();
        case SHORT -> (int) n.shortValue();
        case CHAR -> (char) (v instanceof Character c ? c : toLongOrInt(n).intValue());
        case INT -> toLongOrInt(n).intValue();
        case LONG -> n instanceof Double || n instanceof Float ? (long) n.doubleValue() : n.longValue();
        case FLOAT -> n.floatValue();
        case DOUBLE -> n.doubleValue();
        default -> null;
      };
    }
    String written = Names.written(type);
    if (written.equals("String") || written.equals("java.lang.String")) {
      return v instanceof String ? v : null;
    }
    return null;
  }

  /** Narrowing of a double as Java does it (saturating), else the value. */
  private static Number toLongOrInt(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return (int) n.doubleValue();
    }
    return n;
  }
}
