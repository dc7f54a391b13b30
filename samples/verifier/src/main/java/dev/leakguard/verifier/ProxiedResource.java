package dev.leakguard.verifier;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tracked resource handed out as a {@link java.lang.reflect.Proxy}: Connections and Statements.
 *
 * <p>Why a proxy rather than a hand-written delegating class: Connection, Statement,
 * PreparedStatement and CallableStatement have about 300 methods between them and gain more with
 * Java releases ({@code Connection.beginRequest}, {@code Statement.enquoteLiteral} in 9, ...).
 * The verifier intercepts only a handful (those that create, return, re-execute or close a
 * resource) and must forward every other call unchanged, including default methods a driver
 * overrides. A proxy does exactly that, cannot fall behind the interfaces, and keeps each type's
 * lifecycle logic on one screen. Its price, a reflective call per JDBC call (about 25 ns), is
 * paid a few times per borrow; the ResultSet, whose methods run per row, is a hand-written
 * wrapper instead ({@link TrackedResultSet}).
 *
 * <p>Each handler classifies a {@link Method} once into an {@link Op} and caches it; proxy classes
 * pass the same {@code Method} instance on every call, so the lookup is an identity hit.
 */
abstract class ProxiedResource extends TrackedResource implements InvocationHandler {

  /** What a JDBC method means to the verifier. */
  enum Op {
    FORWARD,
    CLOSE,
    EQUALS,
    HASH_CODE,
    TO_STRING,
    UNWRAP,
    IS_WRAPPER_FOR,
    CREATE_STATEMENT,
    GET_METADATA,
    EXECUTE,
    GET_RESULT_SET,
    GENERATED_KEYS,
    MORE_RESULTS,
    CLOSE_ON_COMPLETION,
    GET_CONNECTION
  }

  ProxiedResource(
      ResourceTracker tracker,
      ResourceType type,
      Object delegate,
      long id,
      StackCapture acquisition,
      TrackedResource parent) {
    super(tracker, type, delegate, id, acquisition, parent);
  }

  /** The operation table of the concrete handler type. */
  abstract Map<Method, Op> ops();

  /** Classifies a method not yet in {@link #ops()}. */
  abstract Op classify(Method method);

  /** Handles the operations specific to the concrete type. */
  abstract Object dispatch(Op op, Method method, Object[] args) throws Throwable;

  static Map<Method, Op> newOpTable() {
    return new ConcurrentHashMap<>();
  }

  @Override
  public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Map<Method, Op> ops = ops();
    Op op = ops.get(method);
    if (op == null) {
      op = classifyCommon(method);
      try {
        // A public method of an exported JDBC interface: skipping the per-call access check is
        // allowed and saves time on every forwarded call (the proxy passes this same instance).
        method.setAccessible(true);
      } catch (RuntimeException e) {
        // keep the checked path
      }
      ops.put(method, op);
    }
    switch (op) {
      case FORWARD:
        return forward(method, args);
      case CLOSE:
        return close(method, args);
      case EQUALS:
        return proxy == args[0];
      case HASH_CODE:
        return System.identityHashCode(proxy);
      case TO_STRING:
        return type.displayName() + "#" + id + "[" + delegate + "]";
      case UNWRAP:
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : forward(method, args);
      case IS_WRAPPER_FOR:
        return ((Class<?>) args[0]).isInstance(proxy) || (Boolean) forward(method, args);
      default:
        return dispatch(op, method, args);
    }
  }

  private Op classifyCommon(Method method) {
    String name = method.getName();
    int arity = method.getParameterCount();
    if (method.getDeclaringClass() == Object.class) {
      switch (name) {
        case "equals":
          return Op.EQUALS;
        case "hashCode":
          return Op.HASH_CODE;
        case "toString":
          return Op.TO_STRING;
        default:
          return Op.FORWARD;
      }
    }
    if (name.equals("close") && arity == 0) {
      return Op.CLOSE;
    }
    if (name.equals("unwrap") && arity == 1) {
      return Op.UNWRAP;
    }
    if (name.equals("isWrapperFor") && arity == 1) {
      return Op.IS_WRAPPER_FOR;
    }
    return classify(method);
  }

  final Object forward(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** An explicit close: forward it, then record it even if the driver's close threw. */
  final Object close(Method method, Object[] args) throws Throwable {
    if (!isOpen()) {
      return forward(method, args);
    }
    try {
      return forward(method, args);
    } finally {
      markClosed(CloseReason.EXPLICIT, explicitCloseSite());
    }
  }
}
