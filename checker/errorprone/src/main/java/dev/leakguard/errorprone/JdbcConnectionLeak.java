package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcConnectionLeak.md. */
@BugPattern(
    summary = CheckSummaries.CONNECTION_LEAK,
    severity = ERROR,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcConnectionLeak.md")
public final class JdbcConnectionLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcConnectionLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcConnectionLeak(ErrorProneFlags flags) {
    super(CheckId.JdbcConnectionLeak, flags);
  }
}
