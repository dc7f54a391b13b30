package dev.leakguard.verifier;

/**
 * One runtime leak: a resource and the LeakGuard check it violates. Its accessors give what a
 * comparison with static findings needs: check id, file name, class, method and line of the
 * acquiring call.
 *
 * @param kind what is reported
 * @param resource the resource, as it was when the leak was decided
 */
public record LeakRecord(LeakKind kind, ResourceRecord resource) {

  /** The LeakGuard check id, e.g. {@code JdbcConnectionLeak}. */
  public String checkId() {
    return kind.checkId();
  }

  public ResourceType type() {
    return resource.type();
  }

  /** Where the leaked resource was acquired. */
  public Site site() {
    return resource.acquiredAt();
  }

  public String fileName() {
    return site().fileName();
  }

  public String className() {
    return site().className();
  }

  public String methodName() {
    return site().methodName();
  }

  public int lineNumber() {
    return site().lineNumber();
  }

  /** The one-line report: {@code LEAK <checkId> <Type> acquired at <site> was not closed}. */
  public String message() {
    return LeakMessages.summary(this);
  }

  /** The line of context printed under {@link #message()}: thread, caller and parent. */
  public String context() {
    return LeakMessages.context(this);
  }

  @Override
  public String toString() {
    return message();
  }
}
