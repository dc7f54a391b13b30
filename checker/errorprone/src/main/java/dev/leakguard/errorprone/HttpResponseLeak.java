package dev.leakguard.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.CheckSummaries;
import javax.inject.Inject;

/** See docs/checks/HttpResponseLeak.md. */
@BugPattern(
    summary = CheckSummaries.HTTP_RESPONSE_LEAK,
    severity = ERROR,
    linkType = CUSTOM,
    link = CheckId.DOCS_BASE + "HttpResponseLeak.md")
public final class HttpResponseLeak extends LeakCheck {
  /** For -Xplugin:ErrorProne, which loads checks with ServiceLoader. */
  public HttpResponseLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public HttpResponseLeak(ErrorProneFlags flags) {
    super(CheckId.HttpResponseLeak, flags);
  }
}
