package dev.leakguard.verifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The distinct acquisition sites a verifier has seen, with counts. Each acquisition costs one
 * lookup keyed by the frames' classes, method names and bytecode indexes; file names and lines
 * are resolved only when {@link #sites()} is asked, once per distinct key. The index grows with
 * the number of distinct call paths, not with the number of acquisitions.
 */
final class AcquisitionIndex {
  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong order = new AtomicLong();

  void add(ResourceType type, StackWalker.StackFrame[] frames) {
    entries.computeIfAbsent(new Key(type, frames), key -> new Entry(type, frames, order.incrementAndGet()))
        .count.increment();
  }

  void clear() {
    entries.clear();
  }

  /** One entry per (type, resolved frames), in the order first seen. */
  List<AcquisitionSite> sites() {
    List<Entry> ordered = new ArrayList<>(entries.values());
    ordered.sort(Comparator.comparingLong(entry -> entry.order));
    // Two bytecode indexes on one line resolve to the same site: merge them.
    Map<Resolved, Long> merged = new LinkedHashMap<>();
    for (Entry entry : ordered) {
      merged.merge(
          new Resolved(entry.type, SiteLocator.resolve(entry.frames)), entry.count.sum(), Long::sum);
    }
    List<AcquisitionSite> sites = new ArrayList<>(merged.size());
    merged.forEach((key, count) -> sites.add(new AcquisitionSite(key.type(), key.appStack(), count)));
    return sites;
  }

  private record Resolved(ResourceType type, List<Site> appStack) {}

  private static final class Entry {
    final ResourceType type;
    final StackWalker.StackFrame[] frames;
    final long order;
    final LongAdder count = new LongAdder();

    Entry(ResourceType type, StackWalker.StackFrame[] frames, long order) {
      this.type = type;
      this.frames = frames;
      this.order = order;
    }
  }

  /** Identity of a call path without resolving lines: class, method name and bytecode index. */
  private static final class Key {
    private final ResourceType type;
    private final Object[] parts;
    private final int hash;

    Key(ResourceType type, StackWalker.StackFrame[] frames) {
      this.type = type;
      this.parts = new Object[frames.length * 3];
      for (int i = 0; i < frames.length; i++) {
        parts[3 * i] = frames[i].getDeclaringClass();
        parts[3 * i + 1] = frames[i].getMethodName();
        parts[3 * i + 2] = frames[i].getByteCodeIndex();
      }
      this.hash = 31 * type.hashCode() + Arrays.hashCode(parts);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.type == type && Arrays.equals(key.parts, parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
