package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The tracked JDBC types are hand-written delegating classes: every method of their interface
 * must be overridden (a default method left to the interface would bypass the driver's own), and
 * must reach the driver's method of the same name and parameters, with the same arguments.
 * Checked method by method against a recording driver, for every method the JDK declares.
 */
class WrapperForwardingTest {

  /** One call the recording driver received. */
  private record Call(String type, Method method, List<Object> args) {}

  private final List<Call> calls = new ArrayList<>();

  /** A driver object of {@code type} that records every call and returns defaults. */
  private Object recording(Class<?> type) {
    return Proxy.newProxyInstance(
        getClass().getClassLoader(),
        new Class<?>[] {type},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "equals":
              if (method.getParameterCount() == 1 && method.getDeclaringClass() == Object.class) {
                return proxy == args[0];
              }
              break;
            case "hashCode":
              if (method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
              }
              break;
            case "toString":
              if (method.getParameterCount() == 0) {
                return "recording " + type.getSimpleName();
              }
              break;
            default:
              break;
          }
          calls.add(new Call(type.getSimpleName(), method, args == null ? List.of() : Arrays.asList(args)));
          return answer(method.getReturnType());
        });
  }

  private Object answer(Class<?> returnType) {
    if (returnType == Statement.class
        || returnType == PreparedStatement.class
        || returnType == CallableStatement.class
        || returnType == ResultSet.class) {
      return recording(returnType);
    }
    return defaultValue(returnType);
  }

  private static Object defaultValue(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == void.class) {
      return null;
    }
    if (type == char.class) {
      return '\0';
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == float.class) {
      return 0f;
    }
    if (type == double.class) {
      return 0d;
    }
    if (type == byte.class) {
      return (byte) 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    return 0;
  }

  /** Distinct arguments, so a call forwarded with its arguments swapped shows. */
  private static Object[] arguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i];
      if (type == int.class) {
        args[i] = 11 + i;
      } else if (type == long.class) {
        args[i] = 21L + i;
      } else if (type == String.class) {
        args[i] = "arg" + i;
      } else if (type == Class.class) {
        args[i] = StringBuilder.class; // never the tracked object's class: unwrap forwards
      } else if (type == boolean.class) {
        args[i] = true;
      } else {
        args[i] = defaultValue(type);
      }
    }
    return args;
  }

  private DataSource recordingDataSource() {
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return (Connection) recording(Connection.class);
      }

      @Override
      public Connection getConnection(String username, String password) {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return null;
      }

      @Override
      public <T> T unwrap(Class<T> iface) {
        return null;
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }

  /** Every method of {@code jdbcInterface} called on {@code tracked} reaches the driver's. */
  private void assertEveryMethodForwards(Class<?> jdbcInterface, Object tracked) throws Exception {
    List<String> checked = new ArrayList<>();
    for (Method method : jdbcInterface.getMethods()) {
      Method implementation = tracked.getClass().getMethod(method.getName(), method.getParameterTypes());
      assertFalse(
          implementation.getDeclaringClass().isInterface(),
          tracked.getClass().getSimpleName() + " does not override " + method);
      Object[] args = arguments(method);
      calls.clear();
      try {
        implementation.invoke(tracked, args);
      } catch (InvocationTargetException e) {
        throw new AssertionError(method + " threw", e.getCause());
      }
      assertTrue(
          calls.stream()
              .anyMatch(
                  call ->
                      call.method().getName().equals(method.getName())
                          && Arrays.equals(call.method().getParameterTypes(), method.getParameterTypes())
                          && call.args().equals(Arrays.asList(args))),
          method + " did not reach the driver's method with its arguments; the driver saw " + calls);
      checked.add(method.getName());
    }
    assertTrue(checked.size() > 40, "checked " + checked.size() + " methods");
  }

  @Test
  void everyConnectionMethodReachesTheDriver() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(recordingDataSource());
    Connection connection = verifier.getConnection();
    assertInstanceOf(TrackedConnection.class, connection);
    assertEveryMethodForwards(Connection.class, connection);
  }

  @Test
  void everyStatementMethodReachesTheDriver() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(recordingDataSource());
    Statement statement = verifier.getConnection().createStatement();
    assertEquals(TrackedStatement.class, statement.getClass());
    assertEveryMethodForwards(Statement.class, statement);
  }

  @Test
  void everyPreparedStatementMethodReachesTheDriver() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(recordingDataSource());
    PreparedStatement statement = verifier.getConnection().prepareStatement("select 1");
    assertEquals(TrackedPreparedStatement.class, statement.getClass());
    assertEveryMethodForwards(PreparedStatement.class, statement);
  }

  @Test
  void everyCallableStatementMethodReachesTheDriver() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(recordingDataSource());
    CallableStatement statement = verifier.getConnection().prepareCall("{call p()}");
    assertEquals(TrackedCallableStatement.class, statement.getClass());
    assertEveryMethodForwards(CallableStatement.class, statement);
  }

  @Test
  void everyResultSetMethodReachesTheDriver() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(recordingDataSource());
    ResultSet rows = verifier.getConnection().createStatement().executeQuery("select 1");
    assertInstanceOf(TrackedResultSet.class, rows);
    assertEveryMethodForwards(ResultSet.class, rows);
  }

  @Test
  void theStatementsAndResultSetsOfARecordingDriverAreTrackedLikeAnyOther() throws SQLException {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(recordingDataSource());
    Connection connection = verifier.getConnection();
    PreparedStatement statement = connection.prepareStatement("select 1");
    ResultSet first = statement.executeQuery();
    statement.executeQuery();
    assertFalse(((TrackedResource) first).isOpen(), "executing again closed the first");
    assertEquals(
        List.of(ResourceType.CONNECTION, ResourceType.PREPARED_STATEMENT, ResourceType.RESULT_SET),
        verifier.leaks().stream().map(LeakRecord::type).toList());
    connection.close();
    assertEquals(
        List.of(LeakKind.STATEMENT_LEFT_TO_CONNECTION_CLOSE),
        verifier.leaks().stream().map(LeakRecord::kind).toList());
  }
}
