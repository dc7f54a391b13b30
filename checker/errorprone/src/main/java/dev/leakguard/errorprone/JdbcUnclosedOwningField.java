package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/JdbcUnclosedOwningField.md. */
@BugPattern(
    summary = CheckSummaries.UNCLOSED_OWNING_FIELD,
    severity = WARNING,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "JdbcUnclosedOwningField.md")
public final class JdbcUnclosedOwningField extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public JdbcUnclosedOwningField() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public JdbcUnclosedOwningField(ErrorProneFlags flags) {
    super(CheckId.JdbcUnclosedOwningField, flags);
  }
}
