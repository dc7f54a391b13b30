package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/RedisConnectionLeak.md. */
@BugPattern(
    summary = CheckSummaries.REDIS_CONNECTION_LEAK,
    severity = ERROR,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "RedisConnectionLeak.md")
public final class RedisConnectionLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public RedisConnectionLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public RedisConnectionLeak(ErrorProneFlags flags) {
    super(CheckId.RedisConnectionLeak, flags);
  }
}
