package bench.realworld;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real-world benchmark's report tool (run by {@code bench/realworld/run.sh}).
 *
 * <pre>
 * extract NAME SARIF ENGINES OUT.tsv
 *     the findings of leakguard:check's SARIF report as one TSV line per location; prints the
 *     engines that ran; exit 3 when one of ENGINES (comma-separated) did not run
 * report --projects projects.tsv --results DIR --verdicts verdicts.tsv [--only a,b] [--check]
 *     the markdown tables (per project, per engine, per check id), judged against the verdicts;
 *     with --check, exit 1 when a location judged FALSE is reported again or one judged TRUE is
 *     no longer reported
 * </pre>
 */
public final class RealWorld {
  static final List<String> ENGINES = List.of("errorprone", "spotbugs", "source");
  static final String RESULTS_HEADER = "project\tfile\tline\tid\tlevel\tengines\tmessage";
  static final String VERDICTS_HEADER = "project\tfile\tline\tid\tverdict\treason";

  enum Verdict { TRUE, FALSE, DEBATABLE, UNJUDGED }

  /** One reported location (a finding merged over the engines, as leakguard:check reports it). */
  record Finding(String project, String file, int line, String id, String level, List<String> engines, String message) {
    Key key() {
      return new Key(project, file, line, id);
    }

    String tsv() {
      return String.join("\t", project, file, Integer.toString(line), id, level, String.join(",", engines), clean(message));
    }
  }

