package dev.leakguard.source;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the running JDK knows about its own types (java.*, javax.*): supertypes, methods, return
 * types and declared exceptions, read by reflection. This is how the source engine types JDBC
 * calls without a classpath. Only JDK packages are ever loaded.
 */
final class JdkTypes {
  private static final Map<String, Optional<Class<?>>> CLASSES = new ConcurrentHashMap<>();

  private JdkTypes() {}

  static boolean isJdkName(String fq) {
    return fq.startsWith("java.") || fq.startsWith("javax.");
  }

  static Class<?> load(String fq) {
    if (fq == null || !isJdkName(fq)) {
      return null;
    }
    return CLASSES.computeIfAbsent(fq, JdkTypes::tryLoad).orElse(null);
  }

  private static Optional<Class<?>> tryLoad(String fq) {
    try {
      return Optional.of(Class.forName(fq, false, ClassLoader.getPlatformClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** The class and all its supertypes, by binary name. */
  static List<String> closure(Class<?> c) {
    Set<String> out = new LinkedHashSet<>();
    collect(c, out);
    return new ArrayList<>(out);
  }

  private static void collect(Class<?> c, Set<String> out) {
    if (c == null || !out.add(c.getName())) {
      return;
    }
    collect(c.getSuperclass(), out);
    for (Class<?> i : c.getInterfaces()) {
      collect(i, out);
    }
  }

  /**
   * A public method of {@code c} with this name and arity; when several overloads fit, the one
   * whose parameter types match the known argument types (null = unknown) best.
   */
  static Method method(Class<?> c, String name, List<String> argTypes) {
    Method best = null;
    int bestScore = -1;
    for (Method m : c.getMethods()) {
      if (!m.getName().equals(name)) {
        continue;
      }
      Class<?>[] ps = m.getParameterTypes();
      if (ps.length != argTypes.size() && !(m.isVarArgs() && argTypes.size() >= ps.length - 1)) {
        continue;
      }
      int score = 0;
      for (int i = 0; i < Math.min(ps.length, argTypes.size()); i++) {
        String a = argTypes.get(i);
        if (a != null && a.equals(name(ps[i]))) {
          score += 2;
        } else if (a != null && isAssignable(a, ps[i])) {
          score += 1;
        }
      }
      if (ps.length == argTypes.size()) {
        score += 1;
      }
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best;
  }

  /** The constructor of {@code c} that best fits the argument types (null entries unknown), or null. */
  static java.lang.reflect.Constructor<?> constructor(Class<?> c, List<String> argTypes) {
    java.lang.reflect.Constructor<?> best = null;
    int bestScore = -1;
    for (java.lang.reflect.Constructor<?> k : c.getConstructors()) {
      Class<?>[] ps = k.getParameterTypes();
      if (ps.length != argTypes.size()) {
        continue;
      }
      int score = 0;
      for (int i = 0; i < ps.length; i++) {
        String a = argTypes.get(i);
        if (a != null && a.equals(name(ps[i]))) {
          score += 2;
        } else if (a != null && isAssignable(a, ps[i])) {
          score += 1;
        } else if (a != null) {
          score -= 4; // a known argument that does not fit: not this overload
        }
      }
      if (score > bestScore) {
        best = k;
        bestScore = score;
      }
    }
    return best;
  }

  private static boolean isAssignable(String argType, Class<?> param) {
    Class<?> a = load(argType);
    return a != null && param.isAssignableFrom(a);
  }

  /** Model spelling of a type: binary name, arrays as T[]. */
  static String name(Class<?> c) {
    if (c.isArray()) {
      return name(c.getComponentType()) + "[]";
    }
    return c.getName();
  }

  static List<String> paramTypes(Method m) {
    List<String> out = new ArrayList<>();
    for (Class<?> p : m.getParameterTypes()) {
      out.add(name(p));
    }
    return out;
  }

  static List<String> checkedExceptions(Method m) {
    List<String> out = new ArrayList<>();
    for (Class<?> e : m.getExceptionTypes()) {
      if (!RuntimeException.class.isAssignableFrom(e) && !Error.class.isAssignableFrom(e)) {
        out.add(e.getName());
      }
    }
    return out;
  }
}
