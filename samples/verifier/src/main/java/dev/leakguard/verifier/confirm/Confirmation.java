package dev.leakguard.verifier.confirm;

import dev.leakguard.verifier.AcquisitionSite;
import dev.leakguard.verifier.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static findings against what the runtime verifier saw: per finding, confirmed / ran without
 * leaking / not exercised; per runtime leak, found statically / missed.
 *
 * <h2>Matching</h2>
 *
 * A runtime leak is at a finding when one of its application frames is at the finding's file
 * and line (see {@link SourcePaths}) and the finding's check id covers the leak's. The frames
 * are tried innermost first: the acquisition site, then its callers, because static analysis
 * reports a resource that a helper returns where the caller, its owner, fails to close it.
 *
 * <p>A result set left open with its statement is reported statically on the statement (closing
 * it closes both): a runtime result set leak that no finding reports at its own frames is found by
 * a statement leak finding at its statement's acquisition site.
 *
 * <p>A check id covers itself, and {@code JdbcStatementLeak} also covers {@code
 * JdbcStatementLeftToConnectionClose}: static analysis reports one finding per resource under the
 * most severe id over all paths, so a statement left to its connection's close on one path and
 * never closed on another is reported as a plain statement leak, while one run sees one path.
 * Such a leak is "found" but shown with the finding's id. Confirming a finding takes a leak of
 * exactly its id: a weaker leak does not prove a stronger finding.
 *
 * <h2>Exercised</h2>
 *
 * A finding is exercised when the verifier recorded an acquisition with a frame at its file and
 * line (or a leak there). An exercised finding without a leak of its id ran only on paths that
 * close the resource: either its leaking path was not driven, or it is a false positive. Without
 * recorded acquisition sites that cannot be decided, and such a finding is "no leak seen".
 */
public final class Confirmation {

  /** {@link LeakResult#frame()} of a result set leak found through its statement's finding. */
  public static final int BY_PARENT = -2;

  private static final String RESULT_SET_LEAK = "JdbcResultSetLeak";
  private static final String STATEMENT_LEAK = "JdbcStatementLeak";

  /** Static ids that cover a weaker runtime id at the same place, besides themselves. */
  private static final Map<String, Set<String>> COVERS =
      Map.of("JdbcStatementLeak", Set.of("JdbcStatementLeftToConnectionClose"));

  /** What the runtime says about a static finding. */
  public enum FindingStatus {
    /** A leak of exactly this id was seen at the finding's line. */
    CONFIRMED("confirmed"),
    /** The line ran (resources were acquired there) but never leaked with this id. */
    NOT_CONFIRMED("not confirmed"),
    /** Nothing was acquired at the line: no run drove it. */
    NOT_EXERCISED("not exercised"),
    /** No leak there, and acquisition sites were not recorded to tell whether it ran. */
    NO_LEAK_SEEN("no leak seen");

    private final String label;

    FindingStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What the runtime says about a pool-configuration finding. */
  public enum PoolStatus {
    /** A pool configured in the finding's file ran dry at runtime. */
    CONFIRMED("confirmed"),
    /** No run starved a pool configured there, or the setting's effect is not a starved pool. */
    NOT_EXERCISED("not exercised");

    private final String label;

    PoolStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Pool-configuration ids whose effect under load is a pool that runs dry. */
  private static final Set<String> STARVING_POOL_IDS = Set.of("JdbcPoolSizeOutOfRange", "JdbcPoolUnboundedWait");

  /**
   * A pool-configuration finding and the run that starved a pool configured in its file.
   *
   * @param starvation the run, or null
   */
  public record PoolResult(StaticFinding finding, PoolStatus status, PoolStarvation starvation) {}

  /** What static analysis says about a runtime leak. */
  public enum LeakStatus {
    FOUND("found"),
    MISSED("missed");

    private final String label;

    LeakStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A static finding and its runtime evidence.
   *
   * @param confirmingLeaks leaks of exactly the finding's id at its line
   * @param confirmingSources the runs that produced them
   * @param coveredLeaks leaks of a weaker id the finding covers at its line
   * @param coveredSources the runs that produced those
   * @param acquisitions resources acquired through the finding's line
   */
  public record FindingResult(
      StaticFinding finding,
      FindingStatus status,
      int confirmingLeaks,
      List<String> confirmingSources,
      int coveredLeaks,
      List<String> coveredSources,
      long acquisitions) {}

