package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcResultSetLeak.md. */
@BugPattern(
    summary = CheckSummaries.RESULT_SET_LEAK,
    severity = WARNING,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcResultSetLeak.md")
public final class JdbcResultSetLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcResultSetLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcResultSetLeak(ErrorProneFlags flags) {
    super(CheckId.JdbcResultSetLeak, flags);
  }
}
