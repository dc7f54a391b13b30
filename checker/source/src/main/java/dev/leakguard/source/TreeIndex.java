package dev.leakguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.ReferenceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The types declared in the scanned source tree: their supertypes, fields and methods, so that
 * calls across files of the tree are typed and summarised without a classpath.
 */
final class TreeIndex {

  /**
   * A method or constructor declared in the tree. Types are kept as written and resolved on use,
   * once the whole tree is indexed.
   */
  record MethodInfo(
      String owner,
      String name,
      Names names,
      List<String> rawParamTypes,
      String rawReturnType,
      List<String> rawThrows,
      Set<String> annotations,
      List<Set<String>> paramAnnotations,
      List<String> paramNames,
      int resultTypeOfParam,
      boolean varArgs,
      boolean hasBody,
      boolean overridable,
      boolean isStatic,
      Path file,
      int line,
      int column,
      String key) {

    /** {@code key}: what names its summary, {@code file:line:column} (made once, asked for every call). */
    MethodInfo {}

    /** The same declaration: where it begins tells it (compared for every body a call may run). */
    @Override
    public boolean equals(Object o) {
      return o instanceof MethodInfo m && m.key.equals(key);
    }

    @Override
    public int hashCode() {
      return key.hashCode();
    }

    static String keyOf(Path file, int line, int column) {
      return file + ":" + line + ":" + column;
    }

    List<String> paramTypes() {
      List<String> out = new ArrayList<>();
      for (String r : rawParamTypes) {
        out.add(names.resolveWritten(r));
      }
      return out;
    }

    String returnType() {
      return name.equals("<init>") ? owner : names.resolveWritten(rawReturnType);
    }

    List<String> throwsTypes() {
      List<String> out = new ArrayList<>();
      for (String r : rawThrows) {
        out.add(names.resolveWritten(r));
      }
      return out;
    }
  }

  /** A type declared in the tree. */
  static final class TypeInfo {
    final String fq;
    final Path file;
    final Names names;
    final List<String> rawSupertypes = new ArrayList<>();
    final Map<String, List<MethodInfo>> methods = new HashMap<>();
    /** Field name to the type as written (resolve with {@link #names}). */
    final Map<String, String> fields = new HashMap<>();
    final boolean isInterface;
    boolean isFinal;

    TypeInfo(String fq, Path file, Names names, boolean isInterface) {
      this.fq = fq;
      this.file = file;
      this.names = names;
      this.isInterface = isInterface;
    }
  }

  private final Map<String, TypeInfo> types = new ConcurrentHashMap<>();

  /** Compiled types outside the tree: the JDK's, and the class path's when there is one. */
  final JdkTypes classes;

  TreeIndex(JdkTypes classes) {
    this.classes = classes;
  }
  private final Set<String> packages = ConcurrentHashMap.newKeySet();

  /** The names of each indexed file, made once: resolving them again per use walked the unit. */
  private final Map<Path, Names> namesByFile = new ConcurrentHashMap<>();

  /** The names of an indexed file, or null for a file the index has not seen. */
  Names names(Path file) {
    return namesByFile.get(file);
  }

  TypeInfo type(String fq) {
    return fq == null ? null : types.get(fq);
  }

  boolean isTreeType(String fq) {
    return types.containsKey(fq);
  }

  /** Records every type of one parsed file. */
  void add(Path file, CompilationUnit cu) {
    Names names = Names.of(cu, this);
    namesByFile.put(file, names);
    String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    packages.add(pkg);
    for (TypeDeclaration<?> t : cu.getTypes()) {
      addType(file, names, t, pkg.isEmpty() ? t.getNameAsString() : pkg + "." + t.getNameAsString());
    }
  }