  /**
   * Runtime leaks of one id at one site, and the static finding that reports them.
   *
   * @param count how many leaks
   * @param finding the static finding, or null when missed
   * @param frame which application frame matched the finding: 0 the site, 1 its caller...; -1
   *     when missed; {@link #BY_PARENT} when the finding is its statement's
   * @param sources the runs that leaked them
   */
  public record LeakResult(
      String checkId,
      String resource,
      Site site,
      int count,
      LeakStatus status,
      StaticFinding finding,
      int frame,
      List<String> sources) {

    /** Whether the finding has the leak's own id (not a covering one). */
    public boolean sameId() {
      return finding != null && finding.checkId().equals(checkId);
    }
  }

  private final List<FindingResult> findings;
  private final List<LeakResult> leaks;
  private final List<PoolResult> pools;
  private final RuntimeEvidence evidence;

  private Confirmation(
      List<FindingResult> findings, List<LeakResult> leaks, List<PoolResult> pools, RuntimeEvidence evidence) {
    this.findings = List.copyOf(findings);
    this.leaks = List.copyOf(leaks);
    this.pools = List.copyOf(pools);
    this.evidence = evidence;
  }

  /** Whether {@code checkId} is about a pool's settings rather than a leaked resource. */
  public static boolean isPoolCheck(String checkId) {
    return checkId.startsWith("JdbcPool");
  }

  /** Whether a static finding of {@code staticId} reports a runtime leak of {@code runtimeId}. */
  public static boolean covers(String staticId, String runtimeId) {
    return staticId.equals(runtimeId) || COVERS.getOrDefault(staticId, Set.of()).contains(runtimeId);
  }

  /** Compares {@code staticFindings} with {@code evidence}. */
  public static Confirmation compare(List<StaticFinding> allFindings, RuntimeEvidence evidence) {
    List<StaticFinding> staticFindings = new ArrayList<>();
    List<PoolResult> poolResults = new ArrayList<>();
    for (StaticFinding finding : allFindings) {
      if (!isPoolCheck(finding.checkId())) {
        staticFindings.add(finding);
        continue;
      }
      PoolStarvation starved = null;
      if (STARVING_POOL_IDS.contains(finding.checkId())) {
        for (PoolStarvation s : evidence.starvations()) {
          if (starved == null && finding.fileName().equals(s.configuredIn())) {
            starved = s;
          }
        }
      }
      poolResults.add(new PoolResult(finding, starved == null ? PoolStatus.NOT_EXERCISED : PoolStatus.CONFIRMED, starved));
    }
    // Each runtime leak to its finding.
    Map<LeakKey, Group> groups = new LinkedHashMap<>();
    for (RuntimeLeak leak : evidence.leaks()) {
      StaticFinding match = null;
      int frame = -1;
      for (int i = 0; i < leak.appStack().size() && match == null; i++) {
        match = findAt(staticFindings, leak.appStack().get(i), leak.checkId());
        frame = match == null ? -1 : i;
      }
      if (match == null) {
        match = parentFinding(staticFindings, leak);
        frame = match == null ? -1 : BY_PARENT;
      }
      Group group =
          groups.computeIfAbsent(
              new LeakKey(leak.checkId(), leak.resource(), leak.site(), match, frame), k -> new Group());
      group.count++;
      group.sources.add(leak.source());
    }
    List<LeakResult> leakResults = new ArrayList<>();
    groups.forEach(
        (key, group) ->
            leakResults.add(
                new LeakResult(
                    key.checkId(),
                    key.resource(),
                    key.site(),
                    group.count,
                    key.finding() == null ? LeakStatus.MISSED : LeakStatus.FOUND,
                    key.finding(),
                    key.frame(),
                    List.copyOf(group.sources))));
    leakResults.sort(
        Comparator.comparing((LeakResult r) -> String.valueOf(r.site().fileName()))
            .thenComparingInt(r -> r.site().lineNumber())
            .thenComparing(LeakResult::checkId));

    // Each finding: its leaks, and whether its line ran.
    List<FindingResult> findingResults = new ArrayList<>();
    for (StaticFinding finding : staticFindings) {
      int confirming = 0;
      int covered = 0;
      Set<String> confirmingSources = new LinkedHashSet<>();
      Set<String> coveredSources = new LinkedHashSet<>();
      for (LeakResult leak : leakResults) {
        if (finding.equals(leak.finding())) {
          if (leak.sameId()) {
            confirming += leak.count();
            confirmingSources.addAll(leak.sources());
          } else if (leak.frame() != BY_PARENT) { // a result set named by it is a leak of its own
            covered += leak.count();
            coveredSources.addAll(leak.sources());
          }
        }
      }
      long acquisitions = 0;
      for (AcquisitionSite site : evidence.sites()) {
        if (passesThrough(site.appStack(), finding)) {
          acquisitions += site.count();
        }
      }
      boolean leakedThere = false;
      for (RuntimeLeak leak : evidence.leaks()) {
        leakedThere |= passesThrough(leak.appStack(), finding);
      }
      FindingStatus status;
      if (confirming > 0) {
        status = FindingStatus.CONFIRMED;
      } else if (acquisitions > 0 || leakedThere) {
        status = FindingStatus.NOT_CONFIRMED;
      } else {
        status = evidence.sitesRecorded() ? FindingStatus.NOT_EXERCISED : FindingStatus.NO_LEAK_SEEN;
      }
      findingResults.add(
          new FindingResult(
              finding,
              status,
              confirming,
              List.copyOf(confirmingSources),
              covered,
              List.copyOf(coveredSources),
              acquisitions));
    }
    return new Confirmation(findingResults, leakResults, poolResults, evidence);
  }

