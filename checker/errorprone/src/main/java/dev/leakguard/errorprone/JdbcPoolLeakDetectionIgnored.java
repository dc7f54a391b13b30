package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcPoolLeakDetectionIgnored.md. */
@BugPattern(
    summary = CheckSummaries.POOL_LEAK_DETECTION_IGNORED,
    severity = WARNING,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcPoolLeakDetectionIgnored.md")
public final class JdbcPoolLeakDetectionIgnored extends PoolCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcPoolLeakDetectionIgnored() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcPoolLeakDetectionIgnored(ErrorProneFlags flags) {
    super(CheckId.JdbcPoolLeakDetectionIgnored, flags);
  }
}
