package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcStatementLeftToConnectionClose.md. */
@BugPattern(
    summary = CheckSummaries.STATEMENT_LEFT_TO_CONNECTION_CLOSE,
    severity = SUGGESTION,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcStatementLeftToConnectionClose.md")
public final class JdbcStatementLeftToConnectionClose extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcStatementLeftToConnectionClose() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcStatementLeftToConnectionClose(ErrorProneFlags flags) {
    super(CheckId.JdbcStatementLeftToConnectionClose, flags);
  }
}
