package dev.leakguard.source;

import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What compiled classes say about their types: supertypes, methods, return types and declared
 * exceptions, read by reflection without initialising anything. The running JDK's own types
 * (java.*, javax.*) are always known: that is how the source engine types JDBC calls with no class
 * path. With a class path (the project's dependencies), library types are known too, so a call
 * into a library resolves to what it declares, as it does for a compiler. A class that cannot be
 * loaded or linked (a missing optional dependency) is simply unknown.
 */
final class JdkTypes {
  /** The running JDK's types only. */
  static final JdkTypes PLATFORM = new JdkTypes(null);

  private static final Map<String, Optional<Class<?>>> PLATFORM_CLASSES = new ConcurrentHashMap<>();

  /** Loads the class path's classes (parent: the platform loader); null for the JDK only. */
  private final ClassLoader libraries;

  /** The class path's jars and class directories that exist (empty for the JDK only). */
  private final List<Path> classPath;

  private final Map<String, Optional<Class<?>>> libraryClasses = new ConcurrentHashMap<>();

  private final Map<String, List<String>> modulePackages = new ConcurrentHashMap<>();

  private JdkTypes(ClassLoader libraries) {
    this(libraries, List.of());
  }

  private JdkTypes(ClassLoader libraries, List<Path> classPath) {
    this.libraries = libraries;
    this.classPath = classPath;
  }

  /**
   * The JDK's types and those of the given class path entries (jars and class directories);
   * {@link #PLATFORM} for an empty class path. Entries that do not exist are ignored.
   */
  static JdkTypes withClassPath(List<Path> classPath) {
    List<URL> urls = new ArrayList<>();
    List<Path> existing = new ArrayList<>();
    for (Path p : classPath) {
      if (Files.exists(p)) {
        try {
          urls.add(p.toUri().toURL());
          existing.add(p);
        } catch (MalformedURLException e) {
          // not a location a class loader can read: its classes stay unknown
        }
      }
    }
    if (urls.isEmpty()) {
      return PLATFORM;
    }
    return new JdkTypes(new URLClassLoader("leakguard-classpath", urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader()), List.copyOf(existing));
  }

  /**
   * The packages that {@code import module name;} imports: those the module exports to everyone,
   * and those of the modules it requires transitively. The module is one of the running JDK's, or
   * one of the class path (a jar with a module descriptor, or an automatic module); an unknown
   * module imports nothing.
   */
  List<String> modulePackages(String name) {
    return modulePackages.computeIfAbsent(name, n -> {
      Set<String> out = new LinkedHashSet<>();
      collectPackages(n, out, new java.util.HashSet<>());
      return List.copyOf(out);
    });
  }

  private void collectPackages(String name, Set<String> out, Set<String> seen) {
    if (!seen.add(name)) {
      return;
    }
    java.lang.module.ModuleDescriptor d = ModuleLayer.boot().findModule(name).map(Module::getDescriptor).orElse(null);
    if (d == null && !classPath.isEmpty()) {
      try {
        d = java.lang.module.ModuleFinder.of(classPath.toArray(Path[]::new)).find(name)
            .map(java.lang.module.ModuleReference::descriptor).orElse(null);
      } catch (RuntimeException e) {
        // a jar whose module cannot be read (FindException): its packages stay unknown
      }
    }
    if (d == null) {
      return;
    }
    if (d.isAutomatic()) {
      out.addAll(d.packages());
    }
    for (java.lang.module.ModuleDescriptor.Exports e : d.exports()) {
      if (!e.isQualified()) {
        out.add(e.source());
      }
    }
    for (java.lang.module.ModuleDescriptor.Requires r : d.requires()) {
      if (r.modifiers().contains(java.lang.module.ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
        collectPackages(r.name(), out, seen);
      }
    }
  }

  static boolean isJdkName(String fq) {
    return fq.startsWith("java.") || fq.startsWith("javax.");
  }

  /** The class of this binary name, a JDK one or (with a class path) a library one; null if unknown. */
  Class<?> load(String fq) {
    if (fq == null) {
      return null;
    }
    if (isJdkName(fq)) {
      Class<?> c = PLATFORM_CLASSES.computeIfAbsent(fq, n -> tryLoad(n, ClassLoader.getPlatformClassLoader())).orElse(null);
      if (c != null || libraries == null) {
        return c; // javax.* of a library (javax.persistence) may still come from the class path
      }
    } else if (libraries == null) {
      return null;
    }
    return libraryClasses.computeIfAbsent(fq, n -> tryLoad(n, libraries)).orElse(null);
  }

  private static Optional<Class<?>> tryLoad(String fq, ClassLoader loader) {
    try {
      return Optional.of(Class.forName(fq, false, loader));
    } catch (ClassNotFoundException | LinkageError | SecurityException e) {
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
    try {
      collect(c.getSuperclass(), out);
      for (Class<?> i : c.getInterfaces()) {
        collect(i, out);
      }
    } catch (LinkageError e) {
      // a supertype that cannot be loaded: the closure stops there
    }
  }

  /**
   * A public method of {@code c} with this name and arity; when several overloads fit, the one
   * whose parameter types match the known argument types (null = unknown) best.
   */
  Method method(Class<?> c, String name, List<String> argTypes) {
    Method best = null;
    int bestScore = -1;
    for (Method m : methods(c)) {
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
  java.lang.reflect.Constructor<?> constructor(Class<?> c, List<String> argTypes) {
    java.lang.reflect.Constructor<?> best = null;
    int bestScore = -1;
    for (java.lang.reflect.Constructor<?> k : constructors(c)) {
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

  private boolean isAssignable(String argType, Class<?> param) {
    Class<?> a = load(argType);
    return a != null && param.isAssignableFrom(a);
  }

  /**
   * The public methods, none if a class of their signatures cannot be loaded; asked for every call
   * on a JDK or library type, and {@link Class#getMethods} copies every method each time: kept per
   * class (in the order it gives them, which decides between equally good overloads).
   */
  private static Method[] methods(Class<?> c) {
    return METHODS.get(c);
  }

  private static final ClassValue<Method[]> METHODS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> c) {
          try {
            return c.getMethods();
          } catch (LinkageError | SecurityException e) {
            return new Method[0];
          }
        }
      };

  private static java.lang.reflect.Constructor<?>[] constructors(Class<?> c) {
    try {
      return c.getConstructors();
    } catch (LinkageError | SecurityException e) {
      return new java.lang.reflect.Constructor<?>[0];
    }
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

  /**
   * The index of the parameter whose type is the method's type variable that is also its result
   * type ({@code <T> T requireNonNull(T obj)}), or -1.
   */
  static int resultTypeOfParam(java.lang.reflect.Method m) {
    if (m.getGenericReturnType() instanceof java.lang.reflect.TypeVariable<?> tv
        && tv.getGenericDeclaration() == m) {
      java.lang.reflect.Type[] params = m.getGenericParameterTypes();
      for (int i = 0; i < params.length; i++) {
        if (tv.equals(params[i])) {
          return i;
        }
      }
    }
    return -1;
  }
}
