package dev.leakguard.verifier;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One tracked JDBC object, handed to the application in place of the driver's: its subclasses
 * implement the JDBC interface by forwarding to the driver's object, and this class keeps the
 * bookkeeping: what it is, where it was acquired, its open children, and whether, why and where
 * it was closed.
 *
 * <p>State: a resource is open until {@link #markClosed} succeeds once (compare-and-set, so an
 * explicit close racing an implicit one is recorded once). Open children (a Connection's
 * Statements, a Statement's ResultSets) are kept under this object's lock, the first one in a
 * field and any others in a list, and removed as they close, so a long-lived Connection that
 * runs many statements keeps nothing. No code path holds two resources' locks at once.
 *
 * <p>The acquisition site, and a close site when one is taken, are kept as unresolved {@link
 * StackCapture}s and resolved to file and line only when a record is built, which most
 * resources, closed in time, never need.
 */
abstract class TrackedResource {

  private static final VarHandle CLOSURE;

  static {
    try {
      CLOSURE =
          MethodHandles.lookup().findVarHandle(TrackedResource.class, "closure", Closure.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Why and where a resource was closed; {@code site} is null when it was not located. */
  record Closure(CloseReason reason, StackCapture site) {
    private static final Closure[] UNLOCATED = new Closure[CloseReason.values().length];

    static {
      for (CloseReason reason : CloseReason.values()) {
        UNLOCATED[reason.ordinal()] = new Closure(reason, null);
      }
    }

    /** The closure for {@code reason} at {@code site}; one shared instance when not located. */
    static Closure of(CloseReason reason, StackCapture site) {
      return site == null ? UNLOCATED[reason.ordinal()] : new Closure(reason, site);
    }
  }

  final ResourceTracker tracker;
  final ResourceType type;
  final Object delegate;
  final long id;
  final String thread;
  final TrackedResource parent;

  final StackCapture acquisition;

  @SuppressWarnings("unused") // written through CLOSURE
  private volatile Closure closure;

  // The open children, guarded by this: the first in a field, since most resources have at most
  // one open at a time (a Connection its Statement, a Statement its ResultSet), others in a list.
  private TrackedResource firstChild;
  private List<TrackedResource> moreChildren;
  private boolean childrenDetached; // guarded by this

  TrackedResource(
      ResourceTracker tracker,
      ResourceType type,
      Object delegate,
      long id,
      StackCapture acquisition,
      TrackedResource parent) {
    this.tracker = tracker;
    this.type = type;
    this.delegate = delegate;
    this.id = id;
    this.acquisition = acquisition;
    this.thread = Thread.currentThread().getName();
    this.parent = parent;
  }

  /** The reason a child gets when this resource closes for {@code reason}. */
  abstract CloseReason childReason(CloseReason reason);

  /** Whether resources are ever attached to this one; a ResultSet has none to close. */
  boolean canHaveChildren() {
    return true;
  }

  final boolean isOpen() {
    return closure == null;
  }

  /**
   * Where an explicit close happens, or null. The stack is captured only when something will show
   * the site: a Connection that closes open Statements (a finding), or the closed-records history.
   */
  final StackCapture explicitCloseSite() {
    boolean wanted =
        tracker.keepsHistory() || (type == ResourceType.CONNECTION && hasOpenChildren());
    return wanted ? tracker.closeSite() : null;
  }

  /**
   * Records the close once and closes the open children for the matching implicit reason.
   *
   * @return false if it was already closed
   */
  final boolean markClosed(CloseReason reason, StackCapture site) {
    if (!CLOSURE.compareAndSet(this, null, Closure.of(reason, site))) {
      return false;
    }
    tracker.closed(this, reason);
    if (parent != null) {
      parent.childClosed(this, reason, site);
    }
    if (!canHaveChildren()) {
      return true;
    }
    List<TrackedResource> orphans = detachChildren();
    if (!orphans.isEmpty()) {
      CloseReason forChildren = childReason(reason);
      for (TrackedResource child : orphans) {
        child.markClosed(forChildren, site);
      }
    }
    return true;
  }

  /** Closes the driver's object for an explicit close and records it, even if that threw. */
  final void closeExplicitly() throws SQLException {
    if (!isOpen()) {
      closeDelegate();
      return;
    }
    try {
      closeDelegate();
    } finally {
      markClosed(CloseReason.EXPLICIT, explicitCloseSite());
    }
  }

  /** Closes the driver's object. */
  abstract void closeDelegate() throws SQLException;

  /** Closes the underlying object on the verifier's behalf after its leak was reported. */
  final void reclaim() {
    if (!isOpen()) {
      return;
    }
    try {
      closeDelegate();
    } catch (SQLException | RuntimeException e) {
      // The leak is already reported; a failing close of the leaked object changes nothing.
    } finally {
      markClosed(CloseReason.RECLAIMED, null);
    }
  }

  /**
   * Attaches a child.
   *
   * @return false if this resource has already closed its children, in which case the caller
   *     closes the child at once, as the driver did
   */
  final synchronized boolean addChild(TrackedResource child) {
    if (childrenDetached) {
      return false;
    }
    if (firstChild == null) {
      firstChild = child;
    } else {
      if (moreChildren == null) {
        moreChildren = new ArrayList<>(2);
      }
      moreChildren.add(child);
    }
    return true;
  }

  /** Called when a child closes; subclasses may react (closeOnCompletion). */
  void childClosed(TrackedResource child, CloseReason reason, StackCapture site) {
    removeChild(child);
  }

  final synchronized void removeChild(TrackedResource child) {
    if (firstChild == child) {
      firstChild = moreChildren == null || moreChildren.isEmpty() ? null : moreChildren.remove(0);
    } else if (moreChildren != null) {
      for (int i = moreChildren.size() - 1; i >= 0; i--) {
        if (moreChildren.get(i) == child) {
          moreChildren.remove(i);
          return;
        }
      }
    }
  }

  final synchronized boolean hasOpenChildren() {
    return firstChild != null;
  }

  /** The open child whose underlying object is {@code childDelegate}, or null. */
  final synchronized TrackedResource childFor(Object childDelegate) {
    if (firstChild != null && firstChild.delegate == childDelegate) {
      return firstChild;
    }
    if (moreChildren != null) {
      for (TrackedResource child : moreChildren) {
        if (child.delegate == childDelegate) {
          return child;
        }
      }
    }
    return null;
  }

  /** Closes every open child for {@code reason} without closing this resource. */
  final void closeChildren(CloseReason reason) {
    List<TrackedResource> current;
    synchronized (this) {
      if (firstChild == null) {
        return;
      }
      current = takeChildren();
    }
    StackCapture site = tracker.keepsHistory() ? tracker.closeSite() : null;
    for (TrackedResource child : current) {
      child.markClosed(reason, site);
    }
  }

  private synchronized List<TrackedResource> detachChildren() {
    childrenDetached = true;
    return takeChildren();
  }

  /** The open children, oldest first, no longer attached. */
  private List<TrackedResource> takeChildren() { // called holding this
    List<TrackedResource> current;
    if (firstChild == null) {
      current = List.of();
    } else if (moreChildren == null || moreChildren.isEmpty()) {
      current = List.of(firstChild);
    } else {
      current = new ArrayList<>(moreChildren.size() + 1);
      current.add(firstChild);
      current.addAll(moreChildren);
    }
    firstChild = null;
    moreChildren = null;
    return current;
  }

  /** The reason and site children get when attached after this resource closed them. */
  final Closure closureForLateChild() {
    Closure own = closure;
    return own == null ? null : Closure.of(childReason(own.reason()), own.site());
  }

  @Override
  public final String toString() {
    return type.displayName() + "#" + id + "[" + delegate + "]";
  }

  /** A snapshot for reports. */
  final ResourceRecord record() {
    return snapshot().resolve(tracker.locator());
  }

  /** What {@link #record()} is made of, unresolved; it holds no JDBC object. */
  final ResourceSnapshot snapshot() {
    return new ResourceSnapshot(
        id,
        type,
        acquisition,
        thread,
        parent == null ? 0 : parent.id,
        parent == null ? null : parent.type,
        parent == null ? null : parent.acquisition,
        closure);
  }
}
