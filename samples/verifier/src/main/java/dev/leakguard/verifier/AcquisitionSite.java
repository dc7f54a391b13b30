package dev.leakguard.verifier;

import java.util.List;

/**
 * A place where the application acquired JDBC resources, and how often: what a comparison with
 * static findings needs to tell a finding whose line never ran from one whose line ran without
 * leaking. Recorded only by a verifier built with {@link
 * VerifyingDataSource.Builder#recordAcquisitionSites()}.
 *
 * @param type the resource type acquired there
 * @param appStack the application frames of the acquiring call, innermost first; the first is the
 *     site, the next ones its callers (a helper that returns a resource is called from the line
 *     static analysis reports). Empty when no frame passed the skip list.
 * @param count how many resources of this type were acquired through these frames
 */
public record AcquisitionSite(ResourceType type, List<Site> appStack, long count) {

  public AcquisitionSite {
    appStack = List.copyOf(appStack);
  }

  /** The first application frame, or {@link Site#UNKNOWN}. */
  public Site site() {
    return appStack.isEmpty() ? Site.UNKNOWN : appStack.get(0);
  }
}
