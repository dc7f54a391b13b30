package dev.leakguard.maven;

import dev.leakguard.core.report.ReportedFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the findings of several engines: the same check id at the same file and line is one
 * finding, which lists every engine that saw it. Its message and fingerprint are those of the
 * first engine in {@code engineOrder} that reported it.
 */
public final class FindingMerger {
  private FindingMerger() {}

  public static List<MergedFinding> merge(List<ReportedFinding> all, List<String> engineOrder) {
    List<ReportedFinding> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt((ReportedFinding f) -> rank(f, engineOrder)));
    Map<String, List<ReportedFinding>> groups = new LinkedHashMap<>();
    for (ReportedFinding f : sorted) {
      groups.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
    }
    List<MergedFinding> out = new ArrayList<>();
    for (List<ReportedFinding> group : groups.values()) {
      ReportedFinding first = group.get(0);
      Set<String> engines = new LinkedHashSet<>();
      Set<String> fingerprints = new LinkedHashSet<>();
      for (ReportedFinding f : group) {
        engines.addAll(f.engines());
        fingerprints.add(f.fingerprint());
      }
      List<String> orderedEngines = new ArrayList<>(engines);
      orderedEngines.sort(Comparator.comparingInt(e -> indexOf(engineOrder, e)));
      out.add(
          new MergedFinding(
              new ReportedFinding(
                  first.path(), first.line(), first.id(), first.message(), first.fingerprint(),
                  List.copyOf(orderedEngines)),
              List.copyOf(fingerprints)));
    }
    out.sort(ORDER);
    return out;
  }

  /** Report order: path, line, check id. */
  public static final Comparator<MergedFinding> ORDER =
      Comparator.comparing((MergedFinding m) -> m.finding().path())
          .thenComparingInt(m -> m.finding().line())
          .thenComparing(m -> m.finding().id());

  private static String key(ReportedFinding f) {
    return f.path() + '\u0000' + f.line() + '\u0000' + f.id().name();
  }

  private static int rank(ReportedFinding f, List<String> order) {
    int best = Integer.MAX_VALUE;
    for (String e : f.engines()) {
      best = Math.min(best, indexOf(order, e));
    }
    return best;
  }

  private static int indexOf(List<String> order, String engine) {
    for (int i = 0; i < order.size(); i++) {
      if (Objects.equals(order.get(i), engine)) {
        return i;
      }
    }
    return order.size();
  }
}
