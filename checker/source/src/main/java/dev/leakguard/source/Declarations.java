package dev.leakguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.leakguard.core.pool.Pool;
import dev.leakguard.core.pool.PoolSetters;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the names written in one file refer to, with Java's scoping and without a classpath: the
 * local variable, parameter or field a simple name denotes, the classes of the file (named,
 * local and anonymous) with their resolved supertypes, fields and methods. A name that may be
 * inherited from a class outside the source tree is unknown, never guessed.
 */
final class Declarations {

  /** What a name denotes. */
  enum Kind {
    /** A local variable, parameter or pattern variable. */
    LOCAL,
    /** A field of a class of the file or of the tree. */
    FIELD,
    /** Something may be declared under this name where the engine cannot see it. */
    UNKNOWN
  }

  /**
   * A declaration.
   *
   * @param kind local, field or unknown
   * @param node the declaring node (declarator, parameter, pattern), null when not in this file
   * @param type the declared type's binary name, null when not known ({@code var} without an
   *     object creation, an untyped lambda parameter)
   * @param owner for a field of this file, the class that declares it (a type declaration or an
   *     anonymous class's creation expression); null otherwise
   * @param isStatic a static field (or an interface's constant)
   * @param isFinal a final field (or an interface's constant)
   * @param init the field's initialiser, if it has one in this file
   */
  record Decl(Kind kind, Node node, String type, Node owner, boolean isStatic, boolean isFinal, Expression init) {
    static final Decl UNKNOWN_NAME = new Decl(Kind.UNKNOWN, null, null, null, false, false, null);
  }

  /** Whether a class has a method of a given name. */
  enum Has {
    YES,
    NO,
    UNKNOWN
  }

  private final Names names;
  private final TreeIndex index;
  private final Map<String, TypeDeclaration<?>> byName = new HashMap<>();
  private final Map<Node, List<String>> supertypes = new IdentityHashMap<>();

  Declarations(Names names, TreeIndex index, CompilationUnit cu) {
    this.names = names;
    this.index = index;
    for (TypeDeclaration<?> t : UnitFacts.of(cu).types) {
      byName.putIfAbsent(names.binaryName(t), t);
    }
  }

  Names names() {
    return names;
  }

  // ---------------------------------------------------------------- classes

  /** Whether {@code n} is a class: a type declaration, or an object creation with a class body. */
  static boolean isClass(Node n) {
    return n instanceof TypeDeclaration<?> || (n instanceof ObjectCreationExpr oc && oc.getAnonymousClassBody().isPresent());
  }

