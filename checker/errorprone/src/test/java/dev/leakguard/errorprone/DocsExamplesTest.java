package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.model.ModelException;
import dev.leakguard.core.model.ResourceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every Java example of the pages under {@code docs/checks/} with the LeakGuard checks,
 * runs every configuration example of the pool-configuration pages through the configuration
 * scanner, and holds each page to what it claims.
 *
 * <p>Conventions of the leak pages (fences start at column 0; the pool-configuration pages'
 * own are at {@link #checkPoolPage}):
 *
 * <ul>
 *   <li>{@code ```java leaking [OtherId ...] [with-model]}: at least one finding of the page's id,
 *       and no finding of any other id unless listed.
 *   <li>{@code ```java fixed} and {@code ```java silent}: no LeakGuard finding at all.
 *   <li>{@code ```java elsewhere OtherId ...}: no finding of the page's id, at least one of each
 *       id listed and none of any other (a leak this page's id leaves to another, as a result set
 *       left open with its statement is the statement's).
 *   <li>{@code ```text message}: directly after a leaking or elsewhere block; one line per finding
 *       of that block, exactly as {@code File.java:line: severity: [Id] message}.
 *   <li>{@code ```text model}: a model file; it must load, and the java blocks marked {@code
 *       with-model} after it are compiled with it.
 * </ul>
 *
 * <p>Every block must compile without errors other than LeakGuard's own. The first leaking (or,
 * on a pool page, java bad) block of each page is also compiled with {@code -Xep:<Id>:OFF}, {@code
 * :WARN} and {@code :ERROR} to back the pages' suppression sections.
 */
class DocsExamplesTest {
  private static final Pattern FENCE_OPEN = Pattern.compile("^```(\\S*)(.*)$");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public\\s+(?:(?:final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Pattern ANY_TYPE =
      Pattern.compile(
          "^(?:(?:final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)",
          Pattern.MULTILINE);
  private static final Set<String> ROLES = Set.of("leaking", "elsewhere", "fixed", "silent");

  @TempDir Path tmp;

  /** One fenced block of a page; {@code line} is the line of its opening fence. */
  private record Block(String lang, List<String> info, String body, int line) {
    String role() {
      return info.isEmpty() ? "" : info.get(0);
    }
  }

  // ---------------------------------------------------------------- locating the pages

  static Path repoRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs").resolve("checks"))) {
        return p;
      }
    }
    throw new IllegalStateException("no docs/checks directory above " + dir);
  }

  static Path checksDir() {
    return repoRoot().resolve("docs").resolve("checks");
  }

  // ---------------------------------------------------------------- index and pages exist

  @Test
  void everyCheckIdHasAPageAndAnIndexRow() throws IOException {
    Path dir = checksDir();
    Path readme = dir.resolve("README.md");
    assertTrue(Files.isRegularFile(readme), "missing " + readme);
    List<String> index = Files.readAllLines(readme, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    for (CheckId id : CheckId.values()) {
      Path page = dir.resolve(id.name() + ".md");
      if (!Files.isRegularFile(page)) {
        problems.add("no page " + page);
      } else if (!Files.readString(page, StandardCharsets.UTF_8).startsWith("# " + id.name())) {
        problems.add(page + " must start with '# " + id.name() + "'");
      }
      String link = "(" + id.name() + ".md)";
      List<String> rows =
          index.stream().filter(l -> l.startsWith("|") && l.contains(link)).toList();
      if (rows.size() != 1) {
        problems.add("README.md must have exactly one table row linking " + link + ", has " + rows.size());
        continue;
      }
      List<String> cells =
          Arrays.stream(rows.get(0).split("\\|")).map(String::trim).filter(c -> !c.isEmpty()).toList();
      if (cells.size() < 3 || !cells.get(0).contains(id.name())) {
        problems.add("README.md row for " + id + " must start with the id: " + rows.get(0));
      } else if (!cells.get(1).toLowerCase(Locale.ROOT).contains(severityWord(id.severity()))) {
        problems.add(
            "README.md row for " + id + " must give severity " + severityWord(id.severity()) + ": "
                + rows.get(0));
      }
    }
    // every page in the directory is a check id
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        String name = p.getFileName().toString().replaceFirst("\\.md$", "");
        if (!name.equals("README") && Arrays.stream(CheckId.values()).noneMatch(i -> i.name().equals(name))) {
          problems.add(p + " is not named after a check id");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static String severityWord(Severity s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- the examples

  @TestFactory
  Stream<DynamicTest> examplesOfEachPage() {
    return Arrays.stream(CheckId.values())
        .map(
            id ->
                DynamicTest.dynamicTest(
                    id.name() + ".md",
                    () -> {
                      if (id.category() == CheckId.Category.LEAK) {
                        checkPage(id);
                      } else {
                        checkPoolPage(id);
                      }
                    }));
  }

  private static final Set<String> POOL_ROLES = Set.of("bad", "good");

  /**
   * A pool-configuration page: {@code ```properties bad|good [file=NAME] [OtherId ...]} and {@code
   * ```yaml bad|good ...} blocks run through the configuration scanner as {@code
   * application.properties} / {@code application.yml} (or NAME); {@code ```java bad|good
   * [OtherId ...]} blocks (a pool configured in code) are compiled with the LeakGuard checks, and a
   * java bad block is followed by a {@code ```text message} block quoting its findings, as on the
   * leak pages. A bad block must give the page's id (and no id the info string does not list), a
   * good block nothing. Each page has all six.
   */
  private void checkPoolPage(CheckId id) throws IOException {
    Path page = checksDir().resolve(id.name() + ".md");
    assertTrue(Files.isRegularFile(page), "missing " + page);
    List<String> failures = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    StringBuilder out = new StringBuilder();
    List<String> lastFindings = null; // rendered findings of the last java bad block not yet quoted
    Block lastBad = null;
    boolean flagsChecked = false;
    for (Block b : blocks(page)) {
      String where = id.name() + ".md:" + b.line();
      if (b.lang().equals("text") && b.role().equals("message")) {
        if (lastFindings == null) {
          failures.add(where + ": a message block must directly follow a java bad block");
        } else {
          quoted(b, lastFindings, lastBad, where, failures);
        }
        lastFindings = null;
        continue;
      }
      if (lastFindings != null) {
        failures.add(id.name() + ".md:" + lastBad.line()
            + ": a java bad block must be followed by a ```text message block quoting its findings");
        lastFindings = null;
      }
      if (b.lang().equals("java")) {
        List<String> rendered = checkPoolJava(id, b, where, failures, out, !flagsChecked);
        if (rendered != null) {
          seen.add("java " + b.role());
          if (b.role().equals("bad")) {
            flagsChecked = true;
            lastFindings = rendered;
            lastBad = b;
          }
        }
        continue;
      }
      if (!b.lang().equals("properties") && !b.lang().equals("yaml")) {
        continue;
      }
      if (!POOL_ROLES.contains(b.role())) {
        failures.add(where + ": a " + b.lang() + " block needs a role (bad or good), has '"
            + String.join(" ", b.info()) + "'");
        continue;
      }
      String fileName = b.lang().equals("yaml") ? "application.yml" : "application.properties";
      Set<String> allowed = new LinkedHashSet<>();
      allowed.add(id.name());
      for (String word : b.info().subList(1, b.info().size())) {
        if (word.startsWith("file=")) {
          fileName = word.substring("file=".length());
        } else if (Arrays.stream(CheckId.values()).anyMatch(c -> c.name().equals(word))) {
          allowed.add(word);
        } else {
          failures.add(where + ": unknown word '" + word + "' in the info string");
        }
      }
      seen.add(b.lang() + " " + b.role());
      dev.leakguard.poolconfig.PoolConfigScanner.FileResult r =
          new dev.leakguard.poolconfig.PoolConfigScanner().scanText(fileName, fileName, b.body());
      if (r.skipped() != null) {
        failures.add(where + ": the example does not parse: " + r.skipped());
        continue;
      }
      List<String> rendered = r.findings().stream().map(f -> f.toTextLine()).toList();
      out.append("  ").append(where).append(' ').append(b.role()).append(" (").append(fileName).append(")\n");
      for (String f : rendered) {
        out.append("      ").append(f).append('\n');
      }
      if (b.role().equals("bad")) {
        if (r.findings().stream().noneMatch(f -> f.id() == id)) {
          failures.add(where + ": bad example, but no " + id.name() + " finding; reported: " + rendered);
        }
        List<String> others =
            r.findings().stream().filter(f -> !allowed.contains(f.id().name())).map(f -> f.toTextLine()).toList();
        if (!others.isEmpty()) {
          failures.add(where + ": findings of ids the info string does not list: " + others);
        }
      } else if (!r.findings().isEmpty()) {
        failures.add(where + ": good example, but LeakGuard reports: " + rendered);
      }
    }
    if (lastFindings != null) {
      failures.add(id.name() + ".md:" + lastBad.line()
          + ": a java bad block must be followed by a ```text message block quoting its findings");
    }
    for (String need :
        List.of("properties bad", "properties good", "yaml bad", "yaml good", "java bad", "java good")) {
      if (!seen.contains(need)) {
        failures.add(id.name() + ".md: needs at least one ```" + need + " block");
      }
    }
    System.out.printf("%s.md: %s%n%s", id.name(), seen, out);
    if (!failures.isEmpty()) {
      fail(failures.size() + " problem(s) on " + id.name() + ".md:\n" + String.join("\n", failures));
    }
  }

  /**
   * Compiles one java block of a pool page and holds it to its role; returns its rendered findings,
   * or null when the block is not usable (the reason is in {@code failures}).
   */
  private List<String> checkPoolJava(
      CheckId id, Block b, String where, List<String> failures, StringBuilder out, boolean checkFlags)
      throws IOException {
    if (!POOL_ROLES.contains(b.role())) {
      failures.add(where + ": a java block needs a role (bad or good), has '" + String.join(" ", b.info()) + "'");
      return null;
    }
    Set<String> allowed = new LinkedHashSet<>();
    allowed.add(id.name());
    for (String word : b.info().subList(1, b.info().size())) {
      if (Arrays.stream(CheckId.values()).anyMatch(c -> c.name().equals(word))) {
        allowed.add(word);
      } else {
        failures.add(where + ": unknown word '" + word + "' in the info string");
      }
    }
    Path file;
    try {
      file = writeUnit(b, Files.createTempDirectory(tmp, "example"));
    } catch (IllegalArgumentException e) {
      failures.add(where + ": " + e.getMessage());
      return null;
    }
    EpCompiler.Result r = EpCompiler.compile(List.of(file), List.of());
    List<String> errors = r.otherDiagnostics().stream().filter(d -> d.startsWith("ERROR")).toList();
    if (!errors.isEmpty()) {
      failures.add(where + ": does not compile:\n    " + String.join("\n    ", errors));
      return null;
    }
    List<String> rendered = r.findings().stream().map(DocsExamplesTest::render).toList();
    out.append("  ").append(where).append(" java ").append(b.role()).append('\n');
    for (String f : rendered) {
      out.append("      ").append(f).append('\n');
    }
    if (b.role().equals("bad")) {
      if (r.findings().stream().noneMatch(f -> f.id().equals(id.name()))) {
        failures.add(where + ": bad example, but no " + id.name() + " finding; reported: " + rendered);
      }
      List<String> others =
          r.findings().stream().filter(f -> !allowed.contains(f.id())).map(DocsExamplesTest::render).toList();
      if (!others.isEmpty()) {
        failures.add(where + ": findings of ids the info string does not list: " + others);
      }
      if (checkFlags) {
        checkFlags(id, file, where, failures, out);
      }
    } else if (!r.findings().isEmpty()) {
      failures.add(where + ": good example, but LeakGuard reports: " + rendered);
    }
    return rendered;
  }

  /** A message block must quote exactly the findings of the block before it. */
  private static void quoted(Block b, List<String> findings, Block of, String where, List<String> failures) {
    List<String> quoted = b.body().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (!quoted.stream().sorted().toList().equals(findings.stream().sorted().toList())) {
      failures.add(
          where + ": the quoted messages of the block at line " + of.line()
              + " differ from what LeakGuard reports.\n  quoted:\n    "
              + String.join("\n    ", quoted) + "\n  reported:\n    "
              + String.join("\n    ", findings));
    }
  }

  private void checkPage(CheckId id) throws IOException {
    Path page = checksDir().resolve(id.name() + ".md");
    assertTrue(Files.isRegularFile(page), "missing " + page);
    List<Block> blocks = blocks(page);
    List<String> failures = new ArrayList<>();
    int leaking = 0;
    int fixed = 0;
    int silent = 0;
    int elsewhere = 0;
    int messages = 0;
    int models = 0;
    Path model = null;
    List<String> lastFindings = null; // rendered findings of the last leaking block not yet quoted
    Block lastLeaking = null;
    boolean flagsChecked = false;
    StringBuilder out = new StringBuilder();

    for (Block b : blocks) {
      String where = id.name() + ".md:" + b.line();
      if (b.lang().equals("text") && b.role().equals("model")) {
        models++;
        model = Files.createTempDirectory(tmp, "model").resolve(id.name() + ".model");
        Files.writeString(model, b.body(), StandardCharsets.UTF_8);
        try {
          ResourceModel.load(model);
        } catch (ModelException e) {
          failures.add(where + ": the model block does not load: " + e.getMessage());
        }
        continue;
      }
      if (b.lang().equals("text") && b.role().equals("message")) {
        messages++;
        if (lastFindings == null) {
          failures.add(where + ": a message block must directly follow a leaking or elsewhere java block");
          continue;
        }
        quoted(b, lastFindings, lastLeaking, where, failures);
        lastFindings = null;
        continue;
      }
      if (!b.lang().equals("java")) {
        continue;
      }
      if (lastFindings != null) {
        failures.add(id.name() + ".md:" + lastLeaking.line()
            + ": a leaking block must be followed by a ```text message block quoting its findings");
        lastFindings = null;
      }
      if (!ROLES.contains(b.role())) {
        failures.add(where + ": a java block needs a role (leaking, elsewhere, fixed or silent), has '"
            + String.join(" ", b.info()) + "'");
        continue;
      }
      Set<String> allowed = new LinkedHashSet<>();
      allowed.add(id.name());
      boolean withModel = false;
      for (String word : b.info().subList(1, b.info().size())) {
        if (word.equals("with-model")) {
          withModel = true;
        } else if (Arrays.stream(CheckId.values()).anyMatch(c -> c.name().equals(word))) {
          allowed.add(word);
        } else {
          failures.add(where + ": unknown word '" + word + "' in the info string");
        }
      }
      if (withModel && model == null) {
        failures.add(where + ": with-model, but no ```text model block before it");
        continue;
      }
      List<String> options =
          withModel ? List.of("-XepOpt:LeakGuard:ModelFile=" + model) : List.of();

      Path file;
      try {
        file = writeUnit(b, Files.createTempDirectory(tmp, "example"));
      } catch (IllegalArgumentException e) {
        failures.add(where + ": " + e.getMessage());
        continue;
      }
      EpCompiler.Result r = EpCompiler.compile(List.of(file), options);
      List<String> errors =
          r.otherDiagnostics().stream().filter(d -> d.startsWith("ERROR")).toList();
      if (!errors.isEmpty()) {
        failures.add(where + ": does not compile:\n    " + String.join("\n    ", errors));
        continue;
      }
      List<String> rendered = r.findings().stream().map(DocsExamplesTest::render).toList();
      out.append("  ").append(where).append(' ').append(b.role())
          .append(withModel ? " (with model)" : "").append('\n');
      for (String f : rendered) {
        out.append("      ").append(f).append('\n');
      }
      switch (b.role()) {
        case "leaking" -> {
          leaking++;
          if (r.findings().stream().noneMatch(f -> f.id().equals(id.name()))) {
            failures.add(where + ": leaking example, but no " + id.name() + " finding; reported: "
                + rendered);
          }
          unlisted(r, allowed, where, failures);
          lastFindings = rendered;
          lastLeaking = b;
          if (!flagsChecked && !withModel) {
            flagsChecked = true;
            checkFlags(id, file, where, failures, out);
          }
        }
        case "elsewhere" -> {
          elsewhere++;
          allowed.remove(id.name());
          if (allowed.isEmpty()) {
            failures.add(where + ": an elsewhere example names the ids it is reported under");
          }
          for (String other : allowed) {
            if (r.findings().stream().noneMatch(f -> f.id().equals(other))) {
              failures.add(where + ": elsewhere example, but no " + other + " finding; reported: " + rendered);
            }
          }
          unlisted(r, allowed, where, failures);
          lastFindings = rendered;
          lastLeaking = b;
        }
        case "fixed", "silent" -> {
          if (b.role().equals("fixed")) {
            fixed++;
          } else {
            silent++;
          }
          if (!r.findings().isEmpty()) {
            failures.add(where + ": " + b.role() + " example, but LeakGuard reports: " + rendered);
          }
        }
        default -> throw new AssertionError(b.role());
      }
    }
    if (lastFindings != null) {
      failures.add(id.name() + ".md:" + lastLeaking.line()
          + ": a leaking block must be followed by a ```text message block quoting its findings");
    }
    if (leaking == 0 || fixed == 0 || silent == 0) {
      failures.add(id.name() + ".md: needs at least one leaking, one fixed and one silent example");
    }
    if (!flagsChecked && leaking > 0) {
      failures.add(id.name() + ".md: no leaking example without a model file to check the -Xep flags on");
    }
    System.out.printf(
        "%s.md: %d java blocks (leaking %d, elsewhere %d, fixed %d, silent %d), %d message blocks,"
            + " %d model blocks%n%s",
        id.name(), leaking + elsewhere + fixed + silent, leaking, elsewhere, fixed, silent, messages, models, out);
    if (!failures.isEmpty()) {
      fail(failures.size() + " problem(s) on " + id.name() + ".md:\n" + String.join("\n", failures));
    }
  }

  /** A failure for the findings of ids the block's info string does not list. */
  private static void unlisted(EpCompiler.Result r, Set<String> allowed, String where, List<String> failures) {
    List<String> others =
        r.findings().stream().filter(f -> !allowed.contains(f.id())).map(DocsExamplesTest::render).toList();
    if (!others.isEmpty()) {
      failures.add(where + ": findings of ids the info string does not list: " + others);
    }
  }

  /** -Xep:Id:OFF silences the id; -Xep:Id:WARN and :ERROR set the level of its findings. */
  private static void checkFlags(CheckId id, Path file, String where, List<String> failures, StringBuilder out)
      throws IOException {
    EpCompiler.Result off = EpCompiler.compile(List.of(file), List.of("-Xep:" + id.name() + ":OFF"));
    if (off.findings().stream().anyMatch(f -> f.id().equals(id.name()))) {
      failures.add(where + ": -Xep:" + id.name() + ":OFF still reports " + id.name());
    }
    for (String level : List.of("WARN", "ERROR")) {
      Diagnostic.Kind want = level.equals("WARN") ? Diagnostic.Kind.WARNING : Diagnostic.Kind.ERROR;
      EpCompiler.Result r =
          EpCompiler.compile(List.of(file), List.of("-Xep:" + id.name() + ":" + level));
      List<EpCompiler.Reported> mine =
          r.findings().stream().filter(f -> f.id().equals(id.name())).toList();
      if (mine.isEmpty() || mine.stream().anyMatch(f -> f.kind() != want)) {
        failures.add(where + ": -Xep:" + id.name() + ":" + level + " gives "
            + mine.stream().map(f -> f.kind().toString()).collect(Collectors.toList()));
      }
    }
    out.append("      (-Xep:").append(id.name()).append(":OFF, :WARN and :ERROR checked)\n");
  }

  /** A finding as javac prints its first line. */
  private static String render(EpCompiler.Reported f) {
    String kind =
        switch (f.kind()) {
          case ERROR -> "error";
          case WARNING, MANDATORY_WARNING -> "warning";
          default -> "Note";
        };
    String message = f.message().lines().findFirst().orElse("").strip();
    return f.file().getFileName() + ":" + f.line() + ": " + kind + ": [" + f.id() + "] " + message;
  }

  // ---------------------------------------------------------------- reading the markdown

  private static List<Block> blocks(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = FENCE_OPEN.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int fenceLine = i + 1;
      StringBuilder body = new StringBuilder();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).equals("```")) {
        body.append(lines.get(j)).append('\n');
        j++;
      }
      if (j == lines.size()) {
        throw new IllegalStateException(page + ":" + (i + 1) + ": unclosed code fence");
      }
      List<String> info =
          Arrays.stream(m.group(2).trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
      out.add(new Block(m.group(1), info, body.toString(), fenceLine));
      i = j;
    }
    return out;
  }

  /** Writes the block to {@code dir} as {@code <PublicType>.java}. */
  private static Path writeUnit(Block b, Path dir) throws IOException {
    Matcher m = PUBLIC_TYPE.matcher(b.body());
    if (!m.find()) {
      m = ANY_TYPE.matcher(b.body());
      if (!m.find()) {
        throw new IllegalArgumentException("no top-level type declared at column 0");
      }
    }
    if (b.body().lines().anyMatch(l -> l.startsWith("package "))) {
      throw new IllegalArgumentException("examples are package-less compilation units");
    }
    Path file = dir.resolve(m.group(1) + ".java");
    Files.writeString(file, b.body(), StandardCharsets.UTF_8);
    return file;
  }
}
