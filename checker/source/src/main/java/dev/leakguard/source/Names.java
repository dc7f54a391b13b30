package dev.leakguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
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
  private final Map<String, String> declared = new HashMap<>();
  private final TreeIndex index;
  private final Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();

  private Names(String pkg, TreeIndex index) {
    this.pkg = pkg;
    this.index = index;
  }

  static Names of(CompilationUnit cu, TreeIndex index) {
    Names n = new Names(cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse(""), index);
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic()) {
        continue;
      }
      if (i.isAsterisk()) {
        n.onDemand.add(i.getNameAsString());
      } else {
        String fq = i.getNameAsString();
        n.single.put(fq.substring(fq.lastIndexOf('.') + 1), fq);
      }
    }
    for (TypeDeclaration<?> t : cu.getTypes()) {
      n.declare(t, n.pkg.isEmpty() ? t.getNameAsString() : n.pkg + "." + t.getNameAsString());
    }
    return n;
  }

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
    return cache.computeIfAbsent(w, this::compute);
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
      if (JdkTypes.load(w) != null || index.isTreeType(w)) {
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
    String i = single.get(name);
    if (i != null) {
      return i;
    }
    String samePkg = pkg.isEmpty() ? name : pkg + "." + name;
    if (index.isTreeType(samePkg)) {
      return samePkg;
    }
    for (String p : onDemand) {
      String fq = p + "." + name;
      if (JdkTypes.load(fq) != null || index.isTreeType(fq)) {
        return fq;
      }
    }
    String lang = "java.lang." + name;
    if (JdkTypes.load(lang) != null) {
      return lang;
    }
    return null;
  }
}
