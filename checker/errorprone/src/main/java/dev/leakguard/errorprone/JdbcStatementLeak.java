package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcStatementLeak.md. */
@BugPattern(
    summary = CheckSummaries.STATEMENT_LEAK,
    severity = WARNING,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcStatementLeak.md")
public final class JdbcStatementLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcStatementLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcStatementLeak(ErrorProneFlags flags) {
    super(CheckId.JdbcStatementLeak, flags);
  }
}
