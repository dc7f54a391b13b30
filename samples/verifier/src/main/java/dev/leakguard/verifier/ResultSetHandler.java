package dev.leakguard.verifier;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The bookkeeping of a tracked ResultSet, handed out as a {@link TrackedResultSet}. Its parent is
 * the Statement that produced it, or for a metadata result set the Connection.
 */
final class ResultSetHandler extends TrackedResource {

  ResultSetHandler(
      ResourceTracker tracker,
      ResultSet delegate,
      long id,
      StackCapture acquisition,
      TrackedResource parent) {
    super(tracker, ResourceType.RESULT_SET, delegate, id, acquisition, parent);
    this.proxy = new TrackedResultSet(delegate, this);
  }

  /** An explicit close: close the driver's result set, then record it even if that threw. */
  void closeExplicitly(ResultSet target) throws SQLException {
    if (!isOpen()) {
      target.close();
      return;
    }
    try {
      target.close();
    } finally {
      markClosed(CloseReason.EXPLICIT, explicitCloseSite());
    }
  }

  @Override
  CloseReason childReason(CloseReason reason) {
    return reason; // a ResultSet has no tracked children
  }
}
