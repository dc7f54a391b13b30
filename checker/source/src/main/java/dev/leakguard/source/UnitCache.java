package dev.leakguard.source;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed units kept between the passes of a scan, up to a budget of heap: the least recently
 * used unit goes first, and a unit not kept is parsed again when a pass needs it. What the tree
 * keeps for good (its index, names and summaries) grows with the tree; this does not. The units
 * that computations use now stay, over the budget if they must (see {@link #pin(Path,
 * CompilationUnit, int)}).
 *
 * <p>The budget is strong, not soft: with units behind soft references, a heap full of them made
 * the serial collector run full collections back to back, each freeing little (the JDK's
 * {@code src.zip} spent 80 % of its time there), and a pass could not tell a unit it would need
 * again soon from one it would not.
 *
 * <p>Thread-safe.
 */
final class UnitCache {
  /**
   * Heap a kept unit takes per node (without its tokens, with its text, the facts of {@link
   * UnitFacts} and the graphs kept for its methods): about 260 bytes, measured on the JDK's
   * sources (the JavaParser objects of the units kept, by class histogram, over their ranges, one
   * per node). The number of characters is a poorer measure: comments take no nodes.
   */
  static final int BYTES_PER_NODE = 260;

  private long budget;
  /** The most {@link #budget} may be. */
  private final long ceiling;
  private long used;
  /** The part of {@link #used} that units in use take: {@link #trim} stops where only they are left. */
  private long pinnedBytes;
  /** Null for a fixed budget; else what lowers the budget when the heap gets full (see {@link #adapt}). */
  private final HeapWatch watch;
  private long lastLive = -1;
  private final LinkedHashMap<Path, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);

  /** A unit kept, its estimated heap, and how many computations use it now (it stays while any does). */
  private static final class Kept {
    final CompilationUnit unit;
    final long bytes;
    int pins;

    Kept(CompilationUnit unit, long bytes) {
      this.unit = unit;
      this.bytes = bytes;
    }
  }

  /** A cache of at most {@code budgetBytes} of estimated heap, besides the units in use; 0 keeps none but those. */
  UnitCache(long budgetBytes) {
    this(budgetBytes, null);
  }

  /** A cache of at most {@code budgetBytes}, lowered and raised again as {@code watch} finds the heap (null: fixed). */
  UnitCache(long budgetBytes, HeapWatch watch) {
    if (budgetBytes < 0) {
      throw new IllegalArgumentException("the unit cache budget must not be negative, not " + budgetBytes);
    }
    this.budget = budgetBytes;
    this.ceiling = budgetBytes;
    this.watch = watch;
  }

  /**
   * A cache of at most half the heap the JVM may grow to, that gives way when the heap gets full:
   * each time a collection finds the old generation more than {@link #FULL} full, the budget is
   * lowered by the excess over {@link #TARGET}; each time it finds it less than {@link #LOW} full,
   * the budget is raised by what is missing to {@link #TARGET}. On a tree whose units fit, every
   * unit is kept and none is parsed twice; on one that does not (the JDK's sources in 2 GB), the
   * rest of the heap keeps room to work, with no run of full collections, and the cache takes back
   * what a deep chain of summaries held for a while. On a JVM that reports no old generation with a
   * limit (see {@link HeapWatch}) the budget stays at half the heap.
   */
  static UnitCache automatic() {
    return new UnitCache(Runtime.getRuntime().maxMemory() / 2, HeapWatch.ofOldGeneration());
  }

  /**
   * Fractions of the old generation after a collection, in percent: above FULL, units go until
   * TARGET would hold; below LOW, the budget grows by what is missing to TARGET.
   */
  static final int FULL = 70;

  static final int TARGET = 55;

  static final int LOW = 45;

  /** Moves the budget after a collection of the old generation (see {@link #automatic}). */
  private void adapt() {
    if (watch == null) {
      return;
    }
    long live = watch.liveAfterCollection();
    if (live < 0 || live == lastLive) {
      return;
    }
    lastLive = live;
    long max = watch.max();
    long target = max / 100 * TARGET;
    if (live > max / 100 * FULL) {
      budget = Math.max(0, Math.min(budget, used) - (live - target));
    } else if (live < max / 100 * LOW) {
      budget = Math.min(ceiling, budget + (target - live));
    }
  }

  /** The budget now (it moves only for an {@link #automatic} cache). */
  synchronized long budgetBytes() {
    return budget;
  }

  /** The unit kept for {@code file}, or null; counts as a use. */
  synchronized CompilationUnit get(Path file) {
    Kept k = kept.get(file);
    return k == null ? null : k.unit;
  }

  /**
   * Keeps {@code unit} of {@code file}, with {@code nodes} nodes, unless a unit of that file is
   * kept already or it is larger than the whole budget, then lets the least recently used units go
   * until the budget holds.
   */
  synchronized void put(Path file, CompilationUnit unit, int nodes) {
    long bytes = (long) nodes * BYTES_PER_NODE;
    if (kept.containsKey(file)) {
      return;
    }
    if (bytes <= budget) {
      kept.put(file, new Kept(unit, bytes));
      used += bytes;
      trim();
    } else {
      leftOut = true;
    }
  }

  /** A unit was let go, or not kept: the tree does not fit the budget (it never turns false). */
  private volatile boolean leftOut;

  /**
   * True once a unit was let go or not kept for want of room: some file will be parsed again when
   * a pass needs it. Until then every unit of the tree fits.
   */
  boolean leftOut() {
    return leftOut;
  }

  /**
   * The unit kept for {@code file}, now in use until {@link #unpin}, or null if none is kept (then
   * parse it and {@link #pin(Path, CompilationUnit, int)} it).
   */
  synchronized CompilationUnit pin(Path file) {
    Kept k = kept.get(file);
    if (k == null) {
      return null;
    }
    use(k);
    return k.unit;
  }

  /**
   * Keeps {@code unit} of {@code file}, just parsed with {@code nodes} nodes, in use until {@link
   * #unpin}; if another thread kept one of that file in between, that one is used instead.
   * A unit in use stays, and shares its file's unit with every computation that asks for it, over
   * the budget if it must: a chain of summaries hundreds of methods deep holds a unit for each
   * file it passes through, and would otherwise parse a file again for every level it comes back
   * to.
   */
  synchronized CompilationUnit pin(Path file, CompilationUnit unit, int nodes) {
    Kept k = kept.get(file);
    if (k == null) {
      k = new Kept(unit, (long) nodes * BYTES_PER_NODE);
      kept.put(file, k);
      used += k.bytes;
    }
    use(k);
    trim();
    return k.unit;
  }

  /** Ends one use of {@code file}'s unit begun with {@code pin}. */
  synchronized void unpin(Path file) {
    Kept k = kept.get(file);
    if (k == null || k.pins == 0) {
      throw new IllegalStateException("the unit of " + file + " is not in use");
    }
    if (--k.pins == 0) {
      pinnedBytes -= k.bytes;
      trim();
    }
  }

  private void use(Kept k) {
    if (k.pins++ == 0) {
      pinnedBytes += k.bytes;
    }
  }

  /** Lets the least recently used units no computation uses go until the budget holds. */
  private void trim() {
    adapt();
    // with only units in use left over the budget, there is nothing to look through
    for (Iterator<Map.Entry<Path, Kept>> it = kept.entrySet().iterator();
        used > budget && used > pinnedBytes && it.hasNext(); ) {
      Kept k = it.next().getValue();
      if (k.pins == 0) {
        it.remove();
        used -= k.bytes;
        leftOut = true;
      }
    }
  }

  /** The units kept now, least recently used first (no use is counted). */
  synchronized List<CompilationUnit> units() {
    List<CompilationUnit> out = new ArrayList<>(kept.size());
    for (Kept k : kept.values()) {
      out.add(k.unit);
    }
    return out;
  }

  /** Estimated heap of the units kept now, in use or not. */
  synchronized long usedBytes() {
    return used;
  }

  synchronized int size() {
    return kept.size();
  }
}
