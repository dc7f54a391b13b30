package dev.leakguard.verifier;

import java.lang.reflect.Method;
import java.sql.DatabaseMetaData;
import java.sql.Statement;
import java.util.Map;

/** A tracked Connection: creates tracked Statements and closes them when it closes. */
final class ConnectionHandler extends ProxiedResource {
  private static final Map<Method, Op> OPS = newOpTable();

  ConnectionHandler(
      ResourceTracker tracker, Object delegate, long id, StackCapture acquisition) {
    super(tracker, ResourceType.CONNECTION, delegate, id, acquisition, null);
  }

  @Override
  Map<Method, Op> ops() {
    return OPS;
  }

  @Override
  Op classify(Method method) {
    String name = method.getName();
    if (Statement.class.isAssignableFrom(method.getReturnType())
        && (name.equals("createStatement")
            || name.equals("prepareStatement")
            || name.equals("prepareCall"))) {
      return Op.CREATE_STATEMENT;
    }
    if (name.equals("abort") && method.getParameterCount() == 1) {
      return Op.CLOSE; // abort releases the connection like close
    }
    if (name.equals("getMetaData") && method.getReturnType() == DatabaseMetaData.class) {
      return Op.GET_METADATA;
    }
    return Op.FORWARD;
  }

  @Override
  Object dispatch(Op op, Method method, Object[] args) throws Throwable {
    switch (op) {
      case CREATE_STATEMENT:
        return tracker.track(
            ResourceType.ofStatementInterface(method.getReturnType()),
            forward(method, args),
            this);
      case GET_METADATA:
        Object metaData = forward(method, args);
        return metaData == null ? null : MetaDataHandler.wrap(this, (DatabaseMetaData) metaData);
      default:
        return forward(method, args);
    }
  }

  @Override
  CloseReason childReason(CloseReason reason) {
    return reason == CloseReason.RECLAIMED ? CloseReason.RECLAIMED : CloseReason.CONNECTION_CLOSED;
  }
}
