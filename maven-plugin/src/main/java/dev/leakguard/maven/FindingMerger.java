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
 *
 * <p>The same finding may come at two nearby lines: bytecode gives an object creation the line of
 * the statement it is in ({@code Statement st =} on one line, {@code new ...(} on the next), where
 * a syntax tree gives the line of the creation itself. Findings with the same file, id and message,
 * at most {@link #NEARBY_LINES} lines apart, from engines none of which reported the other, are one
 * finding, at the line of the first engine in {@code engineOrder} that reported it.
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
    for (List<ReportedFinding> group : joinNearby(new ArrayList<>(groups.values()), engineOrder)) {
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
              first.withEngines(List.copyOf(orderedEngines)),
              List.copyOf(fingerprints)));
    }
    out.sort(ORDER);
    return out;
  }

  /** How far apart two engines' lines for one finding may be. */
  static final int NEARBY_LINES = 2;

  /**
   * Joins groups of findings that are one finding seen at nearby lines (see the class comment);
   * each group lists its findings best-ranked engine first, and so does a joined group.
   */
  private static List<List<ReportedFinding>> joinNearby(
      List<List<ReportedFinding>> groups, List<String> engineOrder) {
    List<List<ReportedFinding>> byLine = new ArrayList<>(groups);
    byLine.sort(
        Comparator.comparing((List<ReportedFinding> g) -> g.get(0).path())
            .thenComparing(g -> g.get(0).id())
            .thenComparing(g -> g.get(0).message())
            .thenComparingInt(g -> g.get(0).line()));
    List<List<ReportedFinding>> out = new ArrayList<>();
    for (int i = 0; i < byLine.size(); i++) {
      List<ReportedFinding> group = byLine.get(i);
      if (i + 1 < byLine.size() && sameFindingNearby(group, byLine.get(i + 1))) {
        List<ReportedFinding> joined = new ArrayList<>(group);
        joined.addAll(byLine.get(i + 1));
        joined.sort(Comparator.comparingInt((ReportedFinding f) -> rank(f, engineOrder)));
        out.add(joined);
        i++;
      } else {
        out.add(group);
      }
    }
    return out;
  }

  private static boolean sameFindingNearby(List<ReportedFinding> a, List<ReportedFinding> b) {
    ReportedFinding fa = a.get(0);
    ReportedFinding fb = b.get(0);
    if (!fa.path().equals(fb.path()) || fa.id() != fb.id() || !fa.message().equals(fb.message())
        || Math.abs(fa.line() - fb.line()) > NEARBY_LINES) {
      return false;
    }
    Set<String> enginesOfA = new LinkedHashSet<>();
    a.forEach(f -> enginesOfA.addAll(f.engines()));
    return b.stream().flatMap(f -> f.engines().stream()).noneMatch(enginesOfA::contains);
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
