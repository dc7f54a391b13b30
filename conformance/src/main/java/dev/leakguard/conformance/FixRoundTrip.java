package dev.leakguard.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fix round trip of an engine: the corpus is copied, every suggested fix is applied to the
 * copy at once, and the engine runs on the copy before and after. What it compares is each
 * finding's file, id and message with line numbers taken out (the fix moves lines).
 */
public final class FixRoundTrip {
  private FixRoundTrip() {}

  /** A finding as the round trip compares it. */
  public record Key(String file, String id, String message) implements Comparable<Key> {
    /** A finding of {@code file} (corpus-relative), its message's numbers replaced by {@code #}. */
    public static Key of(String file, String id, String message) {
      return new Key(file, id, message.replaceAll("\\d+", "#"));
    }

    @Override
    public int compareTo(Key o) {
      return toString().compareTo(o.toString());
    }
  }

  /** Copies the corpus under {@code dir} (which gets a {@code corpus/} folder) and loads the copy. */
  public static Corpus copy(Corpus corpus, Path dir) throws IOException {
    for (Path f : corpus.files()) {
      Path to = dir.resolve(corpus.relativize(f));
      Files.createDirectories(to.getParent());
      Files.copy(f, to);
    }
    return Corpus.load(dir);
  }

  /** Counts each key. */
  public static Map<Key, Integer> count(Collection<Key> keys) {
    Map<Key, Integer> out = new TreeMap<>();
    for (Key k : keys) {
      out.merge(k, 1, Integer::sum);
    }
    return out;
  }

  /**
   * The findings after the fix that were not there before, or more often than before: none is
   * the test (a fix must not make a leak elsewhere).
   */
  public static List<Key> added(Map<Key, Integer> before, Map<Key, Integer> after) {
    List<Key> out = new ArrayList<>();
    for (Map.Entry<Key, Integer> e : after.entrySet()) {
      for (int n = before.getOrDefault(e.getKey(), 0); n < e.getValue(); n++) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** The number of findings in a count. */
  public static int size(Map<Key, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
