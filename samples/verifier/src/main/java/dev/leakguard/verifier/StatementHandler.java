package dev.leakguard.verifier;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/**
 * A tracked Statement, PreparedStatement or CallableStatement: creates tracked ResultSets, closes
 * them when it is executed again, moves past them or closes, and answers {@code getConnection()}
 * with the tracked Connection it came from.
 */
final class StatementHandler extends ProxiedResource {
  private static final Map<Method, Op> OPS = newOpTable();

  private volatile boolean closeOnCompletion;

  StatementHandler(
      ResourceTracker tracker,
      ResourceType type,
      Object delegate,
      long id,
      StackCapture acquisition,
      TrackedResource connection) {
    super(tracker, type, delegate, id, acquisition, connection);
  }

  @Override
  Map<Method, Op> ops() {
    return OPS;
  }

  @Override
  Op classify(Method method) {
    String name = method.getName();
    if (name.startsWith("execute")) {
      return Op.EXECUTE;
    }
    switch (name) {
      case "getResultSet":
        return Op.GET_RESULT_SET;
      case "getGeneratedKeys":
        return Op.GENERATED_KEYS;
      case "getMoreResults":
        return Op.MORE_RESULTS;
      case "closeOnCompletion":
        return Op.CLOSE_ON_COMPLETION;
      case "getConnection":
        return method.getParameterCount() == 0 ? Op.GET_CONNECTION : Op.FORWARD;
      default:
        return Op.FORWARD;
    }
  }

  @Override
  Object dispatch(Op op, Method method, Object[] args) throws Throwable {
    switch (op) {
      case EXECUTE:
        // JDBC: every execute method closes the statement's current result sets first.
        closeChildren(CloseReason.RE_EXECUTED);
        return trackIfResultSet(forward(method, args));
      case GET_RESULT_SET:
        return currentOrNewResultSet(forward(method, args));
      case GENERATED_KEYS:
        return trackIfResultSet(forward(method, args));
      case MORE_RESULTS:
        if (args == null || (Integer) args[0] != Statement.KEEP_CURRENT_RESULT) {
          closeChildren(CloseReason.MORE_RESULTS);
        }
        return forward(method, args);
      case CLOSE_ON_COMPLETION:
        Object result = forward(method, args);
        closeOnCompletion = true;
        return result;
      case GET_CONNECTION:
        forward(method, args); // keeps the driver's behaviour: throws if this is closed
        return parent.proxy;
      default:
        return forward(method, args);
    }
  }

  private Object trackIfResultSet(Object result) {
    if (result instanceof ResultSet) {
      return tracker.track(ResourceType.RESULT_SET, result, this);
    }
    return result;
  }

  /** {@code getResultSet()} may return the result set already handed out: the same object. */
  private Object currentOrNewResultSet(Object result) {
    if (result == null) {
      return null;
    }
    TrackedResource current = childFor(result);
    return current != null ? current.proxy : tracker.track(ResourceType.RESULT_SET, result, this);
  }

  @Override
  void childClosed(TrackedResource child, CloseReason reason, StackCapture site) {
    removeChild(child);
    if (closeOnCompletion && reason == CloseReason.EXPLICIT && !hasOpenChildren()) {
      markClosed(CloseReason.CLOSE_ON_COMPLETION, site);
    }
  }

  @Override
  CloseReason childReason(CloseReason reason) {
    return reason == CloseReason.RECLAIMED ? CloseReason.RECLAIMED : CloseReason.STATEMENT_CLOSED;
  }
}
