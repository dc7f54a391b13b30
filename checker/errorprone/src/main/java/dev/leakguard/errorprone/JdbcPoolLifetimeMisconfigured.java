package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcPoolLifetimeMisconfigured.md. */
@BugPattern(
    summary = CheckSummaries.POOL_LIFETIME_MISCONFIGURED,
    severity = WARNING,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcPoolLifetimeMisconfigured.md")
public final class JdbcPoolLifetimeMisconfigured extends PoolCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcPoolLifetimeMisconfigured() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcPoolLifetimeMisconfigured(ErrorProneFlags flags) {
    super(CheckId.JdbcPoolLifetimeMisconfigured, flags);
  }
}