  record Key(String project, String file, int line, String id) implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::project).thenComparing(Key::file)
        .thenComparingInt(Key::line).thenComparing(Key::id);

    @Override
    public int compareTo(Key o) {
      return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
      return project + " " + file + ":" + line + " " + id;
    }
  }

  record Judgement(Verdict verdict, String reason, int lineNo) {}

  /** A code base of projects.tsv. */
  record Project(String name, String coordinates) {}

  private static final PrintStream OUT = System.out;

  private RealWorld() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      usage();
    }
    switch (args[0]) {
      case "extract" -> {
        if (args.length != 5) {
          usage();
        }
        System.exit(extract(args[1], Path.of(args[2]), Arrays.asList(args[3].split(",")), Path.of(args[4])));
      }
      case "report" -> System.exit(report(Arrays.copyOfRange(args, 1, args.length)));
      default -> usage();
    }
  }

  private static void usage() {
    System.err.println("usage: RealWorld extract NAME SARIF ENGINES OUT.tsv\n"
        + "       RealWorld report --projects FILE --results DIR --verdicts FILE [--only a,b] [--check]");
    System.exit(2);
  }

  // ---------------------------------------------------------------- extract

  static int extract(String project, Path sarif, List<String> required, Path out) throws IOException {
    ObjectMapper mapper = JsonMapper.builder().build();
    JsonNode run = mapper.readTree(Files.readString(sarif, StandardCharsets.UTF_8)).path("runs").path(0);
    List<Finding> findings = new ArrayList<>();
    for (JsonNode r : run.path("results")) {
      JsonNode loc = r.path("locations").path(0).path("physicalLocation");
      List<String> engines = new ArrayList<>();
      for (JsonNode e : r.path("properties").path("engines")) {
        engines.add(e.asString());
      }
      engines.sort(Comparator.comparingInt(RealWorld::engineOrder).thenComparing(Comparator.naturalOrder()));
      findings.add(new Finding(
          project,
          sourcePath(project, loc.path("artifactLocation").path("uri").asString()),
          loc.path("region").path("startLine").asInt(0),
          r.path("ruleId").asString(),
          r.path("level").asString("warning"),
          List.copyOf(engines),
          r.path("message").path("text").asString()));
    }
    findings.sort(Comparator.comparing(Finding::key));
    List<String> lines = new ArrayList<>();
    lines.add(RESULTS_HEADER);
    findings.forEach(f -> lines.add(f.tsv()));
    Files.write(out, lines, StandardCharsets.UTF_8);

    JsonNode invocation = run.path("invocations").path(0);
    Set<String> ran = new LinkedHashSet<>();
    for (JsonNode e : invocation.path("properties").path("engines")) {
      ran.add(e.asString());
    }
    List<String> missing = required.stream().filter(e -> !ran.contains(e)).toList();
    StringBuilder sb = new StringBuilder(String.join(",", ran));
    if (!missing.isEmpty()) {
      sb.append(" (did not run: ").append(String.join(",", missing));
      for (JsonNode n : invocation.path("toolExecutionNotifications")) {
        sb.append("; ").append(n.path("message").path("text").asString());
      }
      sb.append(')');
    }
    OUT.println(sb);
    return missing.isEmpty() ? 0 : 3;
  }

  /** The path below the sources root: the SARIF URI is relative to the Git work tree (or the work project). */
  static String sourcePath(String project, String uri) {
    String p = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
    String marker = "work/" + project + "/src/main/java/";
    int i = p.indexOf(marker);
    if (i >= 0) {
      return p.substring(i + marker.length());
    }
    if (p.startsWith("src/main/java/")) {
      return p.substring("src/main/java/".length());
    }
    i = p.indexOf("/src/main/java/");
    return i >= 0 ? p.substring(i + "/src/main/java/".length()) : p;
  }

  private static int engineOrder(String e) {
    int i = ENGINES.indexOf(e);
    return i < 0 ? ENGINES.size() : i;
  }

  static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }

  // ---------------------------------------------------------------- report

  static int report(String[] args) throws IOException {
    Path projectsFile = null;
    Path results = null;
    Path verdictsFile = null;
    Path knownFile = null;
    Set<String> only = new LinkedHashSet<>();
    boolean check = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--projects" -> projectsFile = Path.of(args[++i]);
        case "--results" -> results = Path.of(args[++i]);
        case "--verdicts" -> verdictsFile = Path.of(args[++i]);
        case "--known" -> knownFile = Path.of(args[++i]);
        case "--only" -> only.addAll(Arrays.asList(args[++i].split(",")));
        case "--check" -> check = true;
        default -> usage();
      }
    }
    if (projectsFile == null || results == null || verdictsFile == null) {
      usage();
    }
    List<Project> all = readProjects(projectsFile);
    Map<Key, Judgement> verdicts;
    Map<Key, String> accepted;
    try {
      verdicts = readVerdicts(verdictsFile);
      accepted = knownFile == null ? Map.of() : readKnown(knownFile, verdicts);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }

    Set<String> known = new LinkedHashSet<>();
    all.forEach(p -> known.add(p.name()));
    Set<String> strangers = new LinkedHashSet<>();
    verdicts.keySet().stream().map(Key::project).filter(n -> !known.contains(n)).forEach(strangers::add);
    if (!strangers.isEmpty()) {
      System.err.println(verdictsFile + ": verdicts for code bases that are not in " + projectsFile + ": "
          + String.join(", ", strangers));
    }

    // every project's latest results, in projects.tsv order
    Map<String, Map<String, String>> status = new LinkedHashMap<>();
    Map<String, List<Finding>> found = new LinkedHashMap<>();
    List<String> allLines = new ArrayList<>(List.of(RESULTS_HEADER));
    for (Project p : all) {
      Path st = results.resolve(p.name() + ".status");
      if (Files.exists(st)) {
        status.put(p.name(), readStatus(st));
      }
      Path tsv = results.resolve(p.name() + ".tsv");
      if (Files.exists(tsv)) {
        List<Finding> fs = readResults(tsv);
        found.put(p.name(), fs);
        fs.forEach(f -> allLines.add(f.tsv()));
      }
    }
    Files.write(results.resolve("all.tsv"), allLines, StandardCharsets.UTF_8);

    List<Project> selected = all.stream().filter(p -> only.isEmpty() || only.contains(p.name())).toList();
    String version = leakGuardVersion(results, selected);

    OUT.println();
    OUT.println("## LeakGuard on real-world code");
    OUT.println();
    OUT.println("LeakGuard " + version + ", `leakguard:check` with engines errorprone, spotbugs and source;"
        + " verdicts from `bench/realworld/verdicts.tsv`. A finding is one location (file, line, check id),"
        + " merged over the engines; **agreement** is the share of findings all three engines report;"
        + " **precision** = TRUE / (TRUE + FALSE); the **default gate** (`failOnSeverity=error`) fails on any"
        + " error-level finding.");
    OUT.println();
    projectTable(selected, status, found, verdicts);
    engineTable(selected, status, found, verdicts);
    idTable(selected, found, verdicts);
    notes(selected, status);

    List<Finding> unjudged = new ArrayList<>();
    for (Project p : selected) {
      for (Finding f : found.getOrDefault(p.name(), List.of())) {
        if (!verdicts.containsKey(f.key())) {
          unjudged.add(f);
        }
      }
    }
    List<String> unjudgedLines = new ArrayList<>(List.of(RESULTS_HEADER));
    unjudged.forEach(f -> unjudgedLines.add(f.tsv()));
    Files.write(results.resolve("unjudged.tsv"), unjudgedLines, StandardCharsets.UTF_8);
    return check ? check(selected, status, found, verdicts, accepted, unjudged) : 0;
  }

  /** The counts of a set of findings against the verdicts. */
  static final class Tally {
    int findings;
    int allThree;
    int errors;
    int errorsFalse;
    final Map<String, Integer> byEngine = new LinkedHashMap<>();
    final EnumMap<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);

    void add(Finding f, Verdict v) {
      findings++;
      if (f.engines().containsAll(ENGINES)) {
        allThree++;
      }
      if ("error".equals(f.level())) {
        errors++;
        if (v == Verdict.FALSE) {
          errorsFalse++;
        }
      }
      for (String e : f.engines()) {
        byEngine.merge(e, 1, Integer::sum);
      }
      verdicts.merge(v, 1, Integer::sum);
    }

    int n(Verdict v) {
      return verdicts.getOrDefault(v, 0);
    }

    String precision() {
      int t = n(Verdict.TRUE);
      int f = n(Verdict.FALSE);
      return t + f == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100.0 * t / (t + f));
    }

    String agreement() {
      return findings == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100.0 * allThree / findings);
    }
  }

  static Verdict verdictOf(Finding f, Map<Key, Judgement> verdicts) {
    Judgement j = verdicts.get(f.key());
    return j == null ? Verdict.UNJUDGED : j.verdict();
  }

  static Tally tally(List<Finding> fs, Map<Key, Judgement> verdicts, Predicate<Finding> which) {
    Tally t = new Tally();
    for (Finding f : fs) {
      if (which.test(f)) {
        t.add(f, verdictOf(f, verdicts));
      }
    }
    return t;
  }

  private static void projectTable(
      List<Project> selected, Map<String, Map<String, String>> status, Map<String, List<Finding>> found,
      Map<Key, Judgement> verdicts) {
    OUT.println("### Per project (merged findings)");
    OUT.println();
    OUT.println("| project | files | lines | time (s) | findings | errorprone | spotbugs | source | agreement"
        + " | TRUE | FALSE | DEBATABLE | UNJUDGED | precision | error-level | default gate | error-level FALSE |");
    OUT.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|");
    Tally total = new Tally();
    long files = 0;
    long lines = 0;
    double seconds = 0;
    int ok = 0;
    for (Project p : selected) {
      Map<String, String> st = status.get(p.name());
      if (st == null) {
        OUT.println("| " + p.name() + " | | | | not run yet | | | | | | | | | | | | |");
        continue;
      }
      files += num(st.get("files"));
      lines += num(st.get("lines"));
      seconds += dbl(st.get("seconds"));
      String s = st.getOrDefault("status", "?");
      String head = "| " + p.name() + " | " + st.getOrDefault("files", "") + " | " + st.getOrDefault("lines", "")
          + " | " + st.getOrDefault("seconds", "");
      if (!s.equals("ok") && !found.containsKey(p.name())) {
        OUT.println(head + " | **" + s + "** | | | | | | | | | | | | |");
        continue;
      }
      ok++;
      List<Finding> fs = found.getOrDefault(p.name(), List.of());
      Tally t = tally(fs, verdicts, f -> true);
      fs.forEach(f -> total.add(f, verdictOf(f, verdicts)));
      OUT.println(head + " | " + (s.equals("ok") ? "" : "**" + s + "** ") + row(t));
    }
    OUT.println("| **total** (" + ok + " of " + selected.size() + " analysed) | " + files + " | " + lines + " | "
        + String.format(Locale.ROOT, "%.1f", seconds) + " | " + row(total));
    OUT.println();
  }

  private static String row(Tally t) {
    return t.findings + " | " + t.byEngine.getOrDefault("errorprone", 0) + " | " + t.byEngine.getOrDefault("spotbugs", 0)
        + " | " + t.byEngine.getOrDefault("source", 0) + " | " + t.agreement() + " | " + t.n(Verdict.TRUE) + " | "
        + t.n(Verdict.FALSE) + " | " + t.n(Verdict.DEBATABLE) + " | " + t.n(Verdict.UNJUDGED) + " | " + t.precision()
        + " | " + t.errors + " | " + (t.errors > 0 ? "fails" : "passes") + " | " + t.errorsFalse + " |";
  }

  private static void engineTable(
      List<Project> selected, Map<String, Map<String, String>> status, Map<String, List<Finding>> found,
      Map<Key, Judgement> verdicts) {
    OUT.println("### Per engine");
    OUT.println();
    OUT.println("\"alone\": findings no other engine reports. \"gate\": whether `failOnSeverity=error` would fail"
        + " on this engine's findings alone; \"err FALSE\": its error-level findings judged FALSE.");
    OUT.println();
    OUT.println("| project | engine | findings | alone | TRUE | FALSE | DEBATABLE | UNJUDGED | precision | error-level | gate | err FALSE |");
    OUT.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|");
    List<Finding> every = new ArrayList<>();
    for (Project p : selected) {
      if (!found.containsKey(p.name())) {
        continue;
      }
      List<Finding> fs = found.get(p.name());
      every.addAll(fs);
      for (String e : ENGINES) {
        OUT.println("| " + p.name() + " | " + e + " | " + engineRow(fs, e, verdicts));
      }
    }
    for (String e : ENGINES) {
      OUT.println("| **total** | **" + e + "** | " + engineRow(every, e, verdicts));
    }
    OUT.println();
  }

  private static String engineRow(List<Finding> fs, String engine, Map<Key, Judgement> verdicts) {
    Tally t = tally(fs, verdicts, f -> f.engines().contains(engine));
    long alone = fs.stream().filter(f -> f.engines().equals(List.of(engine))).count();
    return t.findings + " | " + alone + " | " + t.n(Verdict.TRUE) + " | " + t.n(Verdict.FALSE) + " | "
        + t.n(Verdict.DEBATABLE) + " | " + t.n(Verdict.UNJUDGED) + " | " + t.precision() + " | " + t.errors + " | "
        + (t.errors > 0 ? "fails" : "passes") + " | " + t.errorsFalse + " |";
  }

  private static void idTable(List<Project> selected, Map<String, List<Finding>> found, Map<Key, Judgement> verdicts) {
    Map<String, List<Finding>> byId = new TreeMap<>();
    for (Project p : selected) {
      for (Finding f : found.getOrDefault(p.name(), List.of())) {
        byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
      }
    }
    if (byId.isEmpty()) {
      return;
    }
    OUT.println("### Per check id");
    OUT.println();
    OUT.println("| id | level | findings | errorprone | spotbugs | source | agreement | TRUE | FALSE | DEBATABLE | UNJUDGED | precision |");
    OUT.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (Map.Entry<String, List<Finding>> e : byId.entrySet()) {
      Tally t = tally(e.getValue(), verdicts, f -> true);
      String levels = String.join(",", e.getValue().stream().map(Finding::level).distinct().sorted().toList());
      OUT.println("| " + e.getKey() + " | " + levels + " | " + t.findings + " | " + t.byEngine.getOrDefault("errorprone", 0)
          + " | " + t.byEngine.getOrDefault("spotbugs", 0) + " | " + t.byEngine.getOrDefault("source", 0) + " | "
          + t.agreement() + " | " + t.n(Verdict.TRUE) + " | " + t.n(Verdict.FALSE) + " | " + t.n(Verdict.DEBATABLE)
          + " | " + t.n(Verdict.UNJUDGED) + " | " + t.precision() + " |");
    }
    OUT.println();
  }

  private static void notes(List<Project> selected, Map<String, Map<String, String>> status) {
    List<String> lines = new ArrayList<>();
    for (Project p : selected) {
      Map<String, String> st = status.get(p.name());
      if (st == null) {
        continue;
      }
      if (!"ok".equals(st.get("status"))) {
        lines.add("- **" + p.name() + "** (" + p.coordinates() + "): " + st.get("status") + ": "
            + st.getOrDefault("error", ""));
      }
      String note = st.getOrDefault("note", "");
      if (!note.isBlank()) {
        lines.add("- " + p.name() + ": " + note);
      }
    }
    if (!lines.isEmpty()) {
      OUT.println("### Problems");
      OUT.println();
      lines.forEach(OUT::println);
      OUT.println();
    }
  }

  // ---------------------------------------------------------------- check

  static int check(
      List<Project> selected, Map<String, Map<String, String>> status, Map<String, List<Finding>> found,
      Map<Key, Judgement> verdicts, Map<Key, String> known, List<Finding> unjudged) {
    Set<String> names = new LinkedHashSet<>();
    selected.forEach(p -> names.add(p.name()));
    Map<Key, Finding> reported = new TreeMap<>();
    for (String n : names) {
      for (Finding f : found.getOrDefault(n, List.of())) {
        reported.put(f.key(), f);
      }
    }
    List<String> falseAgain = new ArrayList<>();
    List<String> trueGone = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    for (Map.Entry<Key, Judgement> e : new TreeMap<>(verdicts).entrySet()) {
      Key k = e.getKey();
      Judgement j = e.getValue();
      if (!names.contains(k.project())) {
        continue;
      }
      if (!status.containsKey(k.project())) {
        notRun.add(k.project());
        continue;
      }
      Finding f = reported.get(k);
      boolean accepted = known.containsKey(k);
      if (accepted && (j.verdict() == Verdict.FALSE) == (f == null)) {
        stale.add("  " + k + ": " + (f == null ? "no longer reported" : "reported again")
            + ", remove it from known.tsv");
        continue;
      }
      if (accepted) {
        continue;
      }
      if (j.verdict() == Verdict.FALSE && f != null) {
        falseAgain.add("  " + k + " {" + String.join(",", f.engines()) + "}: judged FALSE: " + j.reason());
      } else if (j.verdict() == Verdict.TRUE && f == null) {
        String why = found.containsKey(k.project()) ? "" : " (" + k.project() + " was not analysed: "
            + status.get(k.project()).getOrDefault("status", "?") + ")";
        trueGone.add("  " + k + ": judged TRUE, no longer reported" + why + ": " + j.reason());
      }
    }
    OUT.println("### Check against verdicts.tsv");
    OUT.println();
    if (!notRun.isEmpty()) {
      OUT.println("not checked (never run): " + String.join(", ", new LinkedHashSet<>(notRun)));
    }
    OUT.println("known.tsv: " + known.size() + " accepted (FALSE findings still reported, TRUE ones missed)");
    OUT.println("FALSE findings reported, not in known.tsv: " + falseAgain.size());
    falseAgain.forEach(OUT::println);
    OUT.println("TRUE findings no longer reported, not in known.tsv: " + trueGone.size());
    trueGone.forEach(OUT::println);
    OUT.println("known.tsv lines that no longer apply (progress; not a failure): " + stale.size());
    stale.forEach(OUT::println);
    OUT.println("UNJUDGED findings (not a failure; judge them in verdicts.tsv): " + unjudged.size());
    for (Finding f : unjudged) {
      OUT.println("  " + f.project() + "\t" + f.file() + "\t" + f.line() + "\t" + f.id() + "\t" + f.level() + "\t{"
          + String.join(",", f.engines()) + "}\t" + f.message());
    }
    boolean failed = !falseAgain.isEmpty() || !trueGone.isEmpty();
    OUT.println(failed ? "check: FAILED" : "check: passed");
    return failed ? 1 : 0;
  }

  // ---------------------------------------------------------------- files

  static List<Project> readProjects(Path tsv) throws IOException {
    List<Project> out = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      out.add(new Project(c[0].trim(), c.length > 1 ? c[1].trim() : ""));
    }
    return out;
  }

  static Map<String, String> readStatus(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int i = line.indexOf('=');
      if (i > 0) {
        m.put(line.substring(0, i), line.substring(i + 1).trim());
      }
    }
    return m;
  }

  static List<Finding> readResults(Path tsv) throws IOException {
    List<Finding> out = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.equals(RESULTS_HEADER)) {
        continue;
      }
      String[] c = line.split("\t", 7);
      out.add(new Finding(c[0], c[1], Integer.parseInt(c[2]), c[3], c[4],
          c[5].isEmpty() ? List.of() : List.of(c[5].split(",")), c.length > 6 ? c[6] : ""));
    }
    return out;
  }

  /**
   * known.tsv: '#' comment lines, then project, file, line, id and why it is accepted for now,
   * tab-separated: the FALSE findings still reported and the TRUE ones no longer reported at the
   * last accepted run. Each must be judged in verdicts.tsv.
   */
  static Map<Key, String> readKnown(Path tsv, Map<Key, Judgement> verdicts) throws IOException {
    Map<Key, String> out = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length < 5 || c[4].isBlank()) {
        errors.add(tsv + ":" + (i + 1) + ": want 5 tab-separated columns (project file line id why)");
        continue;
      }
      Key k;
      try {
        k = new Key(c[0].trim(), c[1].trim(), Integer.parseInt(c[2].trim()), c[3].trim());
      } catch (NumberFormatException e) {
        errors.add(tsv + ":" + (i + 1) + ": line '" + c[2] + "' is not a number");
        continue;
      }
      Judgement j = verdicts.get(k);
      if (j == null || j.verdict() == Verdict.DEBATABLE) {
        errors.add(tsv + ":" + (i + 1) + ": " + k + " is not judged TRUE or FALSE in verdicts.tsv");
        continue;
      }
      out.put(k, c[4].trim());
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
    return out;
  }

  /**
   * verdicts.tsv: '#' comment lines, the header line, then project, file, line, id, verdict
   * (TRUE, FALSE or DEBATABLE) and a one-line reason, tab-separated.
   */
  static Map<Key, Judgement> readVerdicts(Path tsv) throws IOException {
    Map<Key, Judgement> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int no = i + 1;
      if (line.isBlank() || line.startsWith("#") || line.equals(VERDICTS_HEADER)) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length < 5) {
        errors.add(tsv + ":" + no + ": want 6 tab-separated columns (" + VERDICTS_HEADER.replace('\t', ' ') + "), found " + c.length);
        continue;
      }
      int lineNumber;
      try {
        lineNumber = Integer.parseInt(c[2].trim());
      } catch (NumberFormatException e) {
        errors.add(tsv + ":" + no + ": line '" + c[2] + "' is not a number");
        continue;
      }
      Verdict v;
      try {
        v = Verdict.valueOf(c[4].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v = null;
      }
      if (v == null || v == Verdict.UNJUDGED) {
        errors.add(tsv + ":" + no + ": verdict '" + c[4] + "' is not TRUE, FALSE or DEBATABLE");
        continue;
      }
      String reason = c.length > 5 ? c[5].trim() : "";
      if (reason.isEmpty()) {
        errors.add(tsv + ":" + no + ": the reason is missing");
        continue;
      }
      Key k = new Key(c[0].trim(), c[1].trim(), lineNumber, c[3].trim());
      Judgement prev = out.putIfAbsent(k, new Judgement(v, reason, no));
      if (prev != null) {
        errors.add(tsv + ":" + no + ": " + k + " is already judged on line " + prev.lineNo());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
    return out;
  }

  private static String leakGuardVersion(Path results, List<Project> selected) {
    ObjectMapper mapper = JsonMapper.builder().build();
    for (Project p : selected) {
      Path sarif = results.resolve(p.name() + ".sarif");
      if (Files.exists(sarif)) {
        try {
          return mapper.readTree(Files.readString(sarif, StandardCharsets.UTF_8))
              .path("runs").path(0).path("tool").path("driver").path("version").asString("?");
        } catch (IOException | RuntimeException e) {
          return "?";
        }
      }
    }
    return "?";
  }

  private static long num(String s) {
    try {
      return s == null ? 0 : Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static double dbl(String s) {
    try {
      return s == null ? 0 : Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
