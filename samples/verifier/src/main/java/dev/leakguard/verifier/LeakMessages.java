package dev.leakguard.verifier;

import java.util.List;

/**
 * The one place that builds leak report text, so the console, test failures and the README all
 * show the same words. A leak prints as two lines, the way a pool's leak report does: the
 * acquisition site, then one line of context.
 *
 * <pre>
 * LEAK JdbcConnectionLeak Connection acquired at com.acme.LoginDao.login(LoginDao.java:42) was not closed
 *     thread "main", called from com.acme.LoginController.post(LoginController.java:17)
 * </pre>
 */
public final class LeakMessages {

  private LeakMessages() {}

  /** The first line of a leak report. */
  public static String summary(LeakRecord leak) {
    ResourceRecord resource = leak.resource();
    StringBuilder text =
        new StringBuilder("LEAK ")
            .append(leak.checkId())
            .append(' ')
            .append(resource.type().displayName())
            .append(" acquired at ")
            .append(resource.acquiredAt())
            .append(" was not closed");
    if (resource.closeReason() == CloseReason.CONNECTION_CLOSED) {
      text.append("; only Connection.close()");
      if (resource.closedAt() != null && resource.closedAt().isKnown()) {
        text.append(" at ").append(resource.closedAt());
      }
      text.append(" closed it");
    }
    return text.toString();
  }

  /** The context line: the acquiring thread, the caller's frame, and the parent resource. */
  public static String context(LeakRecord leak) {
    ResourceRecord resource = leak.resource();
    StringBuilder text = new StringBuilder("    thread \"").append(resource.thread()).append('"');
    if (resource.appStack().size() > 1) {
      text.append(", called from ").append(resource.appStack().get(1));
    }
    if (resource.parentType() != null) {
      text.append(", on ")
          .append(resource.parentType().displayName())
          .append(" acquired at ")
          .append(resource.parentSite());
    }
    return text.toString();
  }

  /** Both lines of one leak. */
  public static String render(LeakRecord leak) {
    return summary(leak) + System.lineSeparator() + context(leak);
  }

  /** Every leak, two lines each. */
  public static String render(List<LeakRecord> leaks) {
    StringBuilder text = new StringBuilder();
    for (LeakRecord leak : leaks) {
      if (text.length() > 0) {
        text.append(System.lineSeparator());
      }
      text.append(render(leak));
    }
    return text.toString();
  }

  /** The message of a failed leak check: a count, who left them open, and each leak. */
  public static String failure(String where, List<LeakRecord> leaks) {
    String count = leaks.size() == 1 ? "1 JDBC resource was" : leaks.size() + " JDBC resources were";
    return count
        + " left open by "
        + where
        + "; close each one on every path, with try-with-resources:"
        + System.lineSeparator()
        + render(leaks);
  }
}
