package dev.leakguard.verifier;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bookkeeping of one verifier: it builds the tracked objects, keeps the open resources by
 * id, the findings decided at close time, and counters. Every structure is concurrent; ids come
 * from one atomic sequence, so a record is never lost or duplicated under contention.
 */
final class ResourceTracker {
  private final SiteLocator locator;
  private final int historyCapacity;
  private final ArrayDeque<ResourceSnapshot> history = new ArrayDeque<>(); // guarded by itself
  private final AtomicLong sequence = new AtomicLong();
  private final ConcurrentHashMap<Long, TrackedResource> open = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<LeakRecord> closedLeaks = new ConcurrentLinkedQueue<>();
  private final Map<ResourceType, LongAdder> acquired = new EnumMap<>(ResourceType.class);
  private final LongAdder closedExplicitly = new LongAdder();
  private final LongAdder closedImplicitly = new LongAdder();
  private final LongAdder reclaimed = new LongAdder();
  private final AcquisitionIndex acquisitions; // null unless sites are recorded
  private volatile long resetMark;

  ResourceTracker(SiteLocator locator, int historyCapacity, boolean recordSites) {
    this.locator = locator;
    this.historyCapacity = historyCapacity;
    this.acquisitions = recordSites ? new AcquisitionIndex() : null;
    for (ResourceType type : ResourceType.values()) {
      acquired.put(type, new LongAdder());
    }
  }

  /** The tracked Connection for one just borrowed, or null for null. */
  TrackedConnection connection(Connection delegate) {
    if (delegate == null) {
      return null;
    }
    long id = sequence.incrementAndGet();
    StackWalker walker = walkerHere();
    StackCapture stack =
        walker == null ? new CallStack() : walked(walker, ResourceType.CONNECTION);
    return register(new TrackedConnection(this, delegate, id, stack));
  }

  /** The tracked Statement for one just created on {@code connection}, or null for null. */
  TrackedStatement statement(Statement delegate, TrackedConnection connection) {
    if (delegate == null) {
      return null;
    }
    long id = sequence.incrementAndGet();
    StackWalker walker = walkerHere();
    StackCapture stack =
        walker == null ? new CallStack() : walked(walker, ResourceType.STATEMENT);
    return register(
        new TrackedStatement(this, ResourceType.STATEMENT, delegate, id, stack, connection));
  }

  /** The tracked PreparedStatement for one just created, or null for null. */
  TrackedPreparedStatement preparedStatement(
      PreparedStatement delegate, TrackedConnection connection) {
    if (delegate == null) {
      return null;
    }
    long id = sequence.incrementAndGet();
    StackWalker walker = walkerHere();
    StackCapture stack =
        walker == null ? new CallStack() : walked(walker, ResourceType.PREPARED_STATEMENT);
    return register(
        new TrackedPreparedStatement(
            this, ResourceType.PREPARED_STATEMENT, delegate, id, stack, connection));
  }

  /** The tracked CallableStatement for one just created, or null for null. */
  TrackedCallableStatement callableStatement(
      CallableStatement delegate, TrackedConnection connection) {
    if (delegate == null) {
      return null;
    }
    long id = sequence.incrementAndGet();
    StackWalker walker = walkerHere();
    StackCapture stack =
        walker == null ? new CallStack() : walked(walker, ResourceType.CALLABLE_STATEMENT);
    return register(new TrackedCallableStatement(this, delegate, id, stack, connection));
  }

  /**
   * The tracked ResultSet for one just returned by {@code parent} (its Statement, or for a
   * metadata result set its Connection), or null for null.
   */
  TrackedResultSet resultSet(ResultSet delegate, TrackedResource parent) {
    if (delegate == null) {
      return null;
    }
    long id = sequence.incrementAndGet();
    StackWalker walker = walkerHere();
    StackCapture stack =
        walker == null ? new CallStack() : walked(walker, ResourceType.RESULT_SET);
    return register(new TrackedResultSet(this, delegate, id, stack, parent));
  }

  /**
   * The walker an acquisition's stack is taken with here, or null for a {@link CallStack},
   * which the method building the resource takes itself. When sites are indexed it is the
   * locator's walker, whose frames the index keys on; otherwise whichever capture costs this
   * thread less ({@link SiteLocator#chosenWalker()}).
   */
  private StackWalker walkerHere() {
    return acquisitions != null ? locator.indexWalker() : locator.chosenWalker();
  }

  private StackCapture walked(StackWalker walker, ResourceType type) {
    WalkedStack walked = new WalkedStack(locator.walk(walker));
    if (acquisitions != null) {
      acquisitions.add(type, walked.frames);
    }
    return walked;
  }

  /** Starts tracking a resource just built, before it is handed out. */
  private <T extends TrackedResource> T register(T resource) {
    acquired.get(resource.type).increment();
    open.put(resource.id, resource);
    TrackedResource parent = resource.parent;
    if (parent != null && !parent.addChild(resource)) {
      // The parent closed its children already (a race with its close): so did the driver.
      TrackedResource.Closure late = parent.closureForLateChild();
      if (late != null) {
        resource.markClosed(late.reason(), late.site());
      }
    }
    return resource;
  }