  /** The classes around {@code at}, innermost first; an anonymous class counts when {@code at} is in its body. */
  static List<Node> enclosingClasses(Node at) {
    List<Node> out = new ArrayList<>();
    Node child = at;
    for (Node n = at.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?>) {
        out.add(n);
      } else if (n instanceof ObjectCreationExpr oc && inBody(oc, child)) {
        out.add(n);
      }
    }
    return out;
  }

  /** Whether {@code child} is a member of the anonymous class body of {@code oc}. */
  static boolean inBody(ObjectCreationExpr oc, Node child) {
    if (oc.getAnonymousClassBody().isEmpty()) {
      return false;
    }
    for (BodyDeclaration<?> m : oc.getAnonymousClassBody().get()) {
      if (m == child) {
        return true;
      }
    }
    return false;
  }

  /** The class of this file with this binary name, or null. */
  TypeDeclaration<?> declaredClass(String fq) {
    return fq == null ? null : byName.get(fq);
  }

  /** Binary name of a class node; anonymous classes get a name no other type has. */
  String nameOf(Node classNode) {
    if (classNode instanceof TypeDeclaration<?> t) {
      return names.binaryName(t);
    }
    return "?anonymous@" + classNode.getBegin().map(p -> p.line + ":" + p.column).orElse("");
  }

  /** The direct supertypes of a class node (extends and implements), resolved where they are written. */
  List<String> supertypes(Node classNode) {
    // not computeIfAbsent: resolving a supertype's name may ask for other supertypes
    List<String> r = supertypes.get(classNode);
    if (r == null) {
      r = computeSupertypes(classNode);
      supertypes.put(classNode, r);
    }
    return r;
  }

  private List<String> computeSupertypes(Node classNode) {
    List<ClassOrInterfaceType> written = new ArrayList<>();
    if (classNode instanceof ClassOrInterfaceDeclaration c) {
      written.addAll(c.getExtendedTypes());
      written.addAll(c.getImplementedTypes());
    } else if (classNode instanceof EnumDeclaration e) {
      written.addAll(e.getImplementedTypes());
    } else if (classNode instanceof RecordDeclaration r) {
      written.addAll(r.getImplementedTypes());
    } else if (classNode instanceof ObjectCreationExpr oc) {
      written.add(oc.getType());
    }
    List<String> out = new ArrayList<>();
    for (ClassOrInterfaceType t : written) {
      String fq = names.resolveAt(t.getNameWithScope(), t);
      if (fq != null) {
        out.add(fq);
      } else {
        out.add("?" + t.getNameWithScope());
      }
    }
    return out;
  }

  /** The pool whose settings objects of type {@code fq} carry (the type or a supertype is a pool type), or null. */
  Pool poolOfType(String fq) {
    return poolOfType(fq, new HashSet<>());
  }

  /** The pool of a class node (a subclass of a pool type), or null. */
  Pool poolOfClass(Node classNode) {
    Set<String> seen = new HashSet<>();
    for (String s : supertypes(classNode)) {
      Pool p = poolOfType(s, seen);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private Pool poolOfType(String fq, Set<String> seen) {
    if (fq == null || !seen.add(fq)) {
      return null;
    }
    Pool p = PoolSetters.poolOf(fq);
    if (p != null) {
      return p;
    }
    TypeDeclaration<?> here = declaredClass(fq);
    if (here != null) {
      for (String s : supertypes(here)) {
        Pool q = poolOfType(s, seen);
        if (q != null) {
          return q;
        }
      }
      return null;
    }
    for (String s : index.closure(fq)) {
      Pool q = PoolSetters.poolOf(s);
      if (q != null) {
        return q;
      }
    }
    return null;
  }

  /** Whether the class node declares a method of this name itself (any arity). */
  static boolean declaresMethod(Node classNode, String name) {
    List<? extends BodyDeclaration<?>> members =
        classNode instanceof TypeDeclaration<?> t
            ? t.getMembers()
            : ((ObjectCreationExpr) classNode).getAnonymousClassBody().orElse(new NodeList<>());
    for (BodyDeclaration<?> m : members) {
      if (m instanceof MethodDeclaration md && md.getNameAsString().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether objects of type {@code fq} have a method of this name, as far as the engine can see. */
  Has hasMethod(String fq, String name) {
    return hasMethod(fq, name, new HashSet<>());
  }

  private Has hasMethod(String fq, String name, Set<String> seen) {
    if (fq == null || !seen.add(fq)) {
      return Has.NO;
    }
    TypeDeclaration<?> here = declaredClass(fq);
    if (here != null) {
      if (declaresMethod(here, name)) {
        return Has.YES;
      }
      Has result = Has.NO;
      for (String s : supertypes(here)) {
        Has h = hasMethod(s, name, seen);
        if (h == Has.YES) {
          return Has.YES;
        }
        if (h == Has.UNKNOWN) {
          result = Has.UNKNOWN;
        }
      }
      return result;
    }
    Has result = Has.NO;
    for (String s : index.closure(fq)) {
      TreeIndex.TypeInfo t = index.type(s);
      if (t != null) {
        if (t.methods.containsKey(name)) {
          return Has.YES;
        }
        continue;
      }
      Class<?> c = index.classes.load(s);
      if (c != null) {
        try {
          for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
              return Has.YES;
            }
          }
        } catch (LinkageError | SecurityException e) {
          result = Has.UNKNOWN;
        }
        continue;
      }
      result = Has.UNKNOWN; // a class outside the tree and the JDK: any method may be there
    }
    return result;
  }

  // ---------------------------------------------------------------- fields

  /** Field {@code name} of a class node: its own, then inherited; null when it has none; UNKNOWN when it may inherit one. */
  Decl field(Node classNode, String name) {
    return field(classNode, name, new HashSet<>());
  }

  private Decl field(Node classNode, String name, Set<String> seen) {
    if (!seen.add(nameOf(classNode))) {
      return null;
    }
    Decl own = ownField(classNode, name);
    if (own != null) {
      return own;
    }
    boolean unknown = false;
    for (String s : supertypes(classNode)) {
      Decl d = inheritedField(s, name, seen);
      if (d != null && d.kind() != Kind.UNKNOWN) {
        return d;
      }
      unknown |= d != null;
    }
    return unknown ? Decl.UNKNOWN_NAME : null;
  }

  private Decl inheritedField(String fq, String name, Set<String> seen) {
    TypeDeclaration<?> here = declaredClass(fq);
    if (here != null) {
      return field(here, name, seen);
    }
    if (PoolSetters.poolOf(fq) != null) {
      return null; // the pools' configuration classes expose no fields
    }
    boolean unknown = false;
    for (String s : index.closure(fq)) {
      if (!seen.add(s)) {
        continue;
      }
      TreeIndex.TypeInfo t = index.type(s);
      if (t != null) {
        String written = t.fields.get(name);
        if (written != null) {
          return new Decl(Kind.FIELD, null, t.names.resolveWritten(written), null, false, false, null);
        }
        continue;
      }
      Class<?> c = index.classes.load(s);
      if (c != null) {
        for (Field f : c.getDeclaredFields()) {
          if (f.getName().equals(name) && !Modifier.isPrivate(f.getModifiers())) {
            return new Decl(Kind.FIELD, null, JdkTypes.name(f.getType()), null, false, false, null);
          }
        }
        continue;
      }
      if (PoolSetters.poolOf(s) == null) {
        unknown = true;
      }
    }
    return unknown ? Decl.UNKNOWN_NAME : null;
  }

  private Decl ownField(Node classNode, String name) {
    boolean constants = classNode instanceof ClassOrInterfaceDeclaration c && c.isInterface()
        || classNode instanceof AnnotationDeclaration;
    List<? extends BodyDeclaration<?>> members =
        classNode instanceof TypeDeclaration<?> t
            ? t.getMembers()
            : ((ObjectCreationExpr) classNode).getAnonymousClassBody().orElse(new NodeList<>());
    for (BodyDeclaration<?> m : members) {
      if (m instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            return new Decl(
                Kind.FIELD,
                v,
                names.resolveAt(Names.written(v.getType()), v),
                classNode,
                constants || f.isStatic(),
                constants || f.isFinal(),
                v.getInitializer().orElse(null));
          }
        }
      }
    }
    if (classNode instanceof RecordDeclaration r) {
      for (Parameter p : r.getParameters()) {
        if (p.getNameAsString().equals(name)) {
          return new Decl(Kind.FIELD, p, names.resolveAt(Names.written(p.getType()), p), r, false, true, null);
        }
      }
    }
    if (classNode instanceof EnumDeclaration e) {
      for (EnumConstantDeclaration c : e.getEntries()) {
        if (c.getNameAsString().equals(name)) {
          return new Decl(Kind.FIELD, c, names.binaryName(e), e, true, true, null);
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- simple names

  /**
   * What the simple name {@code name} written at {@code at} denotes: the nearest local variable,
   * parameter or pattern variable in scope, else a field of the innermost class that has one.
   * Null when nothing of that name is in scope as far as the engine can tell (a type, a package,
   * a static import).
   */
  Decl lookup(String name, Node at) {
    Node child = at;
    for (Node n = at.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
      Decl d = inScopeAt(n, child, name);
      if (d != null) {
        return d;
      }
      if (isClass(n) && (n instanceof TypeDeclaration<?> || inBody((ObjectCreationExpr) n, child))) {
        if (bindsPattern(child, name)) {
          return Decl.UNKNOWN_NAME; // a pattern variable whose flow scope is not followed here
        }
        Decl f = field(n, name);
        if (f != null) {
          return f;
        }
      }
      if (n instanceof CompilationUnit) {
        break;
      }
    }
    return null;
  }

  /** A variable that node {@code n} puts in scope for its child {@code child}. */
  private Decl inScopeAt(Node n, Node child, String name) {
    if (n instanceof BlockStmt block) {
      return declaredBefore(block.getStatements(), child, name);
    }
    if (n instanceof SwitchEntry entry) {
      Decl d = declaredBefore(entry.getStatements(), child, name);
      if (d == null && !entry.getLabels().contains(child)) {
        // a pattern of the case label binds its variables in the guard and the body
        for (Expression label : entry.getLabels()) {
          d = patternVariable(label, name);
          if (d != null) {
            return d;
          }
        }
      }
      if (d != null || entry.getType() != SwitchEntry.Type.STATEMENT_GROUP) {
        return d;
      }
      // the statement groups of a switch share one block
      if (entry.getParentNode().orElse(null) instanceof SwitchStmt sw) {
        for (SwitchEntry e : sw.getEntries()) {
          if (e == entry) {
            break;
          }
          Decl earlier = declaredBefore(e.getStatements(), null, name);
          if (earlier != null) {
            return earlier;
          }
        }
      }
      return null;
    }
    if (n instanceof VariableDeclarationExpr vde) {
      for (VariableDeclarator v : vde.getVariables()) {
        if (v == child) {
          break;
        }
        if (v.getNameAsString().equals(name)) {
          return local(v);
        }
      }
      return null;
    }
    if (n instanceof ForStmt f) {
      for (Expression init : f.getInitialization()) {
        if (init == child) {
          return null;
        }
        if (init instanceof VariableDeclarationExpr vde) {
          for (VariableDeclarator v : vde.getVariables()) {
            if (v.getNameAsString().equals(name)) {
              return local(v);
            }
          }
        }
      }
      return null;
    }
    if (n instanceof ForEachStmt fe && child == fe.getBody()) {
      for (VariableDeclarator v : fe.getVariable().getVariables()) {
        if (v.getNameAsString().equals(name)) {
          return local(v);
        }
      }
      return null;
    }
    if (n instanceof TryStmt t) {
      // resources are in scope in the later resources and in the try block, not in catch or finally
      boolean inBlock = child == t.getTryBlock();
      for (Expression r : t.getResources()) {
        if (r == child) {
          break;
        }
        if (r instanceof VariableDeclarationExpr vde && (inBlock || isResourceOf(t, child))) {
          for (VariableDeclarator v : vde.getVariables()) {
            if (v.getNameAsString().equals(name)) {
              return local(v);
            }
          }
        }
      }
      return null;
    }
    if (n instanceof CatchClause c && child != c.getParameter()) {
      return c.getParameter().getNameAsString().equals(name) ? local(c.getParameter()) : null;
    }
    if (n instanceof LambdaExpr l) {
      for (Parameter p : l.getParameters()) {
        if (p.getNameAsString().equals(name)) {
          return local(p);
        }
      }
      return null;
    }
    if (n instanceof CallableDeclaration<?> c) {
      for (Parameter p : c.getParameters()) {
        if (p.getNameAsString().equals(name)) {
          return local(p);
        }
      }
      return null;
    }
    if (n instanceof IfStmt i && child == i.getThenStmt()) {
      return patternWhenTrue(i.getCondition(), name);
    }
    if (n instanceof WhileStmt w && child == w.getBody()) {
      return patternWhenTrue(w.getCondition(), name);
    }
    if (n instanceof ConditionalExpr c && child == c.getThenExpr()) {
      return patternWhenTrue(c.getCondition(), name);
    }
    if (n instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.AND && child == b.getRight()) {
      return patternWhenTrue(b.getLeft(), name);
    }
    return null;
  }

  private static boolean isResourceOf(TryStmt t, Node child) {
    for (Expression r : t.getResources()) {
      if (r == child) {
        return true;
      }
    }
    return false;
  }

  private Decl declaredBefore(List<Statement> statements, Node child, String name) {
    Decl found = null;
    for (Statement s : statements) {
      if (s == child) {
        break;
      }
      if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vde) {
        for (VariableDeclarator v : vde.getVariables()) {
          if (v.getNameAsString().equals(name)) {
            found = local(v);
          }
        }
      }
    }
    return found;
  }

  /** A pattern variable bound when {@code condition} is true: {@code x instanceof T t && ...}. */
  private Decl patternWhenTrue(Expression condition, String name) {
    Expression c = condition;
    while (c instanceof EnclosedExpr e) {
      c = e.getInner();
    }
    if (c instanceof InstanceOfExpr io && io.getPattern().isPresent()) {
      Decl d = patternVariable(io.getPattern().get(), name);
      if (d != null) {
        return d;
      }
    }
    if (c instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.AND) {
      Decl d = patternWhenTrue(b.getLeft(), name);
      return d != null ? d : patternWhenTrue(b.getRight(), name);
    }
    return null;
  }

  /**
   * The variable {@code name} of a pattern: a type pattern's, or a component's of a record pattern
   * ({@code Lease(Connection con)}), at any depth.
   */
  private Decl patternVariable(Expression pattern, String name) {
    if (pattern instanceof TypePatternExpr tp && tp.getNameAsString().equals(name)) {
      return local(tp);
    }
    if (pattern instanceof com.github.javaparser.ast.expr.RecordPatternExpr) {
      for (TypePatternExpr tp : Nodes.findAll(pattern, TypePatternExpr.class)) {
        if (tp.getNameAsString().equals(name)) {
          return local(tp);
        }
      }
    }
    return null;
  }

  private static boolean bindsPattern(Node member, String name) {
    for (TypePatternExpr p : Nodes.findAll(member, TypePatternExpr.class)) {
      if (p.getNameAsString().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private Decl local(Node declaration) {
    String type = null;
    if (declaration instanceof VariableDeclarator v) {
      if (v.getType().isVarType() || v.getType().asString().equals("var")) {
        Expression init = v.getInitializer().orElse(null);
        while (init instanceof EnclosedExpr e) {
          init = e.getInner();
        }
        if (init instanceof ObjectCreationExpr oc) {
          type = names.resolveAt(oc.getType().getNameWithScope(), oc.getType());
        } else if (init instanceof CastExpr c) {
          type = names.resolveAt(Names.written(c.getType()), c);
        }
      } else {
        type = names.resolveAt(Names.written(v.getType()), v);
      }
    } else if (declaration instanceof Parameter p) {
      if (!p.getType().isUnknownType() && !p.getType().isVarType()) {
        type = names.resolveAt(Names.written(p.getType()), p);
        if (type != null && p.isVarArgs()) {
          type = type + "[]";
        }
      }
    } else if (declaration instanceof TypePatternExpr tp) {
      type = names.resolveAt(Names.written(tp.getType()), tp);
    }
    return new Decl(Kind.LOCAL, declaration, type, null, false, false, null);
  }
}
