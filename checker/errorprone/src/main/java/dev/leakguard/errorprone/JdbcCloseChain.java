package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcCloseChain.md. */
@BugPattern(
    summary = CheckSummaries.CLOSE_CHAIN,
    severity = WARNING,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcCloseChain.md")
public final class JdbcCloseChain extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcCloseChain() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcCloseChain(ErrorProneFlags flags) {
    super(CheckId.JdbcCloseChain, flags);
  }
}
