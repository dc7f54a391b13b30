package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/DbCursorLeak.md. */
@BugPattern(
    summary = CheckSummaries.DB_CURSOR_LEAK,
    severity = WARNING,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "DbCursorLeak.md")
public final class DbCursorLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public DbCursorLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public DbCursorLeak(ErrorProneFlags flags) {
    super(CheckId.DbCursorLeak, flags);
  }
}