  /** The statement leak finding that reports {@code leak}, a result set left open with it, or null. */
  private static StaticFinding parentFinding(List<StaticFinding> findings, RuntimeLeak leak) {
    if (!leak.checkId().equals(RESULT_SET_LEAK) || !leak.parent().isKnown()) {
      return null;
    }
    for (StaticFinding finding : findings) {
      if (finding.checkId().equals(STATEMENT_LEAK)
          && SourcePaths.at(finding.path(), finding.line(), leak.parent())) {
        return finding;
      }
    }
    return null;
  }

  private static StaticFinding findAt(List<StaticFinding> findings, Site frame, String checkId) {
    StaticFinding covering = null;
    for (StaticFinding finding : findings) {
      if (SourcePaths.at(finding.path(), finding.line(), frame)) {
        if (finding.checkId().equals(checkId)) {
          return finding;
        }
        if (covering == null && covers(finding.checkId(), checkId)) {
          covering = finding;
        }
      }
    }
    return covering;
  }

  private static boolean passesThrough(List<Site> frames, StaticFinding finding) {
    for (Site frame : frames) {
      if (SourcePaths.at(finding.path(), finding.line(), frame)) {
        return true;
      }
    }
    return false;
  }

  /** The pool-configuration findings with their status, in report order. */
  public List<PoolResult> pools() {
    return pools;
  }

  /** Every static leak finding with its status, in report order (pool findings: {@link #pools()}). */
  public List<FindingResult> findings() {
    return findings;
  }

  /** The runtime leaks grouped by id, site and matching finding, by file and line. */
  public List<LeakResult> leaks() {
    return leaks;
  }

  /** The findings with {@code status}. */
  public List<FindingResult> findings(FindingStatus status) {
    return findings.stream().filter(result -> result.status() == status).toList();
  }

  /** The runtime leaks no static finding reports. */
  public List<LeakResult> missed() {
    return leaks.stream().filter(result -> result.status() == LeakStatus.MISSED).toList();
  }

  /** The number of runtime leaks (not sites). */
  public int leakCount() {
    return leaks.stream().mapToInt(LeakResult::count).sum();
  }

