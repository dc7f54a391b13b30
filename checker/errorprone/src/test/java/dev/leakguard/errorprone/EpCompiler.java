package dev.leakguard.errorprone;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/** Compiles real files with javac + Error Prone + the LeakGuard checks, in process. */
final class EpCompiler {
  static final List<Class<? extends BugChecker>> CHECKS = Checks.ALL;

  private static final Pattern ID = Pattern.compile("^\\[(\\w+)\\] (.*)", Pattern.DOTALL);
  private static final java.util.Set<String> IDS =
      java.util.Arrays.stream(dev.leakguard.core.finding.CheckId.values())
          .map(Enum::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** One LeakGuard diagnostic. */
  record Reported(Path file, long line, String id, String message, Diagnostic.Kind kind) {}

  /** The outcome of one compilation. */
  record Result(boolean success, List<Reported> findings, List<String> otherDiagnostics) {}

  static Result compile(List<Path> files, List<String> extraOptions) throws IOException {
    ErrorProneJavaCompiler javac =
        new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(CHECKS));
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("leakguard-ep");
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>();
      options.add("-d");
      options.add(out.toString());
      options.add("-classpath");
      options.add(System.getProperty("java.class.path"));
      options.add("-XDcompilePolicy=simple");
      options.add("-proc:none");
      options.add("-encoding");
      options.add("UTF-8");
      // javac prints at most 100 warnings and 100 errors by default: the corpus has more
      options.add("-Xmaxwarns");
      options.add("100000");
      options.add("-Xmaxerrs");
      options.add("100000");
      options.addAll(extraOptions);
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      StringWriter sink = new StringWriter();
      boolean ok = javac.getTask(sink, fm, diags, options, null, units).call();
      List<Reported> found = new ArrayList<>();
      List<String> other = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        String msg = d.getMessage(Locale.ROOT);
        Matcher m = ID.matcher(msg);
        if (m.find() && IDS.contains(m.group(1)) && d.getSource() != null) {
          found.add(
              new Reported(
                  Path.of(d.getSource().toUri()), d.getLineNumber(), m.group(1), m.group(2), d.getKind()));
        } else {
          other.add(d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber()) + " " + msg);
        }
      }
      return new Result(ok, found, other);
    }
  }

  private EpCompiler() {}
}
