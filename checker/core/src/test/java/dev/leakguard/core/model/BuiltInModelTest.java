package dev.leakguard.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.leakguard.core.model.MethodRule.Acquire;
import dev.leakguard.core.model.MethodRule.BorrowOf;
import dev.leakguard.core.model.MethodRule.Parent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import javax.sql.RowSet;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.FilteredRowSet;
import javax.sql.rowset.JdbcRowSet;
import javax.sql.rowset.JoinRowSet;
import javax.sql.rowset.RowSetFactory;
import javax.sql.rowset.RowSetProvider;
import javax.sql.rowset.WebRowSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the built-in model: every entry names a real type or method of the library it is about
 * (resolved by reflection against the JDK and the test-scope libraries), every JDBC method that
 * returns a resource is covered, and the entries the analysis relies on are present.
 */
class BuiltInModelTest {
  private static final ResourceModel MODEL = ResourceModel.builtIn();

  // ------------------------------------------------------------------ reflection helpers

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, BuiltInModelTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no class " + name, e);
    }
  }

  /** All supertypes of {@code c}, nearest first, as front-ends walk them. */
  private static List<Class<?>> supertypes(Class<?> c) {
    Set<Class<?>> out = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(c);
    while (!todo.isEmpty()) {
      Class<?> t = todo.poll();
      if (t.getSuperclass() != null && out.add(t.getSuperclass())) {
        todo.add(t.getSuperclass());
      }
      for (Class<?> i : t.getInterfaces()) {
        if (out.add(i)) {
          todo.add(i);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static ResourceKind kindOf(Class<?> c) {
    List<String> names = supertypes(c).stream().map(Class::getName).collect(Collectors.toList());
    return MODEL.resourceKindOf(c.getName(), names);
  }

  private static List<String> params(Executable e) {
    return Arrays.stream(e.getParameterTypes()).map(Class::getTypeName).collect(Collectors.toList());
  }

  /** The rules a front-end finds for a call of {@code m}: declaring type, then supertypes. */
  private static List<MethodRule> rulesFor(Method m) {
    List<MethodRule> out = new ArrayList<>();
    Class<?> declaring = m.getDeclaringClass();
    List<Class<?>> types = new ArrayList<>();
    types.add(declaring);
    types.addAll(supertypes(declaring));
    for (Class<?> t : types) {
      out.addAll(MODEL.rules(t.getName(), m.getName(), params(m)));
    }
    return out;
  }

  private static List<MethodRule> rules(Class<?> owner, String name, Class<?>... params) {
    return MODEL.rules(owner.getName(), name,
        Arrays.stream(params).map(Class::getTypeName).collect(Collectors.toList()));
  }

  private static boolean declaresCheckedException(Executable e) {
    for (Class<?> x : e.getExceptionTypes()) {
      if (!RuntimeException.class.isAssignableFrom(x) && !Error.class.isAssignableFrom(x)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The public methods or constructors an entry names, declared by the owner itself: front-ends
   * look up the declaring type, so an entry on a type that only inherits the method would not be
   * found by every front-end.
   */
  private static List<Executable> resolve(MethodSig sig) {
    Class<?> owner = load(sig.owner());
    List<Executable> candidates = new ArrayList<>();
    if (sig.isConstructor()) {
      candidates.addAll(Arrays.asList(owner.getConstructors()));
    } else {
      for (Method m : owner.getDeclaredMethods()) {
        if (m.getName().equals(sig.name()) && Modifier.isPublic(m.getModifiers())
            && !m.isSynthetic() && !m.isBridge()) {
          candidates.add(m);
        }
      }
    }
    if (!sig.anyOverload()) {
      candidates.removeIf(e -> !params(e).equals(sig.paramTypes()));
    }
    return candidates;
  }

  // ------------------------------------------------------------------ every entry is real

  @TestFactory
  Stream<DynamicTest> everyMethodEntryResolvesToARealMethod() {
    return MODEL.entries().stream()
        .filter(e -> e.sig() != null)
        .map(e -> DynamicTest.dynamicTest(e.origin() + " " + e.text(), () -> checkEntry(e)));
  }

  private static void checkEntry(ResourceModel.Entry e) {
    MethodSig sig = e.sig();
    List<Executable> found = resolve(sig);
    assertFalse(found.isEmpty(), () -> e.origin() + ": " + sig + " names no public "
        + (sig.isConstructor() ? "constructor" : "method") + " declared in " + sig.owner());
    if (!sig.anyOverload()) {
      assertEquals(1, found.size(), sig.toString());
    }
    Class<?> owner = load(sig.owner());
    MethodRule rule = ruleOf(e);
    for (Executable x : found) {
      String where = e.origin() + " " + x;
      if (rule instanceof Acquire a) {
        Class<?> result = x instanceof Method m ? m.getReturnType() : owner;
        if (kindOf(result) == null) {
          // the entry is what makes it a resource (a Stream of rows): it must be closeable
          assertTrue(AutoCloseable.class.isAssignableFrom(result), where + ": result cannot be closed");
        } else {
          assertEquals(a.kind(), kindOf(result), where + ": result kind");
        }
        if (a.parent() == Parent.RECEIVER) {
          assertFalse(Modifier.isStatic(x.getModifiers()), where + ": static, no receiver");
          ResourceKind parent = kindOf(owner);
          assertNotNull(parent, where + ": receiver is no resource");
          // a JDBC resource comes from one of the kind above it, but a pooled connection's logical
          // handle is a connection too
          boolean logicalHandle =
              parent == ResourceKind.CONNECTION && owner.getName().startsWith("javax.sql.");
          assertTrue(
              parent.ordinal() < a.kind().ordinal() || (parent == a.kind() && (!parent.isJdbc() || logicalHandle)),
              where + ": parent kind");
        } else if (a.parent() == Parent.ARGUMENT) {
          assertNotNull(kindOf(x.getParameterTypes()[a.parentArg()]), where + ": parent arg");
        }
      } else if (rule instanceof MethodRule.Borrow b) {
        Method m = (Method) x;
        assertTrue(kindOf(m.getReturnType()) != null
                || m.getGenericReturnType() instanceof TypeVariable<?>,
            where + ": a borrow returns a resource (or a type variable)");
        if (b.of() == BorrowOf.PARENT_OF_RECEIVER) {
          assertNotNull(kindOf(owner), where + ": receiver is no resource");
        }
      } else if (rule instanceof MethodRule.Release r) {
        for (int i : r.args()) {
          if (i == MethodRule.RECEIVER) {
            assertFalse(Modifier.isStatic(x.getModifiers()), where + ": static, no receiver");
            assertTrue(kindOf(owner) != null || AutoCloseable.class.isAssignableFrom(owner),
                where + ": receiver cannot be closed");
          } else {
            assertTrue(i < x.getParameterCount(), where + ": arg " + i);
            assertFalse(x.getParameterTypes()[i].isPrimitive(), where + ": arg " + i);
          }
        }
        assertEquals(r.quiet(), !declaresCheckedException(x),
            where + ": 'quiet' must match the absence of checked exceptions");
      } else if (rule instanceof MethodRule.ResetChildren) {
        assertEquals(ResourceKind.STATEMENT, kindOf(owner), where + ": resets on a statement");
      } else if (rule instanceof MethodRule.Transfer t) {
        t.args().forEach(i -> assertTrue(i < x.getParameterCount(), where + ": arg " + i));
      } else if (rule instanceof MethodRule.Wrap w) {
        assertTrue(w.arg() < x.getParameterCount(), where + ": arg " + w.arg());
      }
    }
  }

  /** The rule an entry produced (the model holds exactly one rule per method entry). */
  private static MethodRule ruleOf(ResourceModel.Entry e) {
    MethodSig sig = e.sig();
    List<String> probe = sig.anyOverload() ? anyParams(sig) : sig.paramTypes();
    return MODEL.rules(sig.owner(), sig.name(), probe).stream()
        .filter(r -> r.origin().equals(e.origin()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(e.origin() + ": no rule for " + e.text()));
  }

  private static List<String> anyParams(MethodSig sig) {
    // A parameter list no explicit entry names, so the (..) entry is not hidden.
    return List.of("no.such.Type");
  }

  @Test
  void everyTypeEntryIsARealClassAndNotResourcesAreResourceSubtypes() {
    for (String type : MODEL.resourceTypes()) {
      assertNotNull(load(type));
    }
    for (String type : MODEL.notResourceTypes()) {
      Class<?> c = load(type);
      assertTrue(supertypes(c).stream().anyMatch(s -> MODEL.resourceKind(s.getName()) != null),
          type + " is listed as not-resource but extends no resource type");
    }
  }

  @Test
  void everySectionHasAReferenceAndEveryEntryASection() throws Exception {
    int sections = 0;
    for (String file : List.of(ResourceModel.BUILT_IN_RESOURCE, ResourceModel.BUILT_IN_LIBRARIES)) {
      try (InputStream in = ResourceModel.class.getResourceAsStream(file);
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] t = ModelParser.stripComment(line).strip().split("\\s+");
          if (t[0].equals("section")) {
            sections++;
            assertEquals(3, t.length, line);
            assertTrue(t[2].startsWith("https://"), line);
          }
        }
      }
    }
    assertTrue(sections >= 18, "sections: " + sections);
    for (ResourceModel.Entry e : MODEL.entries()) {
      assertFalse(e.section().isEmpty(), e.origin());
      assertTrue(e.origin().startsWith(ResourceModel.BUILT_IN_RESOURCE + ":")
          || e.origin().startsWith(ResourceModel.BUILT_IN_LIBRARIES + ":"), e.origin());
    }
  }

  @Test
  void builtInIsLoadedOnce() {
    assertSame(ResourceModel.builtIn(), ResourceModel.builtIn());
    assertTrue(MODEL.entries().size() > 100, "entries: " + MODEL.entries().size());
  }

  // ------------------------------------------------------------------ coverage of the JDK API

  /** Every public method of these types that returns a resource has an acquire or a borrow. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdbcApiTypes")
  void everyJdbcMethodReturningAResourceIsCovered(Class<?> api) {
    List<String> missing = new ArrayList<>();
    for (Method m : api.getMethods()) {
      ResourceKind kind = kindOf(m.getReturnType());
      if (kind == null) {
        continue;
      }
      List<MethodRule> rules = rulesFor(m);
      boolean acquired = rules.stream().anyMatch(r -> r instanceof Acquire a && a.kind() == kind);
      boolean borrowed = rules.stream().anyMatch(r -> r instanceof MethodRule.Borrow);
      if (!acquired && !borrowed) {
        missing.add(m.toString());
      }
    }
    assertEquals(List.of(), missing, "methods returning a resource without an entry");
  }

  static Stream<Class<?>> jdbcApiTypes() {
    return Stream.of(Connection.class, Statement.class, PreparedStatement.class,
        CallableStatement.class, ResultSet.class, DatabaseMetaData.class, Array.class,
        DriverManager.class, Driver.class, DataSource.class, PooledConnection.class,
        XAConnection.class, ConnectionPoolDataSource.class, XADataSource.class, RowSet.class,
        JdbcRowSet.class, CachedRowSet.class, WebRowSet.class, JoinRowSet.class,
        FilteredRowSet.class, RowSetFactory.class,
        load("org.springframework.jdbc.datasource.DataSourceUtils"));
  }

  @Test
  void everyStatementExecuteMethodResetsChildren() {
    for (Class<?> c : List.of(Statement.class, PreparedStatement.class, CallableStatement.class)) {
      for (Method m : c.getMethods()) {
        if (m.getName().startsWith("execute")) {
          assertTrue(rulesFor(m).stream().anyMatch(r -> r instanceof MethodRule.ResetChildren),
              m.toString());
        }
      }
    }
    assertTrue(rules(Statement.class, "getMoreResults").get(0)
        instanceof MethodRule.ResetChildren);
    assertEquals(List.of(), rules(Statement.class, "getMoreResults", int.class));
  }

  @Test
  void everyDatabaseMetaDataResultSetNamedInTheBriefIsAcquired() {
    List<String> names = List.of("getTables", "getColumns", "getPrimaryKeys", "getImportedKeys",
        "getExportedKeys", "getIndexInfo", "getProcedures", "getProcedureColumns", "getSchemas",
        "getCatalogs", "getTableTypes", "getTypeInfo", "getBestRowIdentifier",
        "getVersionColumns", "getCrossReference", "getUDTs", "getSuperTypes", "getSuperTables",
        "getAttributes", "getClientInfoProperties", "getFunctions", "getFunctionColumns",
        "getPseudoColumns", "getColumnPrivileges", "getTablePrivileges");
    int overloads = 0;
    for (Method m : DatabaseMetaData.class.getMethods()) {
      if (names.contains(m.getName())) {
        overloads++;
        List<MethodRule> rules = rulesFor(m);
        assertEquals(1, rules.size(), () -> m + ": " + rules);
        assertEquals(List.of(new Acquire(ResourceKind.RESULT_SET, Parent.NONE,
                MethodRule.RECEIVER, rules.get(0).origin())), rules, m.toString());
      }
    }
    assertEquals(names.size() + 1, overloads); // getSchemas has two overloads
  }

  // ------------------------------------------------------------------ helper libraries

  @Test
  void everyClosingHelperOverloadIsARelease() {
    List<String> missing = new ArrayList<>();
    checkHelpers(load("org.apache.commons.dbutils.DbUtils"),
        m -> m.getName().startsWith("close") || m.getName().endsWith("AndClose")
            || m.getName().endsWith("AndCloseQuietly"), missing);
    checkHelpers(load("org.springframework.jdbc.support.JdbcUtils"),
        m -> m.getName().startsWith("close"), missing);
    checkHelpers(load("org.springframework.jdbc.datasource.DataSourceUtils"),
        m -> m.getName().matches("(do)?(Release|Close|release|close)Connection"), missing);
    Set<Class<?>> closeables = Set.of(java.io.Closeable.class, java.io.Closeable[].class,
        AutoCloseable.class, AutoCloseable[].class);
    checkHelpers(load("org.apache.commons.io.IOUtils"),
        m -> (m.getName().equals("closeQuietly") || m.getName().equals("close"))
            && closeables.contains(m.getParameterTypes()[0]), missing);
    checkHelpers(load("com.google.common.io.Closeables"),
        m -> m.getName().startsWith("close"), missing);
    assertEquals(List.of(), missing, "closing helpers without a release entry");
  }

  private static void checkHelpers(
      Class<?> helper, java.util.function.Predicate<Method> closes, List<String> missing) {
    int seen = 0;
    for (Method m : helper.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.getParameterCount() == 0 || !closes.test(m)) {
        continue;
      }
      seen++;
      boolean released = rulesFor(m).stream()
          .anyMatch(r -> r instanceof MethodRule.Release rel && rel.args().contains(0));
      if (!released) {
        missing.add(m.toString());
      }
    }
    assertTrue(seen > 0, "no closing method found in " + helper);
  }

  static Stream<Arguments> requiredReleases() {
    return Stream.of(
        Arguments.of("java.lang.AutoCloseable.close()", List.of(-1), false),
        Arguments.of("java.sql.Connection.close()", List.of(-1), false),
        Arguments.of("java.sql.Statement.close()", List.of(-1), false),
        Arguments.of("java.sql.ResultSet.close()", List.of(-1), false),
        Arguments.of("javax.sql.PooledConnection.close()", List.of(-1), false),
        Arguments.of("org.apache.commons.dbutils.DbUtils.close(java.sql.ResultSet)",
            List.of(0), false),
        Arguments.of("org.apache.commons.dbutils.DbUtils.closeQuietly(java.sql.Connection,"
            + "java.sql.Statement,java.sql.ResultSet)", List.of(0, 1, 2), true),
        Arguments.of("org.apache.commons.dbutils.DbUtils.commitAndCloseQuietly("
            + "java.sql.Connection)", List.of(0), true),
        Arguments.of("org.apache.commons.dbutils.DbUtils.rollbackAndClose(java.sql.Connection)",
            List.of(0), false),
        Arguments.of("org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection("
            + "java.sql.Connection,javax.sql.DataSource)", List.of(0), true),
        Arguments.of("org.springframework.jdbc.datasource.DataSourceUtils.doReleaseConnection("
            + "java.sql.Connection,javax.sql.DataSource)", List.of(0), false),
        Arguments.of("org.springframework.jdbc.support.JdbcUtils.closeStatement("
            + "java.sql.Statement)", List.of(0), true),
        Arguments.of("org.apache.commons.io.IOUtils.closeQuietly(java.io.Closeable[])",
            List.of(0), true),
        Arguments.of("com.google.common.io.Closeables.close(java.io.Closeable,boolean)",
            List.of(0), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requiredReleases")
  void requiredReleaseIsPresent(String sig, List<Integer> args, boolean quiet) {
    List<MethodRule> rules = MODEL.rules(MethodSig.parse(sig));
    assertEquals(1, rules.size(), sig);
    MethodRule.Release r = (MethodRule.Release) rules.get(0);
    assertEquals(args, r.args());
    assertEquals(quiet, r.quiet());
  }

  // ------------------------------------------------------------------ required acquisitions

  static Stream<Arguments> requiredAcquisitions() {
    String s = "java.lang.String";
    return Stream.of(
        Arguments.of("java.sql.Connection.prepareStatement(" + s + ",int[])",
            ResourceKind.STATEMENT, Parent.RECEIVER),
        Arguments.of("java.sql.Connection.prepareStatement(" + s + ")",
            ResourceKind.STATEMENT, Parent.RECEIVER),
        Arguments.of("java.sql.Connection.createStatement()",
            ResourceKind.STATEMENT, Parent.RECEIVER),
        Arguments.of("java.sql.Connection.createStatement(int,int,int)",
            ResourceKind.STATEMENT, Parent.RECEIVER),
        Arguments.of("java.sql.Connection.prepareCall(" + s + ",int,int)",
            ResourceKind.STATEMENT, Parent.RECEIVER),
        Arguments.of("javax.sql.DataSource.getConnection()", ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("javax.sql.DataSource.getConnection(" + s + "," + s + ")",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("java.sql.DriverManager.getConnection(" + s + ")",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("java.sql.DriverManager.getConnection(" + s + ",java.util.Properties)",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("java.sql.DriverManager.getConnection(" + s + "," + s + "," + s + ")",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("java.sql.Driver.connect(" + s + ",java.util.Properties)",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("javax.sql.PooledConnection.getConnection()",
            ResourceKind.CONNECTION, Parent.RECEIVER),
        Arguments.of("javax.sql.ConnectionPoolDataSource.getPooledConnection()",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("javax.sql.ConnectionPoolDataSource.getPooledConnection(" + s + "," + s + ")",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("javax.sql.XADataSource.getXAConnection()",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("javax.sql.XADataSource.getXAConnection(" + s + "," + s + ")",
            ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("org.springframework.jdbc.datasource.DataSourceUtils.getConnection("
            + "javax.sql.DataSource)", ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection("
            + "javax.sql.DataSource)", ResourceKind.CONNECTION, Parent.NONE),
        Arguments.of("java.sql.Statement.executeQuery(" + s + ")",
            ResourceKind.RESULT_SET, Parent.RECEIVER),
        Arguments.of("java.sql.Statement.getResultSet()", ResourceKind.RESULT_SET, Parent.RECEIVER),
        Arguments.of("java.sql.Statement.getGeneratedKeys()",
            ResourceKind.RESULT_SET, Parent.RECEIVER),
        Arguments.of("java.sql.PreparedStatement.executeQuery()",
            ResourceKind.RESULT_SET, Parent.RECEIVER),
        Arguments.of("java.sql.DatabaseMetaData.getSchemas(" + s + "," + s + ")",
            ResourceKind.RESULT_SET, Parent.NONE),
        Arguments.of("java.sql.Array.getResultSet(long,int,java.util.Map)",
            ResourceKind.RESULT_SET, Parent.NONE),
        Arguments.of("javax.sql.rowset.RowSetFactory.createJdbcRowSet()",
            ResourceKind.RESULT_SET, Parent.NONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requiredAcquisitions")
  void requiredAcquisitionIsPresent(String sig, ResourceKind kind, Parent parent) {
    List<Acquire> acquires = MODEL.rules(MethodSig.parse(sig)).stream()
        .filter(Acquire.class::isInstance).map(Acquire.class::cast).collect(Collectors.toList());
    assertEquals(1, acquires.size(), sig);
    assertEquals(kind, acquires.get(0).kind());
    assertEquals(parent, acquires.get(0).parent());
    assertEquals(MethodRule.RECEIVER, acquires.get(0).parentArg());
    assertTrue(acquires.get(0).origin().matches("jdbc\\.model:\\d+"), acquires.get(0).origin());
  }

  @Test
  void executeQueryResetsTheStatementThenAcquires() {
    List<MethodRule> rules = rules(Statement.class, "executeQuery", String.class);
    assertEquals(2, rules.size());
    assertTrue(rules.get(0) instanceof MethodRule.ResetChildren);
    assertTrue(rules.get(1) instanceof Acquire);
  }

  // ------------------------------------------------------------------ borrows, types, the rest

  @Test
  void borrowedResults() {
    assertEquals(List.of(BorrowOf.PARENT_OF_RECEIVER), borrows(Statement.class, "getConnection"));
    assertEquals(List.of(BorrowOf.PARENT_OF_RECEIVER), borrows(ResultSet.class, "getStatement"));
    assertEquals(List.of(BorrowOf.NONE), borrows(DatabaseMetaData.class, "getConnection"));
    // unwrap() is the receiver itself: closing either closes both
    assertEquals(
        List.of(new MethodRule.Wrap(MethodRule.RECEIVER, "")),
        rules(java.sql.Wrapper.class, "unwrap", Class.class).stream()
            .map(r -> new MethodRule.Wrap(((MethodRule.Wrap) r).arg(), ""))
            .collect(Collectors.toList()));
    // DatabaseMetaData and ResultSetMetaData are not resources: no entry needed.
    assertEquals(List.of(), rules(Connection.class, "getMetaData"));
    assertNull(kindOf(DatabaseMetaData.class));
    assertNull(kindOf(java.sql.ResultSetMetaData.class));
  }

  private static List<BorrowOf> borrows(Class<?> owner, String name, Class<?>... params) {
    return rules(owner, name, params).stream()
        .filter(MethodRule.Borrow.class::isInstance)
        .map(r -> ((MethodRule.Borrow) r).of())
        .collect(Collectors.toList());
  }

  @Test
  void resourceTypesAndDisconnectedRowSets() throws Exception {
    assertEquals(ResourceKind.CONNECTION, MODEL.resourceKind("java.sql.Connection"));
    assertEquals(ResourceKind.CONNECTION, MODEL.resourceKind("javax.sql.PooledConnection"));
    assertEquals(ResourceKind.CONNECTION, MODEL.resourceKind("javax.sql.XAConnection"));
    assertEquals(ResourceKind.STATEMENT, MODEL.resourceKind("java.sql.Statement"));
    assertEquals(ResourceKind.STATEMENT, MODEL.resourceKind("java.sql.PreparedStatement"));
    assertEquals(ResourceKind.STATEMENT, MODEL.resourceKind("java.sql.CallableStatement"));
    assertEquals(ResourceKind.RESULT_SET, MODEL.resourceKind("java.sql.ResultSet"));
    for (Class<?> c : List.of(CachedRowSet.class, WebRowSet.class, FilteredRowSet.class,
        JoinRowSet.class)) {
      assertTrue(MODEL.isNotResource(c.getName()), c.getName());
      assertNull(MODEL.resourceKind(c.getName()));
      assertNull(kindOf(c));
    }
    assertEquals(ResourceKind.RESULT_SET, kindOf(JdbcRowSet.class));
    // The JDK's own implementation classes, classified through their supertypes.
    RowSetFactory factory = RowSetProvider.newFactory();
    try (CachedRowSet cached = factory.createCachedRowSet();
        JdbcRowSet connected = factory.createJdbcRowSet()) {
      assertNull(kindOf(cached.getClass()));
      assertEquals(ResourceKind.RESULT_SET, kindOf(connected.getClass()));
    }
  }

  @Test
  void implicitCloseRules() {
    assertEquals(ImplicitClose.SILENT,
        MODEL.implicitClose(ResourceKind.STATEMENT, ResourceKind.RESULT_SET));
    assertEquals(ImplicitClose.REPORT,
        MODEL.implicitClose(ResourceKind.CONNECTION, ResourceKind.STATEMENT));
    assertEquals(ImplicitClose.SILENT,
        MODEL.implicitClose(ResourceKind.CONNECTION, ResourceKind.RESULT_SET));
    assertEquals(ImplicitClose.NONE,
        MODEL.implicitClose(ResourceKind.RESULT_SET, ResourceKind.STATEMENT));
  }

  @Test
  void annotationsBySimpleName() {
    assertEquals(Set.of(AnnotationRole.RETURNS_OWNED), MODEL.annotationRoles("MustBeClosed"));
    assertEquals(Set.of(AnnotationRole.RETURNS_BORROWED), MODEL.annotationRoles("NotOwning"));
    assertEquals(Set.of(AnnotationRole.PARAM_RELEASED), MODEL.annotationRoles("WillClose"));
    assertEquals(Set.of(AnnotationRole.PARAM_OWNED, AnnotationRole.FIELD_OWNED),
        MODEL.annotationRoles("Owning"));
    assertEquals(Set.of(AnnotationRole.PARAM_BORROWED), MODEL.annotationRoles("WillNotClose"));
    assertEquals(Set.of(AnnotationRole.PARAM_WRAPPED),
        MODEL.annotationRoles("WillCloseWhenClosed"));
    assertEquals(Set.of("MustBeClosed", "NotOwning", "WillClose", "Owning", "WillNotClose",
        "WillCloseWhenClosed"), MODEL.annotationNames());
  }

  @Test
  void preFiltersListEveryOwnerAndName() {
    for (ResourceModel.Entry e : MODEL.entries()) {
      if (e.sig() != null) {
        assertTrue(MODEL.ownersWithRules().contains(e.sig().owner()));
        assertTrue(MODEL.methodNamesWithRules().contains(e.sig().name()));
      }
    }
    assertFalse(MODEL.ownersWithRules().contains("java.lang.String"));
  }

  @Test
  void everyEntryOfTheFileIsCounted() {
    long methodEntries = MODEL.entries().stream().filter(e -> e.sig() != null).count();
    long typeEntries = MODEL.entries().stream()
        .filter(e -> e.directive().endsWith("resource")).count();
    assertEquals(MODEL.resourceTypes().size() + MODEL.notResourceTypes().size(), typeEntries);
    if (methodEntries == 0) {
      fail("no method entries");
    }
  }
}
