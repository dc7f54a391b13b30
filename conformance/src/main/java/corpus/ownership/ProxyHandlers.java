package corpus.ownership;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A proxy's invocation handler opens its target connection on first use and keeps it in a field.
 * It forwards every call to the target, close() included, so the user who closes the proxy closes
 * the field: no method of the handler has to. What its methods open into locals is theirs to
 * close as anywhere else, and a class that is no handler must close what its fields keep. A
 * proxy takes over what its handler was given: returning the proxy hands that over.
 */
public class ProxyHandlers implements InvocationHandler {
  private final DataSource dataSource;
  private Connection target;

  public ProxyHandlers(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A connection that opens its physical connection on first use. */
  public static Connection lazyConnection(DataSource dataSource) {
    return (Connection)
        Proxy.newProxyInstance(
            ProxyHandlers.class.getClassLoader(), new Class<?>[] {Connection.class}, new ProxyHandlers(dataSource));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().equals("isValid") && target == null) {
      return probe();
    }
    if (target == null) {
      target = dataSource.getConnection();
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getTargetException();
    }
  }

  /**
   * A connection opened here and given to a handler whose proxy is returned: the caller closes
   * the proxy, which forwards close() to the handler's target.
   */
  public static Connection guardedConnection(DataSource dataSource) throws SQLException {
    Connection con = dataSource.getConnection();
    Forwarding handler = new Forwarding(con);
    return (Connection)
        Proxy.newProxyInstance(ProxyHandlers.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  /** Builds the proxy around a connection it is given, with settings beside it. */
  static Connection configured(Connection con, Boolean readOnly, String label) {
    return (Connection)
        Proxy.newProxyInstance(
            ProxyHandlers.class.getClassLoader(), new Class<?>[] {Connection.class}, new Configured(con, readOnly, label));
  }

  /** The proxy the helper builds is returned: the connection goes with it. */
  public static Connection configuredConnection(DataSource dataSource) throws SQLException {
    Connection con = dataSource.getConnection();
    return configured(con, Boolean.TRUE, "reporting");
  }

  /** Forwards every call to the connection, after applying its settings once. */
  static final class Configured implements InvocationHandler {
    private final Connection con;
    private final Boolean readOnly;
    private final String label;

    Configured(Connection con, Boolean readOnly, String label) {
      this.con = con;
      this.readOnly = readOnly;
      this.label = label;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("toString")) {
        return label;
      }
      con.setReadOnly(readOnly);
      try {
        return method.invoke(con, args);
      } catch (InvocationTargetException e) {
        throw e.getTargetException();
      }
    }
  }

  /** Forwards every call to the connection it was given. */
  static final class Forwarding implements InvocationHandler {
    private final Connection con;

    Forwarding(Connection con) {
      this.con = con;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(con, args);
      } catch (InvocationTargetException e) {
        throw e.getTargetException();
      }
    }
  }

  /** A connection of its own for one check, never closed. */
  private boolean probe() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    return con.isValid(1);
  }

  /** The same lazy field in a class that is no handler and never closes it. */
  public static class LazyHolder {
    private final DataSource dataSource;
    private Connection target;

    public LazyHolder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    public boolean isValid() throws SQLException {
      if (target == null) {
        target = dataSource.getConnection(); // LEAK JdbcUnclosedOwningField
      }
      return target.isValid(1);
    }
  }
}