  /** Where the current call happens, captured now and resolved when a record shows it. */
  StackCapture closeSite() {
    return locator.captureHere();
  }

  /** Whether closed records are kept, and so every close site is wanted. */
  boolean keepsHistory() {
    return historyCapacity > 0;
  }

  /** The most recently closed records, oldest first. */
  List<ResourceRecord> history() {
    List<ResourceSnapshot> closed;
    synchronized (history) {
      closed = List.copyOf(history);
    }
    List<ResourceRecord> records = new ArrayList<>(closed.size());
    for (ResourceSnapshot snapshot : closed) {
      records.add(snapshot.resolve(locator));
    }
    return records;
  }

  /** Called once per resource, when it stops being open. */
  void closed(TrackedResource resource, CloseReason reason) {
    open.remove(resource.id);
    if (resource.id <= resetMark) {
      return; // acquired before reset(): forgotten
    }
    switch (reason) {
      case EXPLICIT:
        closedExplicitly.increment();
        break;
      case RECLAIMED:
        reclaimed.increment();
        break;
      default:
        closedImplicitly.increment();
        break;
    }
    if (historyCapacity > 0) {
      ResourceSnapshot snapshot = resource.snapshot();
      synchronized (history) {
        if (history.size() == historyCapacity) {
          history.removeFirst();
        }
        history.addLast(snapshot);
      }
    }
    if (reason == CloseReason.CONNECTION_CLOSED) {
      LeakKind kind =
          resource.type.isStatement()
              ? LeakKind.STATEMENT_LEFT_TO_CONNECTION_CLOSE
              : LeakKind.RESULT_SET_LEAK;
      closedLeaks.add(new LeakRecord(kind, resource.record()));
    }
  }

  long mark() {
    return sequence.get();
  }

  List<ResourceRecord> snapshot() {
    List<ResourceRecord> records = new ArrayList<>();
    for (TrackedResource resource : open.values()) {
      ResourceRecord record = resource.record();
      if (record.isOpen()) {
        records.add(record);
      }
    }
    records.sort(Comparator.comparingLong(ResourceRecord::id));
    return records;
  }

  List<LeakRecord> leaksSince(long mark) {
    List<LeakRecord> leaks = new ArrayList<>();
    for (TrackedResource resource : open.values()) {
      if (resource.id > mark) {
        ResourceRecord record = resource.record();
        if (record.isOpen()) {
          leaks.add(new LeakRecord(LeakKind.ofOpen(record.type()), record));
        }
      }
    }
    for (LeakRecord leak : closedLeaks) {
      if (leak.resource().id() > mark) {
        leaks.add(leak);
      }
    }
    leaks.sort(Comparator.comparingLong(leak -> leak.resource().id()));
    return leaks;
  }

  /** Closes the open resources among {@code leaks}, result sets first; returns how many. */
  int reclaim(List<LeakRecord> leaks) {
    List<TrackedResource> targets = new ArrayList<>();
    for (LeakRecord leak : leaks) {
      TrackedResource resource = open.get(leak.resource().id());
      if (resource != null) {
        targets.add(resource);
      }
    }
    return reclaimAll(targets);
  }

  int reclaimAll() {
    return reclaimAll(new ArrayList<>(open.values()));
  }

  private int reclaimAll(List<TrackedResource> targets) {
    // Children before parents: a ResultSet, then its Statement, then its Connection.
    targets.sort(
        Comparator.comparingInt((TrackedResource r) -> reclaimOrder(r.type))
            .thenComparingLong(r -> r.id));
    int count = 0;
    for (TrackedResource resource : targets) {
      if (resource.isOpen()) {
        resource.reclaim();
        count++;
      }
    }
    return count;
  }

  private static int reclaimOrder(ResourceType type) {
    return type == ResourceType.RESULT_SET ? 0 : type == ResourceType.CONNECTION ? 2 : 1;
  }

  void reset() {
    resetMark = sequence.get();
    open.clear();
    closedLeaks.clear();
    if (acquisitions != null) {
      acquisitions.clear();
    }
    synchronized (history) {
      history.clear();
    }
    for (LongAdder counter : acquired.values()) {
      counter.reset();
    }
    closedExplicitly.reset();
    closedImplicitly.reset();
    reclaimed.reset();
  }

  VerifierStats stats() {
    return new VerifierStats(
        acquired.get(ResourceType.CONNECTION).sum(),
        acquired.get(ResourceType.STATEMENT).sum()
            + acquired.get(ResourceType.PREPARED_STATEMENT).sum()
            + acquired.get(ResourceType.CALLABLE_STATEMENT).sum(),
        acquired.get(ResourceType.RESULT_SET).sum(),
        closedExplicitly.sum(),
        closedImplicitly.sum(),
        reclaimed.sum(),
        open.size());
  }

  /** How many records the tracker holds: open resources plus findings kept until reset. */
  int retained() {
    return open.size() + closedLeaks.size();
  }

  /** The acquisition sites seen, or null when they are not recorded. */
  List<AcquisitionSite> acquisitionSites() {
    return acquisitions == null ? null : acquisitions.sites();
  }

  SiteLocator locator() {
    return locator;
  }
}
