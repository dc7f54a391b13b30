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
 * @param ownershipDisputed the resource comes from a call whose bodies disagree (some return a
 *     new resource, some an existing one) and only names or callers made it an acquisition:
 *     whether this method owns it depends on which body runs, so the finding is at most a warning
 * @param alsoCloses the resources made from this one and left open with it (a statement's result
 *     sets), in source order: closing this one closes them, so they are not reported apart
 */
public record Finding(
    CheckId id,
    Site site,
    LeakPath path,
    List<LeakPath> otherPaths,
    boolean handedOver,
    String message,
    boolean ownershipDisputed,
    List<Site> alsoCloses) {

  public Finding {
    otherPaths = List.copyOf(otherPaths);
    alsoCloses = List.copyOf(alsoCloses);
  }

  public Finding(
      CheckId id, Site site, LeakPath path, List<LeakPath> otherPaths, boolean handedOver, String message) {
    this(id, site, path, otherPaths, handedOver, message, false, List.of());
  }

  /** The id's severity, lowered to a warning where ownership is disputed (it never fails a gate by default). */
  public Severity severity() {
    return ownershipDisputed ? id.severity().atMost(Severity.WARNING) : id.severity();
  }

  public int line() {
    return site.line();
  }

  /** True if the explained path is an exceptional exit. */
  public boolean exceptional() {
    return path.exceptional();
  }
}
