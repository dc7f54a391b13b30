package dev.leakguard.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.ResourceKind;
import dev.leakguard.core.model.ResourceModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Type and model questions about javac symbols, answered once per compilation unit. */
final class Facts {
  final VisitorState state;
  final ResourceModel model;
  final Types types;
  private final Map<Symbol.TypeSymbol, Optional<ResourceKind>> kinds = new HashMap<>();
  private final Map<String, Type> typeByName = new HashMap<>();
  // Asked for every call the analysis lowers, with the same answers for the same symbol: kept.
  private final Map<MethodSymbol, List<MethodRule>> rulesOf = new HashMap<>();
  private final Map<MethodSymbol, List<String>> checkedThrowsOf = new HashMap<>();
  private final Map<Symbol.TypeSymbol, Boolean> collections = new HashMap<>();
  private final Map<Symbol.ClassSymbol, String> classNames = new HashMap<>();
  private final Map<Symbol, Set<AnnotationRole>> rolesOf = new HashMap<>();

  Facts(VisitorState state, ResourceModel model) {
    this.state = state;
    this.model = model;
    this.types = state.getTypes();
  }

  /** Erased fully qualified name of a type ("java.lang.String", "int", "java.lang.String[]"). */
  String name(Type t) {
    Type e = types.erasure(t);
    if (!e.hasTag(com.sun.tools.javac.code.TypeTag.ARRAY) && e.tsym instanceof Symbol.ClassSymbol cs) {
      // asked for every parameter of every call lowered: a javac name is decoded on each toString
      return classNames.computeIfAbsent(cs, c -> c.flatName().toString());
    }
    return erasedName(e, types);
  }

  /** As {@link #name(Type)}, for callers without a Facts. */
  static String erasedName(Type t, Types types) {
    Type e = types.erasure(t);
    if (e.hasTag(com.sun.tools.javac.code.TypeTag.ARRAY)) {
      return erasedName(((Type.ArrayType) e).elemtype, types) + "[]";
    }
    if (e.tsym instanceof Symbol.ClassSymbol cs) {
      return cs.flatName().toString(); // binary name: Outer$Inner, as model files spell it
    }
    return e.tsym == null ? e.toString() : e.tsym.getQualifiedName().toString();
  }

  /** The resource kind of a static type, or null. */
  ResourceKind kindOf(Type t) {
    if (t == null || t.isPrimitive() || t.tsym == null) {
      return null;
    }
    Symbol.TypeSymbol ts = types.erasure(t).tsym;
    Optional<ResourceKind> k = kinds.get(ts);
    if (k == null) {
      k = Optional.ofNullable(computeKind(t));
      kinds.put(ts, k);
    }
    return k.orElse(null);
  }

  private ResourceKind computeKind(Type t) {
    String self = name(t);
    List<String> supers = new ArrayList<>();
    for (Type s : types.closure(types.erasure(t))) {
      supers.add(name(s));
    }
    return model.resourceKindOf(self, supers);
  }

  boolean isAutoCloseable(Type t) {
    Type ac = type("java.lang.AutoCloseable");
    return t != null && ac != null && !t.isPrimitive() && types.isSubtype(types.erasure(t), ac);
  }

  /**
   * A collection, a map or a one-value holder (a ThreadLocal, an AtomicReference): what is put in
   * it goes where the holder goes.
   */
  boolean isCollection(Type t) {
    if (t == null || t.isPrimitive()) {
      return false;
    }
    Type erased = types.erasure(t);
    if (!erased.hasTag(com.sun.tools.javac.code.TypeTag.CLASS)) {
      return isHolder(erased);
    }
    // a class type's erasure is its symbol's: the answer is the symbol's
    Boolean known = collections.get(erased.tsym);
    if (known == null) {
      known = isHolder(erased);
      collections.put(erased.tsym, known);
    }
    return known;
  }

  private boolean isHolder(Type erased) {
    for (String name : dev.leakguard.core.analysis.CallEffects.HOLDER_TYPES) {
      Type c = type(name);
      if (c != null && types.isSubtype(erased, types.erasure(c))) {
        return true;
      }
    }
    return false;
  }

