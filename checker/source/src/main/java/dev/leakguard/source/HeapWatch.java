package dev.leakguard.source;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * How full the old generation is after the collector last went through it: what a cache that
 * must not crowd out the rest of the heap looks at. Reads the JVM's memory pools and changes
 * nothing in them (no thresholds set: the host tool may use them).
 */
interface HeapWatch {
  /** The pool's bytes in use after its last collection, or -1 before the first one. */
  long liveAfterCollection();

  /** The most the pool may grow to. */
  long max();

  /**
   * The watch of the heap pool where long-lived objects end up (the old or tenured generation; the
   * single heap pool of a collector without generations), or null if the JVM reports none with a
   * limit and a usage after collection.
   */
  static HeapWatch ofOldGeneration() {
    MemoryPoolMXBean best = null;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = p.getName().toLowerCase(java.util.Locale.ROOT);
      if (p.getType() != MemoryType.HEAP
          || !p.isCollectionUsageThresholdSupported()
          || p.getCollectionUsage() == null
          || name.contains("eden")
          || name.contains("survivor")
          || name.contains("young")) {
        continue;
      }
      if (p.getUsage().getMax() > 0 && (best == null || p.getUsage().getMax() > best.getUsage().getMax())) {
        best = p;
      }
    }
    return best == null ? null : new Pool(best);
  }

  /** A memory pool of the running JVM. */
  record Pool(MemoryPoolMXBean pool) implements HeapWatch {
    @Override
    public long liveAfterCollection() {
      MemoryUsage u = pool.getCollectionUsage();
      return u == null || u.getUsed() == 0 ? -1 : u.getUsed();
    }

    @Override
    public long max() {
      return pool.getUsage().getMax();
    }
  }
}