  /** The two tables and a summary, in fixed columns for a terminal. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("Static findings -> runtime (").append(findings.size()).append(")\n");
    Columns staticTable = new Columns("RESULT", "CHECK", "FINDING AT", "RUNTIME EVIDENCE");
    for (FindingResult result : findings) {
      staticTable.row(
          result.status().label(),
          result.finding().checkId(),
          result.finding().location(),
          evidence(result));
    }
    out.append(findings.isEmpty() ? "  (none)\n" : staticTable.render("  "));
    out.append('\n');
    out.append("Runtime leaks -> static (").append(leakCount()).append(")\n");
    Columns runtimeTable =
        new Columns("RESULT", "CHECK", "LEAKS", "ACQUIRED AT", "STATIC FINDING", "RUN BY")
            .alignRight(2);
    List<String> notes = new ArrayList<>();
    for (LeakResult result : leaks) {
      String reportedBy = reportedBy(result);
      if (result.finding() != null && !result.sameId()) {
        String note =
            result.frame() == BY_PARENT
                ? result.checkId() + " reported with its " + result.finding().checkId()
                    + ": left open with its statement, whose close closes both, it is named by the"
                    + " statement's finding"
                : result.checkId() + " reported as " + result.finding().checkId()
                    + ": static analysis names the worst path of the resource (never closed); the"
                    + " run took a path where its Connection's close closed it";
        if (!notes.contains(note)) {
          notes.add(note);
        }
        reportedBy += " [" + (notes.indexOf(note) + 1) + "]";
      }
      runtimeTable.row(
          result.status().label(),
          result.checkId(),
          Integer.toString(result.count()),
          location(result.site()),
          reportedBy,
          String.join(", ", result.sources()));
    }
    out.append(leaks.isEmpty() ? "  (none)\n" : runtimeTable.render("  "));
    for (int i = 0; i < notes.size(); i++) {
      out.append("  [").append(i + 1).append("] ").append(notes.get(i)).append('\n');
    }
    if (!pools.isEmpty()) {
      out.append('\n').append("Pool settings -> runtime (").append(pools.size()).append(")\n");
      Columns poolTable = new Columns("RESULT", "CHECK", "FINDING AT", "RUNTIME EVIDENCE");
      for (PoolResult result : pools) {
        poolTable.row(result.status().label(), result.finding().checkId(), result.finding().location(),
            poolEvidence(result));
      }
      out.append(poolTable.render("  "));
    }
    out.append('\n').append(summary()).append('\n');
    return out.toString();
  }

  /** Two lines: the counts of each status. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Static findings: ").append(findings.size()).append(" - ");
    out.append(findings(FindingStatus.CONFIRMED).size()).append(" confirmed, ");
    out.append(findings(FindingStatus.NOT_CONFIRMED).size()).append(" not confirmed (ran without leaking), ");
    if (evidence.sitesRecorded()) {
      out.append(findings(FindingStatus.NOT_EXERCISED).size()).append(" not exercised.");
    } else {
      out.append(findings(FindingStatus.NO_LEAK_SEEN).size())
          .append(" without a leak (acquisition sites not recorded: exercised or not is unknown).");
    }
    if (!pools.isEmpty()) {
      long confirmed = pools.stream().filter(p -> p.status() == PoolStatus.CONFIRMED).count();
      out.append("\nPool settings: ").append(pools.size()).append(" - ").append(confirmed)
          .append(" confirmed (a pool so configured ran dry), ").append(pools.size() - confirmed)
          .append(" not exercised.");
    }
    int missed = missed().stream().mapToInt(LeakResult::count).sum();
    out.append("\nRuntime leaks: ")
        .append(leakCount())
        .append(" - ")
        .append(leakCount() - missed)
        .append(" found statically, ")
        .append(missed)
        .append(" missed.");
    return out.toString();
  }

  private static String evidence(FindingResult result) {
    String covered =
        result.coveredLeaks() == 0
            ? ""
            : plural(result.coveredLeaks(), "leak") + " left to connection close in "
                + String.join(", ", result.coveredSources());
    switch (result.status()) {
      case CONFIRMED:
        return plural(result.confirmingLeaks(), "leak") + " in " + String.join(", ", result.confirmingSources())
            + (covered.isEmpty() ? "" : "; " + covered);
      case NOT_CONFIRMED:
        return "line ran (" + plural(result.acquisitions(), "acquisition") + "), never leaked as "
            + result.finding().checkId() + (covered.isEmpty() ? "" : "; only " + covered);
      case NOT_EXERCISED:
        return "no acquisition recorded at this line";
      default:
        return "no " + result.finding().checkId() + " leak recorded at this line";
    }
  }

  private static String poolEvidence(PoolResult result) {
    PoolStarvation s = result.starvation();
    if (s == null) {
      return STARVING_POOL_IDS.contains(result.finding().checkId())
          ? "no run starved a pool configured in " + result.finding().fileName()
          : "not observable as a starved pool";
    }
    String first = s.failures().get(0);
    int cut = first.indexOf(" (total=");
    String failure = cut < 0 ? first : first.substring(0, cut);
    return "pool ran dry in " + s.source()
        + (s.maximumPoolSize() < 0 ? "" : " (maximumPoolSize " + s.maximumPoolSize() + " at runtime)")
        + ": " + plural(s.failures().size(), "failed borrow") + ", \"" + failure + "\"";
  }

  /** Where the static finding is, relative to the leak's site. */
  private static String reportedBy(LeakResult result) {
    StaticFinding finding = result.finding();
    if (finding == null) {
      return "-";
    }
    if (result.frame() == 0) {
      return "same line";
    }
    if (result.frame() == BY_PARENT) {
      return "line " + finding.line() + " (its statement)";
    }
    String where =
        finding.fileName().equals(result.site().fileName()) ? "line " + finding.line() : finding.location();
    return where + (result.frame() == 1 ? " (caller)" : " (caller " + result.frame() + ")");
  }

  private static String location(Site site) {
    if (!site.isKnown()) {
      return "?";
    }
    return (site.fileName() == null ? site.simpleClassName() : site.fileName()) + ":" + site.lineNumber();
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private record LeakKey(String checkId, String resource, Site site, StaticFinding finding, int frame) {}

  private static final class Group {
    int count;
    final Set<String> sources = new LinkedHashSet<>();
  }
}