  Type type(String name) {
    // asked for every catch a throwing call may reach and every constructor lowered
    Type t = typeByName.get(name);
    if (t == null) {
      t = state.getTypeFromString(name);
      if (t != null) {
        typeByName.put(name, t);
      }
    }
    return t;
  }

  boolean isSubtype(String sub, String sup) {
    Type a = type(sub);
    Type b = type(sup);
    if (a == null || b == null) {
      return sub.equals(sup);
    }
    return types.isSubtype(types.erasure(a), types.erasure(b));
  }

  boolean isChecked(Type exc) {
    Type rte = type("java.lang.RuntimeException");
    Type err = type("java.lang.Error");
    return !(types.isSubtype(exc, rte) || types.isSubtype(exc, err));
  }

  /** Checked exception types a method declares, by name. */
  List<String> checkedThrows(MethodSymbol m) {
    List<String> known = checkedThrowsOf.get(m);
    if (known == null) {
      List<String> out = new ArrayList<>();
      for (Type t : m.getThrownTypes()) {
        if (isChecked(t)) {
          out.add(name(t));
        }
      }
      known = List.copyOf(out);
      checkedThrowsOf.put(m, known);
    }
    return known;
  }

  /** Model rules of a method: those of its declaring type and of every supertype. */
  List<MethodRule> rules(MethodSymbol m) {
    List<MethodRule> known = rulesOf.get(m);
    if (known == null) {
      known = List.copyOf(computeRules(m));
      rulesOf.put(m, known);
    }
    return known;
  }

  private List<MethodRule> computeRules(MethodSymbol m) {
    String mname = m.getSimpleName().toString();
    if (!model.methodNamesWithRules().contains(mname)) {
      return List.of();
    }
    List<String> params = new ArrayList<>();
    for (Symbol.VarSymbol p : m.getParameters()) {
      params.add(name(p.type));
    }
    Set<String> owners = new LinkedHashSet<>();
    Symbol.ClassSymbol owner = m.enclClass();
    owners.add(name(owner.type));
    for (Type s : types.closure(owner.type)) {
      owners.add(name(s));
    }
    List<MethodRule> out = new ArrayList<>();
    for (String o : owners) {
      if (model.ownersWithRules().contains(o)) {
        out.addAll(model.rules(o, mname, params));
        if (!out.isEmpty()) {
          break; // the most specific owner wins
        }
      }
    }
    return out;
  }

  /** Annotation roles on a symbol, by annotation simple name (unmodifiable). */
  Set<AnnotationRole> roles(Symbol s) {
    if (s == null) {
      return Set.of();
    }
    Set<AnnotationRole> known = rolesOf.get(s);
    if (known == null) {
      Set<AnnotationRole> out = EnumSet.noneOf(AnnotationRole.class);
      for (var a : s.getAnnotationMirrors()) {
        String simple = a.getAnnotationType().asElement().getSimpleName().toString();
        out.addAll(model.annotationRoles(simple));
      }
      known = Collections.unmodifiableSet(out);
      rolesOf.put(s, known);
    }
    return known;
  }

  /**
   * True if {@code n} is {@code this}: compared by identity, javac keeping one name object per name
   * in a compilation ({@code contentEquals} decodes the name on every call).
   */
  static boolean isThis(javax.lang.model.element.Name n) {
    return n instanceof com.sun.tools.javac.util.Name jn && jn == jn.table.names._this;
  }

  /** True if {@code n} is {@code super}, as {@link #isThis}. */
  static boolean isSuper(javax.lang.model.element.Name n) {
    return n instanceof com.sun.tools.javac.util.Name jn && jn == jn.table.names._super;
  }

  /** "Connection.prepareStatement(..)" for messages. */
  static String display(MethodSymbol m) {
    String owner = m.enclClass().getSimpleName().toString();
    if (m.isConstructor()) {
      return "new " + owner + "(..)";
    }
    return owner + "." + m.getSimpleName() + (m.getParameters().isEmpty() ? "()" : "(..)");
  }
}
