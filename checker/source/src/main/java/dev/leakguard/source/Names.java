package dev.leakguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import dev.leakguard.core.pool.PoolSetters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the type names written in one file to binary names, from its package, its imports,
 * the types it declares, the source tree and the JDK. An unresolvable name stays as written: the
 * engine then knows nothing about the type, which keeps it silent rather than wrong.
 */
final class Names {
  private final String pkg;
  private final Map<String, String> single = new HashMap<>();
  private final List<String> onDemand = new ArrayList<>();
  /** Modules imported with {@code import module} (Java 25): their packages come after java.lang. */
  private final List<String> modules = new ArrayList<>();
  private final Map<String, String> declared = new HashMap<>();
  private final Map<String, String> topLevel = new HashMap<>();
  private final TreeIndex index;
  private final Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();

  /** Classes a static import names a member of: by member name, and those imported on demand. */
  private final Map<String, List<String>> staticSingle = new java.util.HashMap<>();

  private final List<String> staticOnDemand = new java.util.ArrayList<>();

  /**
   * The classes whose static member {@code member} an unqualified use may mean by the file's
   * static imports ({@code import static a.B.m;} first, then {@code import static a.B.*;}).
   */
  List<String> staticImportOwners(String member) {
    List<String> out = new java.util.ArrayList<>();
    List<String> written = new java.util.ArrayList<>(staticSingle.getOrDefault(member, List.of()));
    written.addAll(staticOnDemand);
    for (String w : written) {
      out.add(binaryOfQualified(w));
    }
    return out;
  }

  /** The binary name of a canonical class name: a.B.C is a.B$C when C is nested in a.B. */
  private String binaryOfQualified(String qualified) {
    // asked for every unqualified call no enclosing class declares: the class lookups are kept
    return staticOwnerBinary.computeIfAbsent(qualified, this::findBinaryOfQualified);
  }

  private final Map<String, String> staticOwnerBinary = new java.util.concurrent.ConcurrentHashMap<>();

  private String findBinaryOfQualified(String qualified) {
    String c = qualified;
    while (true) {
      if (index.isTreeType(c) || index.classes.load(c) != null) {
        return c;
      }
      int i = c.lastIndexOf('.');
      if (i < 0) {
        return qualified;
      }
      c = c.substring(0, i) + "$" + c.substring(i + 1);
    }
  }

  private Names(String pkg, TreeIndex index) {
    this.pkg = pkg;
    this.index = index;
  }

