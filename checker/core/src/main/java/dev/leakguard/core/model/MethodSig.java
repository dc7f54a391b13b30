package dev.leakguard.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A method named the way model files name it: {@code <fq.Owner>.<method>(<param types>)}.
 *
 * <p>Type names are fully qualified binary names ({@code java.lang.String}, nested classes as
 * {@code com.acme.Outer$Inner}), erased, separated by commas without spaces; arrays are written
 * {@code java.lang.String[]}, varargs as arrays, primitives by their keyword ({@code int}).
 * Constructors are named {@code <init>}. The parameter list {@code (..)} stands for every overload.
 *
 * <p>This is the only spelling; {@link #jvmParamDescriptor()} derives the JVM form for the
 * bytecode front-end, and {@link #paramTypesFromDescriptor(String)} goes the other way.
 */
public final class MethodSig {
  /** The name of constructors, as in the JVM. */
  public static final String CONSTRUCTOR = "<init>";

  /** The primitive types' names. */
  public static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

  private final String owner;
  private final String name;
  private final List<String> paramTypes; // null for (..)

  private MethodSig(String owner, String name, List<String> paramTypes) {
    this.owner = owner;
    this.name = name;
    this.paramTypes = paramTypes;
  }

  /**
   * Parses a signature such as {@code java.sql.Connection.prepareStatement(java.lang.String,int)}
   * or {@code java.sql.Connection.prepareStatement(..)}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code text}
   */
  public static MethodSig parse(String text) {
    Objects.requireNonNull(text, "text");
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        throw new IllegalArgumentException("a signature must not contain whitespace");
      }
    }
    int open = text.indexOf('(');
    if (open < 0) {
      throw new IllegalArgumentException("missing parameter list '(...)'");
    }
    if (!text.endsWith(")")) {
      throw new IllegalArgumentException("the signature must end with ')'");
    }
    if (text.indexOf('(', open + 1) >= 0 || text.indexOf(')') != text.length() - 1) {
      throw new IllegalArgumentException("unbalanced parentheses");
    }
    String head = text.substring(0, open);
    int dot = head.lastIndexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException(
          "missing owner type before the method name '" + head + "'");
    }
    String owner = head.substring(0, dot);
    String name = head.substring(dot + 1);
    checkTypeName(owner, "owner");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("missing method name after '" + owner + ".'");
    }
    if (!name.equals(CONSTRUCTOR) && !isIdentifier(name)) {
      throw new IllegalArgumentException(
          "method name '" + name + "' is not a Java identifier or <init>");
    }
    String params = text.substring(open + 1, text.length() - 1);
    if (params.equals("..")) {
      return new MethodSig(owner, name, null);
    }
    List<String> types = new ArrayList<>();
    if (!params.isEmpty()) {
      for (String p : params.split(",", -1)) {
        checkParamType(p);
        types.add(p);
      }
    }
    return new MethodSig(owner, name, Collections.unmodifiableList(types));
  }

  /**
   * Builds a signature from parts that front-ends already hold; {@code paramTypes} null means
   * every overload. Each part is validated as {@link #parse} would.
   */
  public static MethodSig of(String owner, String name, List<String> paramTypes) {
    StringBuilder sb = new StringBuilder(owner).append('.').append(name).append('(');
    sb.append(paramTypes == null ? ".." : String.join(",", paramTypes)).append(')');
    return parse(sb.toString());
  }

  /**
   * Converts the parameter part of a JVM method descriptor ({@code (Ljava/lang/String;[I)V}, the
   * return type is optional) to parameter types in model spelling ({@code java.lang.String},
   * {@code int[]}).
   *
   * @throws IllegalArgumentException if {@code descriptor} is not a method descriptor
   */
  public static List<String> paramTypesFromDescriptor(String descriptor) {
    if (descriptor == null || !descriptor.startsWith("(") || descriptor.indexOf(')') < 0) {
      throw new IllegalArgumentException("not a method descriptor: " + descriptor);
    }
    List<String> out = new ArrayList<>();
    int i = 1;
    int end = descriptor.indexOf(')');
    while (i < end) {
      int dims = 0;
      while (descriptor.charAt(i) == '[') {
        dims++;
        i++;
      }
      String base;
      char c = descriptor.charAt(i);
      if (c == 'L') {
        int semi = descriptor.indexOf(';', i);
        if (semi < 0 || semi > end) {
          throw new IllegalArgumentException("not a method descriptor: " + descriptor);
        }
        base = descriptor.substring(i + 1, semi).replace('/', '.');
        i = semi + 1;
      } else {
        base = primitiveName(c);
        if (base == null) {
          throw new IllegalArgumentException("not a method descriptor: " + descriptor);
        }
        i++;
      }
      out.add(base + "[]".repeat(dims));
    }
    return Collections.unmodifiableList(out);
  }

  /** The fully qualified binary name of the declaring type. */
  public String owner() {
    return owner;
  }

  /** The method name, or {@code <init>} for a constructor. */
  public String name() {
    return name;
  }

  /** The erased parameter types in model spelling, or null when this is {@code (..)}. */
  public List<String> paramTypes() {
    return paramTypes;
  }

  /** True for {@code (..)}: the signature stands for every overload of the name. */
  public boolean anyOverload() {
    return paramTypes == null;
  }

  public boolean isConstructor() {
    return name.equals(CONSTRUCTOR);
  }

  /**
   * The parameter part of the JVM descriptor, for example {@code (Ljava/lang/String;I)}.
   *
   * @throws IllegalStateException for {@code (..)}, which has no single descriptor
   */
  public String jvmParamDescriptor() {
    if (paramTypes == null) {
      throw new IllegalStateException(this + " stands for every overload and has no descriptor");
    }
    StringBuilder sb = new StringBuilder("(");
    for (String p : paramTypes) {
      String base = p;
      while (base.endsWith("[]")) {
        sb.append('[');
        base = base.substring(0, base.length() - 2);
      }
      String prim = primitiveDescriptor(base);
      if (prim != null) {
        sb.append(prim);
      } else {
        sb.append('L').append(base.replace('.', '/')).append(';');
      }
    }
    return sb.append(')').toString();
  }

  /**
   * True if a call of {@code owner.name(paramTypes)} is named by this signature: owner and name
   * are equal, and the parameter lists are equal or this is {@code (..)}. No supertype walking
   * happens here; the caller asks once per type.
   */
  public boolean matches(String owner, String name, List<String> paramTypes) {
    if (!this.owner.equals(owner) || !this.name.equals(name)) {
      return false;
    }
    return this.paramTypes == null || this.paramTypes.equals(paramTypes);
  }

  /**
   * The short form used in messages: the simple owner name, the method name and {@code (..)},
   * e.g. {@code Connection.prepareStatement(..)}; a constructor reads {@code new Owner(..)}.
   */
  public String display() {
    String simple = simpleName(owner);
    return isConstructor() ? "new " + simple + "(..)" : simple + "." + name + "(..)";
  }

  /** The owner and method name as {@code owner + "#" + name}, the key front-ends look up. */
  String memberKey() {
    return owner + "#" + name;
  }

  /** The model-file spelling of this signature. */
  @Override
  public String toString() {
    return owner + "." + name + "(" + (paramTypes == null ? ".." : String.join(",", paramTypes))
        + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MethodSig s
        && owner.equals(s.owner)
        && name.equals(s.name)
        && Objects.equals(paramTypes, s.paramTypes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, name, paramTypes);
  }

  /** The simple name of a binary type name: {@code com.acme.Outer$Inner} gives Outer.Inner. */
  static String simpleName(String fqType) {
    return fqType.substring(fqType.lastIndexOf('.') + 1).replace('$', '.');
  }

  /**
   * Checks a fully qualified type name (at least a package and a simple name, each segment a Java
   * identifier).
   *
   * @param role how the name is called in the message ("owner", "parameter type", "type")
   */
  static void checkTypeName(String type, String role) {
    if (type.isEmpty()) {
      throw new IllegalArgumentException("missing " + role);
    }
    if (type.contains("<") || type.contains(">")) {
      throw new IllegalArgumentException(
          role + " '" + type + "' has type arguments; write the erased type");
    }
    if (type.contains("[")) {
      throw new IllegalArgumentException(role + " '" + type + "' must not be an array");
    }
    String[] segments = type.split("\\.", -1);
    for (String s : segments) {
      if (!isIdentifier(s)) {
        throw new IllegalArgumentException(
            role + " '" + type + "' is not a type name ('" + s + "' is not a Java identifier)");
      }
    }
    if (segments.length < 2) {
      throw new IllegalArgumentException(
          role
              + " '"
              + type
              + "' is not fully qualified (write the package too, e.g. java.lang."
              + type
              + ")");
    }
  }

  private static void checkParamType(String p) {
    if (p.isEmpty()) {
      throw new IllegalArgumentException("empty parameter type in the list");
    }
    if (p.equals("..")) {
      throw new IllegalArgumentException("'..' must be the whole parameter list");
    }
    if (p.endsWith("...")) {
      throw new IllegalArgumentException(
          "varargs parameter '" + p + "': write it as an array, e.g. "
              + p.substring(0, p.length() - 3) + "[]");
    }
    String base = p;
    while (base.endsWith("[]")) {
      base = base.substring(0, base.length() - 2);
    }
    if (base.equals("void")) {
      throw new IllegalArgumentException("'void' is not a parameter type");
    }
    if (!PRIMITIVES.contains(base)) {
      checkTypeName(base, "parameter type");
    }
  }

  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
      return false;
    }
    for (int i = Character.charCount(s.codePointAt(0)); i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!Character.isJavaIdentifierPart(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static String primitiveDescriptor(String type) {
    switch (type) {
      case "boolean":
        return "Z";
      case "byte":
        return "B";
      case "char":
        return "C";
      case "short":
        return "S";
      case "int":
        return "I";
      case "long":
        return "J";
      case "float":
        return "F";
      case "double":
        return "D";
      default:
        return null;
    }
  }

  private static String primitiveName(char c) {
    switch (c) {
      case 'Z':
        return "boolean";
      case 'B':
        return "byte";
      case 'C':
        return "char";
      case 'S':
        return "short";
      case 'I':
        return "int";
      case 'J':
        return "long";
      case 'F':
        return "float";
      case 'D':
        return "double";
      default:
        return null;
    }
  }
}
