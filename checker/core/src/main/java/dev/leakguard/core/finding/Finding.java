package dev.leakguard.core.finding;

import dev.leakguard.core.analysis.Site;
import java.util.List;

/**
 * One leaked resource in one method: reported at the acquisition site, with the path chosen to
 * explain it and the other leaking paths as related locations.
 *
 * @param handedOver true if some path hands the resource over (returns it, stores it where its
 *     owner closes it, gives it to an object), or hands over a resource made from it (a result set
 *     of the statement): a try-with-resources would close it too early on that path
 */
public record Finding(
    CheckId id, Site site, LeakPath path, List<LeakPath> otherPaths, boolean handedOver, String message) {

  public Severity severity() {
    return id.severity();
  }

  public int line() {
    return site.line();
  }

  /** True if the explained path is an exceptional exit. */
  public boolean exceptional() {
    return path.exceptional();
  }
}
