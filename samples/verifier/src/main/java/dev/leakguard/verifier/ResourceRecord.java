package dev.leakguard.verifier;

import java.util.List;

/**
 * An immutable snapshot of one tracked JDBC resource: what it is, where it was acquired, and
 * whether, why and where it was closed. It holds no reference to the JDBC object itself.
 *
 * @param id the acquisition sequence number, unique per verifier and increasing
 * @param type the resource type
 * @param appStack the first application frames of the acquiring call, innermost first; the
 *     first one is the acquisition site. Empty when no frame passed the skip list.
 * @param thread the name of the acquiring thread
 * @param parentId the id of the Connection (for a Statement or metadata ResultSet) or Statement
 *     (for a ResultSet) it came from, or 0
 * @param parentType the parent's type, or {@code null}
 * @param parentSite the parent's acquisition site, or {@code null}
 * @param closeReason why it was closed, or {@code null} while it is open
 * @param closedAt where the close happened (for implicit closes, where the triggering call
 *     happened), or {@code null}
 */
public record ResourceRecord(
    long id,
    ResourceType type,
    List<Site> appStack,
    String thread,
    long parentId,
    ResourceType parentType,
    Site parentSite,
    CloseReason closeReason,
    Site closedAt) {

  public ResourceRecord {
    appStack = List.copyOf(appStack);
  }

  /** The acquisition site: the first application frame of the acquiring call. */
  public Site acquiredAt() {
    return appStack.isEmpty() ? Site.UNKNOWN : appStack.get(0);
  }

  /** Whether the resource was still open when this snapshot was taken. */
  public boolean isOpen() {
    return closeReason == null;
  }
}
