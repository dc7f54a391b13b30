package dev.leakguard.verifier;

import java.util.List;

/**
 * The call stack at one acquisition or close, kept in whatever form was cheapest to take and
 * resolved to {@link Site}s only when a report, a record or an index asks. Most resources are
 * closed in time and never need it resolved.
 */
interface StackCapture {

  /**
   * The application frames of the captured call, innermost first, as {@link SiteLocator} picks
   * them: the acquisition (or close) site and up to {@code appFrames - 1} callers. Resolved on
   * the first call and kept.
   */
  List<Site> appStack(SiteLocator locator);

  /** The first application frame, or {@link Site#UNKNOWN}. */
  default Site site(SiteLocator locator) {
    List<Site> sites = appStack(locator);
    return sites.isEmpty() ? Site.UNKNOWN : sites.get(0);
  }
}