  private void addType(Path file, Names names, TypeDeclaration<?> t, String fq) {
    boolean isInterface = t instanceof ClassOrInterfaceDeclaration c && c.isInterface();
    TypeInfo info = new TypeInfo(fq, file, names, isInterface);
    info.isFinal = !(t instanceof ClassOrInterfaceDeclaration) || ((ClassOrInterfaceDeclaration) t).isFinal();
    if (t instanceof ClassOrInterfaceDeclaration c) {
      for (ClassOrInterfaceType s : c.getExtendedTypes()) {
        info.rawSupertypes.add(s.getNameWithScope());
      }
      for (ClassOrInterfaceType s : c.getImplementedTypes()) {
        info.rawSupertypes.add(s.getNameWithScope());
      }
    } else if (t instanceof EnumDeclaration e) {
      for (ClassOrInterfaceType s : e.getImplementedTypes()) {
        info.rawSupertypes.add(s.getNameWithScope());
      }
    } else if (t instanceof RecordDeclaration r) {
      for (ClassOrInterfaceType s : r.getImplementedTypes()) {
        info.rawSupertypes.add(s.getNameWithScope());
      }
      // each component is a private field and, unless the record declares it, an accessor that
      // returns that field (its summary: see SourceTree#summary)
      for (Parameter component : r.getParameters()) {
        String name = component.getNameAsString();
        info.fields.put(name, Names.written(component.getType()));
        boolean declared = r.getMethodsByName(name).stream().anyMatch(m -> m.getParameters().isEmpty());
        if (!declared) {
          addAccessor(info, names, component);
        }
      }
    }
    for (BodyDeclaration<?> m : t.getMembers()) {
      if (m instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          info.fields.put(v.getNameAsString(), Names.written(v.getType()));
        }
      } else if (m instanceof MethodDeclaration md) {
        boolean overridable = !md.isStatic() && !md.isPrivate() && !md.isFinal() && !info.isFinal;
        addMethod(
            info, names, md, md.getNameAsString(), Names.written(md.getType()), md.getBody().isPresent(),
            overridable, md.isStatic());
      } else if (m instanceof ConstructorDeclaration cd) {
        addMethod(info, names, cd, "<init>", fq, true, false, false);
      } else if (m instanceof TypeDeclaration<?> nested) {
        addType(file, names, nested, fq + "$" + nested.getNameAsString());
      }
    }
    types.put(fq, info);
    addAnonymousClasses(file, names, t, fq);
  }

  /** The nearest type declaration around {@code n} (anonymous classes do not count). */
  static TypeDeclaration<?> nearestType(com.github.javaparser.ast.Node n) {
    for (com.github.javaparser.ast.Node p = n.getParentNode().orElse(null); p != null;
        p = p.getParentNode().orElse(null)) {
      if (p instanceof TypeDeclaration<?> t) {
        return t;
      }
    }
    return null;
  }

  /** The index's name of an anonymous class written in a body of type {@code fq}. */
  static String anonymousName(String fq, ObjectCreationExpr oc) {
    return fq + "$anonymous@" + oc.getBegin().map(p -> p.line + ":" + p.column).orElse("?");
  }

  /**
   * The anonymous classes in the bodies of {@code t} (outside its member types), each as a type of
   * its own whose only supertype is the one it instantiates: their methods are overrides that a
   * call on that supertype may run, as for a compiler.
   */
  private void addAnonymousClasses(Path file, Names names, TypeDeclaration<?> t, String fq) {
    for (BodyDeclaration<?> m : t.getMembers()) {
      if (m instanceof TypeDeclaration<?>) {
        continue;
      }
      // classes declared in a method body are types of their own too (named as Names does)
      for (com.github.javaparser.ast.stmt.LocalClassDeclarationStmt lc
          : Nodes.findAll(m, com.github.javaparser.ast.stmt.LocalClassDeclarationStmt.class)) {
        if (nearestType(lc) == t) {
          addType(file, names, lc.getClassDeclaration(), names.binaryName(lc.getClassDeclaration()));
        }
      }
      for (com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt lr
          : Nodes.findAll(m, com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt.class)) {
        if (nearestType(lr) == t) {
          addType(file, names, lr.getRecordDeclaration(), names.binaryName(lr.getRecordDeclaration()));
        }
      }
      for (ObjectCreationExpr oc : Nodes.findAll(m, ObjectCreationExpr.class)) {
        if (oc.getAnonymousClassBody().isEmpty() || oc.getBegin().isEmpty() || nearestType(oc) != t) {
          continue;
        }
        String anon = anonymousName(fq, oc);
        TypeInfo info = new TypeInfo(anon, file, names, false);
        info.isFinal = true;
        info.rawSupertypes.add(oc.getType().getNameWithScope());
        for (BodyDeclaration<?> b : oc.getAnonymousClassBody().get()) {
          if (b instanceof MethodDeclaration md) {
            addMethod(
                info, names, md, md.getNameAsString(), Names.written(md.getType()), md.getBody().isPresent(),
                false, md.isStatic());
          }
        }
        types.put(anon, info);
      }
    }
  }

  private static void addMethod(
      TypeInfo info,
      Names names,
      CallableDeclaration<?> d,
      String name,
      String returnType,
      boolean hasBody,
      boolean overridable,
      boolean isStatic) {
    List<String> params = new ArrayList<>();
    List<Set<String>> paramAnnotations = new ArrayList<>();
    List<String> paramNames = new ArrayList<>();
    boolean varArgs = false;
    for (Parameter p : d.getParameters()) {
      paramNames.add(p.getNameAsString());
      String t = Names.written(p.getType());
      if (p.isVarArgs()) {
        t = t + "[]";
        varArgs = true;
      }
      params.add(t);
      paramAnnotations.add(annotationNames(p.getAnnotations()));
    }
    // <T> T castNonNull(T ref): the result has the type of the argument given for ref
    int resultTypeOfParam = -1;
    for (com.github.javaparser.ast.type.TypeParameter tp : d.getTypeParameters()) {
      if (tp.getNameAsString().equals(returnType) && resultTypeOfParam < 0) {
        resultTypeOfParam = params.indexOf(returnType);
      }
    }
    List<String> throwsTypes = new ArrayList<>();
    for (ReferenceType r : d.getThrownExceptions()) {
      throwsTypes.add(Names.written(r));
    }
    int line = d.getBegin().map(p -> p.line).orElse(0);
    int column = d.getBegin().map(p -> p.column).orElse(0);
    info.methods
        .computeIfAbsent(name, k -> new ArrayList<>())
        .add(
            new MethodInfo(
                info.fq,
                name,
                names,
                params,
                returnType,
                throwsTypes,
                annotationNames(d.getAnnotations()),
                paramAnnotations,
                paramNames,
                resultTypeOfParam,
                varArgs,
                hasBody,
                overridable,
                isStatic,
                info.file,
                line,
                column,
                MethodInfo.keyOf(info.file, line, column)));
  }

  /**
   * The accessor a record has for a component it does not declare a method for: no parameters,
   * the component's type, at the component's position (where {@link SourceTree} finds it again).
   */
  private static void addAccessor(TypeInfo info, Names names, Parameter component) {
    info.methods
        .computeIfAbsent(component.getNameAsString(), k -> new ArrayList<>())
        .add(
            new MethodInfo(
                info.fq,
                component.getNameAsString(),
                names,
                List.of(),
                Names.written(component.getType()),
                List.of(),
                Set.of(),
                List.of(),
                List.of(),
                -1,
                false,
                true,
                false,
                false,
                info.file,
                component.getBegin().map(p -> p.line).orElse(0),
                component.getBegin().map(p -> p.column).orElse(0),
                MethodInfo.keyOf(
                    info.file,
                    component.getBegin().map(p -> p.line).orElse(0),
                    component.getBegin().map(p -> p.column).orElse(0))));
  }

  static Set<String> annotationNames(List<AnnotationExpr> annotations) {
    Set<String> out = new LinkedHashSet<>();
    for (AnnotationExpr a : annotations) {
      String n = a.getNameAsString();
      out.add(n.substring(n.lastIndexOf('.') + 1));
    }
    return out;
  }

  /** The type and its supertypes (tree types resolved in their own file; JDK types by reflection). */
  List<String> closure(String fq) {
    if (!complete || fq == null) {
      return computeClosure(fq);
    }
    // asked several times for every call, type test and field lookup: made once per type
    List<String> c = closures.get(fq);
    if (c == null) {
      c = List.copyOf(computeClosure(fq));
      closures.putIfAbsent(fq, c);
    }
    return c;
  }

  /**
   * The supertypes a type names itself (its superclass first, as written), resolved; for a type not
   * in the tree, its closure without itself.
   */
  List<String> directSupertypes(String fq) {
    TypeInfo t = fq == null ? null : types.get(fq);
    if (t == null) {
      List<String> all = closure(fq);
      return all.isEmpty() ? List.of() : all.subList(1, all.size());
    }
    List<String> out = new ArrayList<>();
    for (String raw : t.rawSupertypes) {
      String resolved = t.names.resolve(raw);
      if (resolved != null) {
        out.add(resolved);
      }
    }
    return out;
  }

  private List<String> computeClosure(String fq) {
    LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
    closure(fq, out);
    return new ArrayList<>(out.keySet());
  }

  /** Closures by type, kept once every file is indexed (they cannot change then). */
  private final Map<String, List<String>> closures = new ConcurrentHashMap<>();

  private volatile boolean complete;

  /** Every file of the tree is indexed: what is derived from the index from now on may be kept. */
  void complete() {
    complete = true;
  }

  private void closure(String fq, Map<String, Boolean> out) {
    if (fq == null || out.containsKey(fq)) {
      return;
    }
    out.put(fq, true);
    TypeInfo t = types.get(fq);
    if (t != null) {
      for (String raw : t.rawSupertypes) {
        closure(t.names.resolve(raw), out);
      }
      return;
    }
    Class<?> c = classes.load(fq);
    if (c != null) {
      for (String s : JdkTypes.closure(c)) {
        out.put(s, true);
      }
    }
  }

  /**
   * The bodies a call of {@code name} with {@code arity} arguments on a receiver of static type
   * {@code fq} may run, besides the one it resolves to: the methods of that name and arity that
   * the tree's subtypes of {@code fq} declare with a body (overrides, implementations of an
   * interface method, whether or not {@code fq} itself is in the tree).
   */
  List<MethodInfo> overrides(String fq, String name, int arity) {
    if (fq == null) {
      return List.of();
    }
    // asked for every call that may run other bodies, and one on an interface the tree implements
    // often looks through thousands of subtypes
    return kept(overridesKept, fq, name, arity, this::findOverrides);
  }

  /** What {@code find} answers, kept in {@code answers} once every file is indexed. */
  private List<MethodInfo> kept(
      Map<Query, List<MethodInfo>> answers, String fq, String name, int arity, Lookup find) {
    if (!complete) {
      return find.find(fq, name, arity);
    }
    Query q = new Query(fq, name, arity);
    List<MethodInfo> kept = answers.get(q);
    if (kept == null) {
      kept = List.copyOf(find.find(fq, name, arity));
      answers.putIfAbsent(q, kept);
    }
    return kept;
  }

  /** A lookup of the methods of a name and arity in or below a type. */
  private interface Lookup {
    List<MethodInfo> find(String fq, String name, int arity);
  }

  /** A lookup of the methods of a name and arity in or below a type, as a key of the answers kept. */
  private record Query(String fq, String name, int arity) {
    // written out: the generated ones dispatch through method handles, slow under C1
    @Override
    public boolean equals(Object o) {
      return o instanceof Query q && q.arity == arity && q.name.equals(name) && java.util.Objects.equals(q.fq, fq);
    }

    @Override
    public int hashCode() {
      return (31 * java.util.Objects.hashCode(fq) + name.hashCode()) * 31 + arity;
    }
  }

  /** The answers of {@link #overrides} and {@link #methods}, kept once every file is indexed. */
  private final Map<Query, List<MethodInfo>> overridesKept = new ConcurrentHashMap<>();

  private final Map<Query, List<MethodInfo>> methodsKept = new ConcurrentHashMap<>();

  private List<MethodInfo> findOverrides(String fq, String name, int arity) {
    List<MethodInfo> out = new ArrayList<>();
    for (String sub : subtypes().getOrDefault(fq, List.of())) {
      TypeInfo t = types.get(sub);
      for (MethodInfo m : t.methods.getOrDefault(name, List.of())) {
        int n = m.rawParamTypes().size();
        if (m.hasBody() && !m.isStatic() && (n == arity || (m.varArgs() && arity >= n - 1))) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private volatile Map<String, List<String>> subtypes;

  /** Every tree type's proper subtypes in the tree, by supertype (tree or not), computed once. */
  private Map<String, List<String>> subtypes() {
    Map<String, List<String>> s = subtypes;
    if (s == null) {
      synchronized (this) {
        s = subtypes;
        if (s == null) {
          Map<String, List<String>> m = new HashMap<>();
          for (String t : new ArrayList<>(types.keySet())) {
            for (String sup : closure(t)) {
              if (!sup.equals(t)) {
                m.computeIfAbsent(sup, k -> new ArrayList<>()).add(t);
              }
            }
          }
          subtypes = s = m;
        }
      }
    }
    return s;
  }

  /** Methods of a tree type (and its tree supertypes) with this name and arity. */
  List<MethodInfo> methods(String fq, String name, int arity) {
    return kept(methodsKept, fq, name, arity, this::findMethods);
  }

  private List<MethodInfo> findMethods(String fq, String name, int arity) {
    List<MethodInfo> out = new ArrayList<>();
    for (String s : closure(fq)) {
      TypeInfo t = types.get(s);
      if (t == null) {
        continue;
      }
      for (MethodInfo m : t.methods.getOrDefault(name, List.of())) {
        int n = m.rawParamTypes().size();
        if (n == arity || (m.varArgs() && arity >= n - 1)) {
          out.add(m);
        }
      }
    }
    return out;
  }
}
