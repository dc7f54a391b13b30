package dev.leakguard.errorprone;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.core.report.SarifWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Runs javac with Error Prone and only the LeakGuard checks (the leak checks and the pool checks
 * over pools configured in code), prints javac-style findings and a summary, and writes SARIF and
 * text reports. Usage:
 *
 * <pre>
 * java [javac --add-exports flags] -cp ... dev.leakguard.errorprone.LeakGuardJavac
 *     [--root DIR] [--sarif FILE] [--text FILE] [--model FILE] [--pool-size-ceiling N]
 *     [--fail-on error|warning|note|never] [--fix] -- [javac options] FILES-OR-DIRECTORIES...
 * </pre>
 *
 * {@code --fix} rewrites the sources in place with every leak check's suggested fix at once; the
 * findings printed are the ones found before the fix, and the summary counts those fixed.
 *
 * Exit codes: 0 no finding at or above the threshold, 1 findings at or above it, 2 usage error or
 * code that does not compile.
 */
public final class LeakGuardJavac {
  private LeakGuardJavac() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs as {@link #main} does and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    Path sarif = null;
    Path text = null;
    String model = null;
    String ceiling = null;
    Severity failOn = Severity.ERROR;
    boolean fix = false;
    List<String> javacArgs = new ArrayList<>();
    int i = 0;
    try {
      for (; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--")) {
          i++;
          break;
        }
        switch (a) {
          case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
          case "--sarif" -> sarif = Path.of(args[++i]);
          case "--text" -> text = Path.of(args[++i]);
          case "--model" -> model = args[++i];
          case "--fix" -> fix = true;
          case "--pool-size-ceiling" -> {
            ceiling = args[++i];
            PoolCeiling parsed = PoolCeiling.parse(ceiling);
            if (parsed.error != null) {
              throw new IllegalArgumentException(
                  "--pool-size-ceiling " + ceiling + ": give a whole number of at least 2");
            }
          }
          case "--fail-on" -> {
            String v = args[++i];
            failOn = v.equals("never") ? null : Severity.parse(v);
          }
          default -> throw new IllegalArgumentException("unknown option '" + a + "'");
        }
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      err.println("leakguard: " + (e instanceof ArrayIndexOutOfBoundsException ? "missing value for " + args[i - 1] : e.getMessage()));
      err.println("usage: LeakGuardJavac [--root DIR] [--sarif FILE] [--text FILE] [--model FILE]"
          + " [--pool-size-ceiling N] [--fail-on error|warning|note|never] [--fix] -- [javac options] FILES...");
      return 2;
    }
    for (; i < args.length; i++) {
      javacArgs.add(args[i]);
    }
    List<Path> sources = new ArrayList<>();
    List<String> options = new ArrayList<>();
    for (int k = 0; k < javacArgs.size(); k++) {
      String a = javacArgs.get(k);
      if (a.endsWith(".java") && !a.startsWith("-")) {
        sources.add(Path.of(a));
      } else if (!a.startsWith("-") && Files.isDirectory(Path.of(a)) && !takesValue(javacArgs, k)) {
        try (var walk = Files.walk(Path.of(a))) {
          walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
        }
      } else {
        options.add(a);
      }
    }
    options.add("-XDcompilePolicy=simple");
    options.add("-proc:none");
    for (CheckId id : CheckId.values()) {
      options.add("-Xep:" + id.name() + ":WARN"); // collected here; the gate is --fail-on
    }
    if (fix) {
      List<String> leakIds = new ArrayList<>();
      for (CheckId id : CheckId.values()) {
        leakIds.add(id.name());
      }
      options.add("-XepPatchChecks:" + String.join(",", leakIds));
      options.add("-XepPatchLocation:IN_PLACE");
    }
    if (model != null) {
      options.add("-XepOpt:" + ModelHolder.FLAG + "=" + model);
    }
    if (ceiling != null) {
      options.add("-XepOpt:" + PoolCeiling.FLAG + "=" + ceiling.trim());
    }
    List<ReportedFinding> findings = new ArrayList<>();
    int[] fixable = {0};
    Path base = root;
    FindingSink.install(
        l -> {
          if (l.fixable()) {
            fixable[0]++;
          }
          Path file = Path.of(l.file()).toAbsolutePath().normalize();
          String rel = file.startsWith(base) ? base.relativize(file).toString() : file.toString();
          findings.add(
              new ReportedFinding(
                  rel.replace('\\', '/'), l.line(), l.id(), l.message(), l.fingerprint(), List.of("errorprone"),
                  l.severity()));
        });
    boolean compiled;
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try {
      ErrorProneJavaCompiler javac =
          new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(Checks.ALL));
      try (StandardJavaFileManager fm =
          javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
        compiled =
            javac.getTask(err, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
      }
    } finally {
      FindingSink.uninstall();
    }
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      String msg = d.getMessage(Locale.ROOT);
      if (!isLeakGuardDiagnostic(msg)) {
        if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.NOTE) {
          err.println(d);
        }
      }
    }
    findings.sort(Comparator.comparing(ReportedFinding::path).thenComparingInt(ReportedFinding::line));
    Map<CheckId, Integer> counts = new EnumMap<>(CheckId.class);
    StringBuilder report = new StringBuilder();
    for (ReportedFinding f : findings) {
      out.println(f.toTextLine());
      report.append(f.toTextLine()).append('\n');
      counts.merge(f.id(), 1, Integer::sum);
    }
    String summary =
        "LeakGuard: " + findings.size() + " finding(s) in " + sources.size() + " file(s)"
            + (counts.isEmpty() ? "" : " " + counts)
            + (fix ? "; " + fixable[0] + " fixed in place" : "");
    out.println(summary);
    report.append(summary).append('\n');
    if (sarif != null) {
      write(sarif, SarifWriter.write(Version.VERSION, findings));
    }
    if (text != null) {
      write(text, report.toString());
    }
    if (!compiled) {
      err.println("leakguard: the sources do not compile; findings above may be incomplete");
      return 2;
    }
    if (failOn != null) {
      for (ReportedFinding f : findings) {
        if (f.severity().atLeast(failOn)) {
          return 1;
        }
      }
    }
    return 0;
  }

  /** True for a diagnostic of one of LeakGuard's checks ("[CheckId] message"). */
  private static boolean isLeakGuardDiagnostic(String msg) {
    int end = msg.indexOf(']');
    if (!msg.startsWith("[") || end < 0) {
      return false;
    }
    try {
      CheckId.byName(msg.substring(1, end));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** True if the argument at k is the value of the javac option before it (-d DIR, -cp PATH...). */
  private static boolean takesValue(List<String> args, int k) {
    if (k == 0) {
      return false;
    }
    String prev = args.get(k - 1);
    return prev.equals("-d") || prev.equals("-s") || prev.equals("-h") || prev.equals("-cp")
        || prev.equals("-classpath") || prev.equals("--class-path") || prev.equals("-sourcepath")
        || prev.equals("--source-path") || prev.equals("-processorpath") || prev.equals("--module-path")
        || prev.equals("-p") || prev.equals("--release") || prev.equals("-encoding");
  }

  private static void write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
