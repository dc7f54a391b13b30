package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/ConnectionPoolLeak.md. */
@BugPattern(
    summary = CheckSummaries.CONNECTION_POOL_LEAK,
    severity = ERROR,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "ConnectionPoolLeak.md")
public final class ConnectionPoolLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public ConnectionPoolLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public ConnectionPoolLeak(ErrorProneFlags flags) {
    super(CheckId.ConnectionPoolLeak, flags);
  }
}
