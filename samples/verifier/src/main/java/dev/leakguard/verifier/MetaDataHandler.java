package dev.leakguard.verifier;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * DatabaseMetaData is not a resource (nothing to close), but the result sets it returns are,
 * and its {@code getConnection()} must answer with the tracked Connection. Its result sets have
 * the Connection as parent: closed with it, but reported (the model says they must be closed
 * themselves).
 */
final class MetaDataHandler implements InvocationHandler {
  private final TrackedConnection connection;
  private final DatabaseMetaData delegate;

  private MetaDataHandler(TrackedConnection connection, DatabaseMetaData delegate) {
    this.connection = connection;
    this.delegate = delegate;
  }

  static DatabaseMetaData wrap(TrackedConnection connection, DatabaseMetaData delegate) {
    // A proxy: DatabaseMetaData has some 180 methods, none of them on a hot path.
    return (DatabaseMetaData)
        Proxy.newProxyInstance(
            MetaDataHandler.class.getClassLoader(),
            new Class<?>[] {DatabaseMetaData.class},
            new MetaDataHandler(connection, delegate));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (method.getDeclaringClass() == Object.class) {
      switch (name) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return "DatabaseMetaData[" + delegate + "]";
      }
    }
    if (name.equals("getConnection") && method.getParameterCount() == 0) {
      return connection;
    }
    if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
      return proxy;
    }
    Object result;
    try {
      result = method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (result instanceof ResultSet && method.getReturnType() == ResultSet.class) {
      return connection.tracker.resultSet((ResultSet) result, connection);
    }
    return result;
  }
}
