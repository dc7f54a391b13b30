package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcPoolUnboundedWait.md. */
@BugPattern(
    summary = CheckSummaries.POOL_UNBOUNDED_WAIT,
    severity = ERROR,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcPoolUnboundedWait.md")
public final class JdbcPoolUnboundedWait extends PoolCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcPoolUnboundedWait() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcPoolUnboundedWait(ErrorProneFlags flags) {
    super(CheckId.JdbcPoolUnboundedWait, flags);
  }
}
