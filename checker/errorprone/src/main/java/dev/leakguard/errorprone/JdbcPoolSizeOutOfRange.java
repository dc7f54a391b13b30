package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcPoolSizeOutOfRange.md. */
@BugPattern(
    summary = CheckSummaries.POOL_SIZE_OUT_OF_RANGE,
    severity = ERROR,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcPoolSizeOutOfRange.md")
public final class JdbcPoolSizeOutOfRange extends PoolCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcPoolSizeOutOfRange() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcPoolSizeOutOfRange(ErrorProneFlags flags) {
    super(CheckId.JdbcPoolSizeOutOfRange, flags);
  }
}
