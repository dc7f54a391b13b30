package dev.leakguard.source.cli;

import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The added or modified lines of each file of a diff, by the file's new path. Lines only deleted
 * leave nothing here; a file only deleted, or renamed without a change, has no lines.
 */
final class ChangedLines {
  private final Map<String, BitSet> lines;

  private ChangedLines(Map<String, BitSet> lines) {
    this.lines = lines;
  }

  static Builder builder() {
    return new Builder();
  }

  /** True if {@code line} (1-based) of the new version of {@code path} was added or changed. */
  boolean contains(String path, int line) {
    BitSet set = lines.get(path);
    return set != null && line > 0 && set.get(line);
  }

  /** The paths that have at least one added or changed line. */
  Set<String> paths() {
    return Collections.unmodifiableSet(lines.keySet());
  }

  /** Number of changed lines of {@code path}. */
  int count(String path) {
    BitSet set = lines.get(path);
    return set == null ? 0 : set.cardinality();
  }

  /** These changes plus every line of the given files (new files the diff does not show). */
  ChangedLines withWholeFiles(Map<String, Integer> lineCounts) {
    Map<String, BitSet> out = new TreeMap<>();
    lines.forEach((p, s) -> out.put(p, (BitSet) s.clone()));
    lineCounts.forEach((p, n) -> {
      if (n > 0) {
        out.computeIfAbsent(p, k -> new BitSet()).set(1, n + 1);
      }
    });
    return new ChangedLines(out);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    lines.forEach((p, s) -> sb.append(p).append(' ').append(s).append('\n'));
    return sb.toString();
  }

  static final class Builder {
    private final Map<String, BitSet> lines = new TreeMap<>();

    Builder add(String path, int line) {
      lines.computeIfAbsent(path, p -> new BitSet()).set(line);
      return this;
    }

    ChangedLines build() {
      return new ChangedLines(new TreeMap<>(lines));
    }
  }
}
