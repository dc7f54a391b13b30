package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/DbSessionLeak.md. */
@BugPattern(
    summary = CheckSummaries.DB_SESSION_LEAK,
    severity = ERROR,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "DbSessionLeak.md")
public final class DbSessionLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public DbSessionLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public DbSessionLeak(ErrorProneFlags flags) {
    super(CheckId.DbSessionLeak, flags);
  }
}
