package dev.leakguard.verifier.junit;

import dev.leakguard.verifier.LeakExport;
import dev.leakguard.verifier.LeakMessages;
import dev.leakguard.verifier.LeakRecord;
import dev.leakguard.verifier.LeaksFoundError;
import dev.leakguard.verifier.VerifierPools;
import dev.leakguard.verifier.VerifyingDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Fails a test that leaves a JDBC resource open, and prints each leak with its kind and
 * acquisition site.
 *
 * <h2>Which verifiers are checked</h2>
 *
 * <ul>
 *   <li>A {@link VerifyingDataSource} parameter of a test or lifecycle method: the extension
 *       creates a verifier pool (HikariCP over in-memory H2, see {@link VerifierPool})
 *       and closes it at the end of the scope that asked first: a {@code @BeforeAll} parameter
 *       gives one pool to the whole class, a test or {@code @BeforeEach} parameter one per test.
 *   <li>Every field of type {@link VerifyingDataSource}, static or not, of the test instance, its
 *       superclasses and (for {@code @Nested}) enclosing instances: for a project that wraps its
 *       own pool.
 *   <li>Verifiers given to {@link #watching}, for {@code @RegisterExtension}.
 * </ul>
 *
 * <h2>When a test fails</h2>
 *
 * The decision is taken once, after the test and its {@code @AfterEach} methods, with no waiting
 * and no time threshold: a resource acquired since the test began (its {@code @BeforeEach}
 * included) and open now, or a statement left to its connection's close, is a leak. Resources
 * opened in {@code @BeforeAll} are checked the same way after {@code @AfterAll}. A leaking test
 * fails with {@link LeaksFoundError} unless it is marked {@link AllowLeaks}; either way the leaks
 * are printed, exported and, unless {@link VerifyNoLeaks#reclaim()} is false, closed so the next
 * test gets a full pool.
 *
 * <h2>Export</h2>
 *
 * Every leak found in the run is written, at the end of the run, to the file named by the
 * configuration parameter or system property {@value #EXPORT_FILE_PARAMETER} (default {@value
 * #DEFAULT_EXPORT_FILE}, {@code off} to disable) in the {@link LeakExport} format; a run without
 * leaks writes the header only.
 *
 * <p>Tests that share one verifier must not run in parallel: leaks are attributed to a test by
 * when their resource was acquired.
 */
public final class LeakCheckExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  /** Configuration parameter (or system property) naming the export file. */
  public static final String EXPORT_FILE_PARAMETER = "leakguard.export.file";

  /** The export file when the parameter is not set, relative to the working directory. */
  public static final String DEFAULT_EXPORT_FILE = "target/leakguard/runtime-leaks.tsv";

  private static final Namespace NAMESPACE = Namespace.create(LeakCheckExtension.class);
  private static final String POOL = "pool";
  private static final String MARKS = "marks";
  private static final String EXPORT = "export";
  private static final String REPORTED = "reported";

  private final List<Supplier<? extends VerifyingDataSource>> watched;

  /** The extension as registered by {@code @ExtendWith} or {@link VerifyNoLeaks}. */
  public LeakCheckExtension() {
    this(List.of());
  }

  private LeakCheckExtension(List<Supplier<? extends VerifyingDataSource>> watched) {
    this.watched = List.copyOf(watched);
  }

  /** An extension that also checks {@code verifiers}, for {@code @RegisterExtension}. */
  public static LeakCheckExtension watching(VerifyingDataSource... verifiers) {
    List<Supplier<? extends VerifyingDataSource>> suppliers = new ArrayList<>();
    for (VerifyingDataSource verifier : verifiers) {
      suppliers.add(() -> verifier);
    }
    return new LeakCheckExtension(suppliers);
  }

  /**
   * An extension that also checks the verifier {@code supplier} returns at each check (null:
   * nothing), for a verifier created later, e.g. by the application under test.
   */
  public static LeakCheckExtension watching(Supplier<? extends VerifyingDataSource> supplier) {
    return new LeakCheckExtension(List.of(supplier));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    export(context);
    context.getStore(NAMESPACE).put(MARKS, marks(context));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    export(context);
    context.getStore(NAMESPACE).put(MARKS, marks(context));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    check(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    check(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == VerifyingDataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Store store = context.getStore(NAMESPACE);
    PoolResource existing = store.get(POOL, PoolResource.class); // also looks in outer scopes
    if (existing != null) {
      return existing.verifier;
    }
    Optional<VerifierPool> settings = nearest(context, VerifierPool.class);
    int size = settings.map(VerifierPool::maximumPoolSize).orElse(3);
    long timeout = settings.map(VerifierPool::connectionTimeoutMillis).orElse(250L);
    int appFrames = settings.map(VerifierPool::appFrames).orElse(VerifyingDataSource.DEFAULT_APP_FRAMES);
    VerifyingDataSource verifier =
        VerifierPools.hikari(
            VerifierPools.h2HikariConfig(size, Duration.ofMillis(timeout)),
            builder -> builder.appFrames(appFrames));
    store.put(POOL, new PoolResource(verifier));
    return verifier;
  }

  private Map<VerifyingDataSource, Long> marks(ExtensionContext context) {
    Map<VerifyingDataSource, Long> marks = new IdentityHashMap<>();
    for (VerifyingDataSource verifier : verifiers(context)) {
      marks.put(verifier, verifier.mark());
    }
    return marks;
  }

  private void check(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    Map<VerifyingDataSource, Long> marks = context.getStore(NAMESPACE).get(MARKS, Map.class);
    Reported reported =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(REPORTED, key -> new Reported(), Reported.class);
    Map<VerifyingDataSource, List<LeakRecord>> found = new LinkedHashMap<>();
    List<LeakRecord> all = new ArrayList<>();
    for (VerifyingDataSource verifier : verifiers(context)) {
      long mark = marks == null ? 0 : marks.getOrDefault(verifier, 0L);
      List<LeakRecord> leaks = reported.unreported(verifier, verifier.leaksSince(mark));
      if (!leaks.isEmpty()) {
        found.put(verifier, leaks);
        all.addAll(leaks);
      }
    }
    if (all.isEmpty()) {
      return;
    }
    String where = describe(context);
    boolean allowed = nearest(context, AllowLeaks.class).isPresent();
    System.err.println(
        (allowed ? "LeakGuard (leaks allowed): " : "LeakGuard: ")
            + LeakMessages.failure(where, all));
    RunExport export = export(context);
    if (export != null) {
      export.add(all, testId(context));
    }
    boolean reclaim = nearest(context, VerifyNoLeaks.class).map(VerifyNoLeaks::reclaim).orElse(true);
    for (Map.Entry<VerifyingDataSource, List<LeakRecord>> entry : found.entrySet()) {
      if (reclaim) {
        entry.getKey().reclaim(entry.getValue());
      }
    }
    if (!allowed) {
      throw new LeaksFoundError(where, all);
    }
  }

  /** The verifiers this context can see, each once. */
  private List<VerifyingDataSource> verifiers(ExtensionContext context) {
    Set<VerifyingDataSource> found = Collections.newSetFromMap(new IdentityHashMap<>());
    List<VerifyingDataSource> ordered = new ArrayList<>();
    for (Supplier<? extends VerifyingDataSource> supplier : watched) {
      add(supplier.get(), found, ordered);
    }
    PoolResource pool = context.getStore(NAMESPACE).get(POOL, PoolResource.class);
    if (pool != null) {
      add(pool.verifier, found, ordered);
    }
    context
        .getTestInstances()
        .ifPresent(
            instances -> {
              for (Object instance : instances.getAllInstances()) {
                addFields(instance.getClass(), instance, found, ordered);
              }
            });
    for (Class<?> type = context.getTestClass().orElse(null);
        type != null;
        type = type.getEnclosingClass()) {
      addFields(type, null, found, ordered);
    }
    return ordered;
  }

  private static void addFields(
      Class<?> type, Object instance, Set<VerifyingDataSource> found, List<VerifyingDataSource> ordered) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(field.getModifiers());
        if (!VerifyingDataSource.class.isAssignableFrom(field.getType())
            || (instance == null && !isStatic)) {
          continue;
        }
        try {
          field.setAccessible(true);
          add((VerifyingDataSource) field.get(isStatic ? null : instance), found, ordered);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // an inaccessible field cannot hold the test's verifier
        }
      }
    }
  }

  private static void add(
      VerifyingDataSource verifier, Set<VerifyingDataSource> found, List<VerifyingDataSource> ordered) {
    if (verifier != null && found.add(verifier)) {
      ordered.add(verifier);
    }
  }

  private static <A extends Annotation> Optional<A> nearest(
      ExtensionContext context, Class<A> type) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Optional<AnnotatedElement> element = c.getElement();
      if (element.isPresent()) {
        Optional<A> found = AnnotationSupport.findAnnotation(element.get(), type);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String describe(ExtensionContext context) {
    String className = context.getTestClass().map(Class::getName).orElse(context.getDisplayName());
    return context.getTestMethod().isPresent()
        ? "test " + className + "#" + context.getTestMethod().get().getName()
        : "class " + className + " (@BeforeAll/@AfterAll)";
  }

  private static String testId(ExtensionContext context) {
    String className = context.getTestClass().map(Class::getName).orElse(context.getDisplayName());
    return context.getTestMethod().map(m -> className + "#" + m.getName()).orElse(className);
  }

  private static RunExport export(ExtensionContext context) {
    String file =
        context.getConfigurationParameter(EXPORT_FILE_PARAMETER).orElse(DEFAULT_EXPORT_FILE);
    if (file.isBlank() || file.equals("off")) {
      return null;
    }
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(EXPORT, key -> new RunExport(Path.of(file)), RunExport.class);
  }

  /**
   * A pool the extension created; closed with the scope that created it. JUnit 5.13 and later
   * close {@link AutoCloseable} store values; earlier versions only {@code CloseableResource}, so
   * both are implemented, and closing twice does nothing the second time.
   */
  @SuppressWarnings("deprecation") // CloseableResource: for JUnit before 5.13
  private static final class PoolResource implements Store.CloseableResource, AutoCloseable {
    final VerifyingDataSource verifier;
    private boolean closed;

    PoolResource(VerifyingDataSource verifier) {
      this.verifier = verifier;
    }

    @Override
    public synchronized void close() throws SQLException {
      if (!closed) {
        closed = true;
        verifier.reclaim();
        verifier.close();
      }
    }
  }

  /** The run's leaks, written when the run ends (both interfaces: see {@link PoolResource}). */
  @SuppressWarnings("deprecation") // CloseableResource: for JUnit before 5.13
  private static final class RunExport implements Store.CloseableResource, AutoCloseable {
    private final Path file;
    private final List<LeakExport.Row> rows = new ArrayList<>();

    RunExport(Path file) {
      this.file = file;
    }

    synchronized void add(List<LeakRecord> leaks, String test) {
      for (LeakRecord leak : leaks) {
        rows.add(LeakExport.Row.of(leak, test));
      }
    }

    @Override
    public synchronized void close() {
      try {
        LeakExport.write(file, rows);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the LeakGuard runtime export " + file, e);
      }
    }
  }

  /** Leaks already reported, so a class-level check does not report a test's leak again. */
  private static final class Reported {
    private final Map<VerifyingDataSource, Set<Long>> ids = new WeakHashMap<>();

    synchronized List<LeakRecord> unreported(VerifyingDataSource verifier, List<LeakRecord> leaks) {
      Set<Long> seen = ids.computeIfAbsent(verifier, v -> new java.util.HashSet<>());
      List<LeakRecord> fresh = new ArrayList<>();
      for (LeakRecord leak : leaks) {
        if (seen.add(leak.resource().id())) {
          fresh.add(leak);
        }
      }
      return fresh;
    }
  }
}