  static Names of(CompilationUnit cu, TreeIndex index) {
    Names n = new Names(cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse(""), index);
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic()) {
        String name = i.getNameAsString();
        if (i.isAsterisk()) {
          n.staticOnDemand.add(name);
        } else if (name.lastIndexOf('.') > 0) {
          n.staticSingle
              .computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new java.util.ArrayList<>())
              .add(name.substring(0, name.lastIndexOf('.')));
        }
        continue;
      }
      if (i.isModule()) {
        n.modules.add(i.getNameAsString());
      } else if (i.isAsterisk()) {
        n.onDemand.add(i.getNameAsString());
      } else {
        String fq = i.getNameAsString();
        n.single.put(fq.substring(fq.lastIndexOf('.') + 1), fq);
      }
    }
    for (TypeDeclaration<?> t : cu.getTypes()) {
      String fq = n.pkg.isEmpty() ? t.getNameAsString() : n.pkg + "." + t.getNameAsString();
      n.topLevel.put(t.getNameAsString(), fq);
      n.declare(t, fq);
    }
    // type variables stand for their bound, as javac erases them (<C extends Connection> C is a
    // Connection); a name bound differently in two places of the file is left unknown
    for (com.github.javaparser.ast.type.TypeParameter tp : UnitFacts.of(cu).typeParameters) {
      String bound =
          tp.getTypeBound().isEmpty() ? "java.lang.Object" : written(tp.getTypeBound().get(0));
      String before = n.typeVariables.putIfAbsent(tp.getNameAsString(), bound);
      if (before != null && !before.equals(bound)) {
        n.typeVariables.put(tp.getNameAsString(), AMBIGUOUS);
      }
    }
    return n;
  }

  private static final String AMBIGUOUS = "";

  /** Type variables of the file by name, to the bound they erase to as written. */
  private final Map<String, String> typeVariables = new java.util.HashMap<>();

  private void declare(TypeDeclaration<?> t, String fq) {
    declared.putIfAbsent(t.getNameAsString(), fq);
    for (var m : t.getMembers()) {
      if (m instanceof TypeDeclaration<?> nested) {
        declare(nested, fq + "$" + nested.getNameAsString());
      }
    }
  }

  String packageName() {
    return pkg;
  }

  /** Binary name of a written type ("var" and primitives come back as written). */
  String typeName(Type t) {
    return resolveWritten(written(t));
  }

  /** A type as written, without type arguments: "Map", "java.sql.Connection", "String[]". */
  static String written(Type t) {
    if (t instanceof ArrayType a) {
      return written(a.getComponentType()) + "[]";
    }
    if (t instanceof ClassOrInterfaceType c) {
      return c.getNameWithScope();
    }
    return t.asString();
  }

  /** Resolves a type as written by {@link #written}, arrays included. */
  String resolveWritten(String w) {
    if (w == null) {
      return null;
    }
    if (w.endsWith("[]")) {
      return resolveWritten(w.substring(0, w.length() - 2)) + "[]";
    }
    if (PRIMITIVES.contains(w) || w.equals("var")) {
      return w;
    }
    return resolve(w);
  }

  private static final java.util.Set<String> PRIMITIVES =
      java.util.Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");

  /** Binary name of a written name such as "Connection", "java.sql.Connection" or "Outer.Inner". */
  String resolve(String written) {
    if (written == null) {
      return null;
    }
    int lt = written.indexOf('<');
    String w = lt >= 0 ? written.substring(0, lt) : written;
    String bound = typeVariables.get(w);
    if (bound != null && !bound.isEmpty() && !bound.equals(w) && simple(w) == null) {
      return resolve(bound);
    }
    // not computeIfAbsent: compute may resolve other names, which would modify the cache
    String r = cache.get(w);
    if (r == null) {
      r = compute(w);
      if (r != null) {
        cache.put(w, r);
      }
    }
    return r;
  }

  private String compute(String w) {
    int dot = w.indexOf('.');
    if (dot > 0) {
      // Outer.Inner written from an import or a declared type, or a qualified name
      String head = w.substring(0, dot);
      String rest = w.substring(dot + 1).replace('.', '$');
      String outer = simple(head);
      if (outer != null && !outer.equals(head)) {
        return outer + "$" + rest;
      }
      if (index.classes.load(w) != null || index.isTreeType(w)) {
        return w;
      }
      return w;
    }
    String s = simple(w);
    return s != null ? s : w;
  }

  private String simple(String name) {
    String d = declared.get(name);
    if (d != null) {
      return d;
    }
    return outside(name);
  }

  /**
   * A simple name resolved outside every class body: the file's top-level types, imports, package,
   * java.lang, then the packages of the modules it imports.
   */
  private String outside(String name) {
    String top = topLevel.get(name);
    if (top != null) {
      return top;
    }
    String i = single.get(name);
    if (i != null) {
      // an imported member type (import a.B.C) is a.B$C
      return binaryOfQualified(i);
    }
    String samePkg = pkg.isEmpty() ? name : pkg + "." + name;
    if (index.isTreeType(samePkg)) {
      return samePkg;
    }
    for (String p : onDemand) {
      String fq = p + "." + name;
      if (index.classes.load(fq) != null || index.isTreeType(fq) || PoolSetters.poolOf(fq) != null) {
        return fq;
      }
      // the member types of a class imported on demand (import a.B.*)
      String member = binaryOfQualified(p) + "$" + name;
      if (index.isTreeType(member) || index.classes.load(member) != null) {
        return member;
      }
    }
    String lang = "java.lang." + name;
    if (index.classes.load(lang) != null) {
      return lang;
    }
    for (String m : modules) {
      for (String p : index.classes.modulePackages(m)) {
        String fq = p + "." + name;
        if (index.classes.load(fq) != null || index.isTreeType(fq)) {
          return fq;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- names in scope

  /**
   * Binary name of a type as written at {@code at}, with Java's scoping: type variables, local
   * classes, the member types of the enclosing classes (innermost first), the file's own types,
   * then the imports, the package, java.lang and the imported modules. Unlike {@link #resolve}, a
   * member type of one class does not hide an imported type from the rest of the file. Null when
   * the name is a type variable or cannot be resolved.
   */
  String resolveAt(String written, Node at) {
    if (written == null) {
      return null;
    }
    int lt = written.indexOf('<');
    String w = lt >= 0 ? written.substring(0, lt) : written;
    if (w.endsWith("[]")) {
      String c = resolveAt(w.substring(0, w.length() - 2), at);
      return c == null ? null : c + "[]";
    }
    if (PRIMITIVES.contains(w)) {
      return w;
    }
    int dot = w.indexOf('.');
    String head = dot < 0 ? w : w.substring(0, dot);
    String type = simpleAt(head, at);
    if (dot < 0) {
      return type;
    }
    String rest = w.substring(dot + 1);
    if (type != null) {
      return type + "$" + rest.replace('.', '$');
    }
    // a qualified name: java.time.Duration, or pkg.Outer.Inner of the tree
    String[] parts = w.split("\\.");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      prefix.append(i == 0 ? "" : ".").append(parts[i]);
      if (index.isTreeType(prefix.toString()) || index.classes.load(prefix.toString()) != null) {
        StringBuilder out = new StringBuilder(prefix);
        for (int j = i + 1; j < parts.length; j++) {
          out.append('$').append(parts[j]);
        }
        return out.toString();
      }
    }
    return w;
  }

  private String simpleAt(String name, Node at) {
    Node child = at;
    for (Node n = at.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithTypeParameters<?> tp) {
        for (TypeParameter p : tp.getTypeParameters()) {
          if (p.getNameAsString().equals(name)) {
            return null;
          }
        }
      }
      if (n instanceof BlockStmt block) {
        for (Statement s : block.getStatements()) {
          if (s == child) {
            break;
          }
          if (s instanceof LocalClassDeclarationStmt lc && lc.getClassDeclaration().getNameAsString().equals(name)) {
            return binaryName(lc.getClassDeclaration());
          }
          if (s instanceof LocalRecordDeclarationStmt lr && lr.getRecordDeclaration().getNameAsString().equals(name)) {
            return binaryName(lr.getRecordDeclaration());
          }
        }
      }
      if (n instanceof TypeDeclaration<?> t && child != t.getName() && !isHeaderOf(child, t)) {
        // inside the class body: the class itself and its member types
        if (t.getNameAsString().equals(name)) {
          return binaryName(t);
        }
        for (BodyDeclaration<?> m : t.getMembers()) {
          if (m instanceof TypeDeclaration<?> member && member.getNameAsString().equals(name)) {
            return binaryName(member);
          }
        }
      }
      if (n instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent()
          && child instanceof BodyDeclaration<?>) {
        for (BodyDeclaration<?> m : oc.getAnonymousClassBody().get()) {
          if (m instanceof TypeDeclaration<?> member && member.getNameAsString().equals(name)) {
            return "?anonymous$" + name;
          }
        }
      }
    }
    return outside(name);
  }

  /** Whether {@code child} is part of {@code type}'s header (extends, implements), not its body. */
  private static boolean isHeaderOf(Node child, Node type) {
    if (type instanceof ClassOrInterfaceDeclaration c) {
      return c.getExtendedTypes().stream().anyMatch(x -> x == child)
          || c.getImplementedTypes().stream().anyMatch(x -> x == child)
          || c.getPermittedTypes().stream().anyMatch(x -> x == child);
    }
    if (type instanceof EnumDeclaration e) {
      return e.getImplementedTypes().stream().anyMatch(x -> x == child);
    }
    if (type instanceof RecordDeclaration r) {
      return r.getImplementedTypes().stream().anyMatch(x -> x == child);
    }
    return false;
  }

  /** Binary name of a type declared in this file: {@code pkg.Outer$Inner}; local classes get a name no other type has. */
  String binaryName(TypeDeclaration<?> t) {
    Node parent = t.getParentNode().orElse(null);
    if (parent instanceof TypeDeclaration<?> outer) {
      return binaryName(outer) + "$" + t.getNameAsString();
    }
    if (parent instanceof CompilationUnit) {
      return pkg.isEmpty() ? t.getNameAsString() : pkg + "." + t.getNameAsString();
    }
    return "?local$" + t.getNameAsString() + "@" + t.getBegin().map(p -> p.line + ":" + p.column).orElse("");
  }
}
