package dev.leakguard.verifier;

/**
 * What a {@link ResourceRecord} is made of, with its stacks still unresolved: a tracked resource
 * builds one when a record is asked for, and the closed-records history keeps them, so a close
 * costs no stack resolution and the history holds no JDBC object.
 */
record ResourceSnapshot(
    long id,
    ResourceType type,
    StackCapture acquisition,
    String thread,
    long parentId,
    ResourceType parentType,
    StackCapture parentAcquisition,
    TrackedResource.Closure closure) {

  ResourceRecord resolve(SiteLocator locator) {
    StackCapture closedAt = closure == null ? null : closure.site();
    return new ResourceRecord(
        id,
        type,
        acquisition.appStack(locator),
        thread,
        parentId,
        parentType,
        parentAcquisition == null ? null : parentAcquisition.site(locator),
        closure == null ? null : closure.reason(),
        closedAt == null ? null : closedAt.site(locator));
  }
}
