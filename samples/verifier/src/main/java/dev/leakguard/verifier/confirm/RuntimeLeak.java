package dev.leakguard.verifier.confirm;

import dev.leakguard.verifier.LeakExport;
import dev.leakguard.verifier.LeakRecord;
import dev.leakguard.verifier.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * One leak the verifier saw, as a comparison needs it.
 *
 * @param checkId the LeakGuard check id
 * @param resource the JDBC type's simple name, e.g. {@code PreparedStatement}
 * @param appStack the application frames of the acquiring call, innermost first
 * @param source what ran when it leaked: a scenario, or the test of an export row
 * @param parent where the resource it came from was acquired (a result set's statement), or
 *     {@link Site#UNKNOWN}
 */
public record RuntimeLeak(String checkId, String resource, List<Site> appStack, String source, Site parent) {

  public RuntimeLeak {
    appStack = List.copyOf(appStack);
    parent = parent == null ? Site.UNKNOWN : parent;
  }

  /** A leak whose parent is not known. */
  public RuntimeLeak(String checkId, String resource, List<Site> appStack, String source) {
    this(checkId, resource, appStack, source, Site.UNKNOWN);
  }

  /** The leak of {@code leak}, found while {@code source} ran. */
  public static RuntimeLeak of(LeakRecord leak, String source) {
    return new RuntimeLeak(
        leak.checkId(), leak.type().displayName(), leak.resource().appStack(), source, leak.resource().parentSite());
  }

  /** The leak of an export row; its test is the source. */
  public static RuntimeLeak of(LeakExport.Row row) {
    List<Site> stack = new ArrayList<>();
    for (String frame : row.appStack().split(";")) {
      if (!frame.isBlank()) {
        stack.add(Site.parse(frame));
      }
    }
    if (stack.isEmpty() && !row.className().isEmpty()) {
      stack.add(new Site(row.className(), row.methodName(), row.file().isEmpty() ? null : row.file(), row.line()));
    }
    Site parent = row.parent().isBlank() ? Site.UNKNOWN : Site.parse(row.parent());
    return new RuntimeLeak(row.checkId(), row.resource(), stack, row.test(), parent);
  }

  /** The acquisition site, or {@link Site#UNKNOWN}. */
  public Site site() {
    return appStack.isEmpty() ? Site.UNKNOWN : appStack.get(0);
  }
}
