package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcPoolAbandonedMisconfigured.md. */
@BugPattern(
    summary = CheckSummaries.POOL_ABANDONED_MISCONFIGURED,
    severity = WARNING,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcPoolAbandonedMisconfigured.md")
public final class JdbcPoolAbandonedMisconfigured extends PoolCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcPoolAbandonedMisconfigured() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcPoolAbandonedMisconfigured(ErrorProneFlags flags) {
    super(CheckId.JdbcPoolAbandonedMisconfigured, flags);
  }
}
