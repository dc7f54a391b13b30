import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.source.SourceEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Scores the source engine on a set of real leak fixes: for each fix, the buggy file and the fixed
 * file are scanned on their own (no class path, no other file of the project), and the findings
 * inside the changed method decide whether the engine flags the buggy method, flags the fixed
 * one, and so tells the two apart.
 *
 * <p>Input: the JLeaks data set (a folder holding {@code JLeaks.csv} and {@code
 * JLeaksDataset/bug_files}, {@code JLeaksDataset/fix_files}); only the JDBC leaks are scored (the
 * entries whose resource libraries name java.sql, javax.sql, a JDBC driver or a JDBC wrapper
 * library, Android's database classes left out).
 *
 * <p>Run: {@code bash bench/leakfixes/run.sh DATASET_DIR [--list]}.
 */
public final class LeakFixes {
  private static final Pattern JDBC =
      Pattern.compile(
          "java\\.sql|javax\\.sql|java\\.io\\.(PreparedStatement|ResultSet)|sql2o|jdbc|ormlite|hibernate|jdbi|mybatis",
          Pattern.CASE_INSENSITIVE);

  record Entry(String id, String method, int start, int end, String cause, String libraries) {}

  record Outcome(Entry e, List<String> bug, List<String> fix, String problem) {
    boolean bugFlagged() {
      return !bug.isEmpty();
    }

    boolean fixFlagged() {
      return !fix.isEmpty();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: LeakFixes DATASET_DIR [--list]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    boolean list = args.length > 1 && args[1].equals("--list");
    List<Entry> entries = read(data.resolve("JLeaks.csv"));
    Path tmp = Path.of(args.length > 2 ? args[2] : "bench/leakfixes/target/work");
    Files.createDirectories(tmp);
    List<Outcome> outcomes = new ArrayList<>();
    for (Entry e : entries) {
      outcomes.add(score(data, tmp, e));
    }
    int n = 0, bug = 0, fix = 0, told = 0, problems = 0, exBug = 0, ex = 0;
    for (Outcome o : outcomes) {
      if (o.problem != null) {
        problems++;
        if (list) {
          System.out.println(o.e.id + "\tSKIP\t" + o.problem);
        }
        continue;
      }
      n++;
      bug += o.bugFlagged() ? 1 : 0;
      fix += o.fixFlagged() ? 1 : 0;
      told += o.bugFlagged() && !o.fixFlagged() ? 1 : 0;
      if (o.e.cause.equals("noCloseEPath")) {
        ex++;
        exBug += o.bugFlagged() ? 1 : 0;
      }
      if (list) {
        System.out.println(
            o.e.id + "\t" + (o.bugFlagged() ? "BUG+" : "BUG-") + "\t" + (o.fixFlagged() ? "FIX+" : "FIX-")
                + "\t" + o.e.cause + "\t" + o.e.method + "\t" + String.join(" | ", o.bug) + "\t" + String.join(" | ", o.fix));
      }
    }
    System.out.printf(Locale.ROOT, "JDBC leak fixes scored: %d (%d could not be scored)%n", n, problems);
    System.out.printf(Locale.ROOT, "| buggy method flagged | fixed method flagged | told apart (buggy flagged, fixed silent) | exception-path leaks flagged |%n");
    System.out.printf(Locale.ROOT, "|---|---|---|---|%n");
    System.out.printf(
        Locale.ROOT, "| %d/%d (%.0f %%) | %d/%d (%.0f %%) | %d/%d (%.0f %%) | %d/%d (%.0f %%) |%n",
        bug, n, 100.0 * bug / n, fix, n, 100.0 * fix / n, told, n, 100.0 * told / n, exBug, ex, 100.0 * exBug / ex);
  }

  private static Outcome score(Path data, Path tmp, Entry e) throws IOException {
    Path bugSrc = data.resolve("JLeaksDataset/bug_files/jleaks-bug-" + e.id + ".java");
    Path fixSrc = data.resolve("JLeaksDataset/fix_files/jleaks-fix-" + e.id + ".java");
    if (!Files.exists(bugSrc) || !Files.exists(fixSrc)) {
      return new Outcome(e, List.of(), List.of(), "missing file");
    }
    String name = e.method.contains(":") ? e.method.substring(e.method.lastIndexOf(':') + 1) : e.method;
    String file = e.method.contains(":") ? e.method.substring(0, e.method.lastIndexOf(':')) : "X.java";
    String simpleFile = Path.of(file).getFileName().toString();
    Path bugDir = tmp.resolve("bug-" + e.id);
    Path fixDir = tmp.resolve("fix-" + e.id);
    Files.createDirectories(bugDir);
    Files.createDirectories(fixDir);
    Path bug = Files.copy(bugSrc, bugDir.resolve(simpleFile), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path fix = Files.copy(fixSrc, fixDir.resolve(simpleFile), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    int[] bugRange;
    int[] fixRange;
    try {
      String sig = signatureAt(bug, name, e.start);
      if (sig == null) {
        return new Outcome(e, List.of(), List.of(), "buggy method " + name + " not found");
      }
      bugRange = rangeOf(bug, sig);
      fixRange = rangeOf(fix, sig);
      if (fixRange == null) {
        return new Outcome(e, List.of(), List.of(), "fixed method " + sig + " not found");
      }
    } catch (RuntimeException ex) {
      return new Outcome(e, List.of(), List.of(), "does not parse: " + ex.getMessage());
    }
    List<String> b = findings(bugDir, bug, bugRange);
    List<String> f = findings(fixDir, fix, fixRange);
    if (b == null || f == null) {
      return new Outcome(e, List.of(), List.of(), "skipped by the engine");
    }
    return new Outcome(e, b, f, null);
  }

  private static List<String> findings(Path dir, Path file, int[] range) {
    SourceEngine engine = SourceEngine.create(ResourceModel.builtIn(), dir, List.of(file));
    SourceEngine.FileResult r = engine.analyze(file);
    if (r.skipped() != null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (ReportedFinding f : r.findings()) {
      if (f.line() >= range[0] && f.line() <= range[1]) {
        out.add(f.line() + ":" + f.id().name());
      }
    }
    return out;
  }

  private static CompilationUnit parse(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    JavaParser p =
        new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
    return p.parse(text).getResult().orElseThrow(() -> new IllegalStateException("no parse"));
  }

  /**
   * "name(paramTypes)" of the callable named {@code name} whose span holds {@code line} (the data
   * set's line numbers may be a few lines off: else the nearest one of that name).
   */
  private static String signatureAt(Path file, String name, int line) throws IOException {
    CompilationUnit cu = parse(file);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (CallableDeclaration<?> d : cu.findAll(CallableDeclaration.class)) {
      if (!d.getNameAsString().equals(name)) {
        continue;
      }
      int b = d.getBegin().map(p -> p.line).orElse(0);
      int en = d.getEnd().map(p -> p.line).orElse(0);
      int distance = line < b ? b - line : line > en ? line - en : 0;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = d.getDeclarationAsString(false, false, false);
      }
    }
    return best;
  }

  private static int[] rangeOf(Path file, String signature) throws IOException {
    CompilationUnit cu = parse(file);
    for (CallableDeclaration<?> d : cu.findAll(CallableDeclaration.class)) {
      if (d.getDeclarationAsString(false, false, false).equals(signature)) {
        return new int[] {d.getBegin().get().line, d.getEnd().get().line};
      }
    }
    return null;
  }

  private static List<Entry> read(Path csv) throws IOException {
    List<List<String>> rows = csvRows(Files.readString(csv, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    Map<String, Integer> col = new TreeMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.put(header.get(i).trim(), i);
    }
    List<Entry> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() < header.size()) {
        continue;
      }
      String libs = r.get(col.get("standard libraries")) + "," + r.get(col.get("third-party libraries"));
      if (!JDBC.matcher(libs).find() || libs.toLowerCase(Locale.ROOT).contains("android")) {
        continue;
      }
      try {
        out.add(
            new Entry(
                r.get(col.get("ID")),
                r.get(col.get("defect method")),
                Integer.parseInt(r.get(col.get("start line")).trim()),
                Integer.parseInt(r.get(col.get("end line")).trim()),
                r.get(col.get("root causes")),
                libs));
      } catch (NumberFormatException ex) {
        // an entry without a line range cannot be scored
      }
    }
    return out;
  }

  /** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
  private static List<List<String>> csvRows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
