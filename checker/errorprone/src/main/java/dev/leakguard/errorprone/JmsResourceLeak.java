package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JmsResourceLeak.md. */
@BugPattern(
    summary = CheckSummaries.JMS_RESOURCE_LEAK,
    severity = ERROR,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JmsResourceLeak.md")
public final class JmsResourceLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JmsResourceLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JmsResourceLeak(ErrorProneFlags flags) {
    super(CheckId.JmsResourceLeak, flags);
  }
}
