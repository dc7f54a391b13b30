package dev.leakguard.maven.engine;

import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.AnalysisRequest;
import dev.leakguard.maven.InputFile;
import dev.leakguard.poolconfig.PoolConfigScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pool-configuration checks over the module's configuration files ({@code application*.yml},
 * {@code dbcp*.properties} ...), in the Maven JVM, with the same scanner as {@code leakguard scan}.
 * Not one of the Java engines users pick with {@code engines}: it runs whenever the request has
 * configuration files. A file that is not valid properties or YAML is a note naming the file and
 * the line of the problem, and the other files are still checked.
 */
public final class PoolConfigEngine implements Engine {
  public static final String NAME = PoolConfigScanner.ENGINE;

  /** The scanner's reason for skipping a file, when it has the line of the problem. */
  private static final Pattern AT_LINE = Pattern.compile("line (\\d+): (.*)", Pattern.DOTALL);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EngineResult run(AnalysisRequest req, EngineContext ctx) {
    List<InputFile> todo = req.includedConfigFiles();
    if (todo.isEmpty()) {
      return EngineResult.ran(NAME, List.of(), 0, "files", List.of());
    }
    long start = System.nanoTime();
    PoolConfigScanner scanner = new PoolConfigScanner(req.poolSizeCeiling());
    List<ReportedFinding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (InputFile f : todo) {
      PoolConfigScanner.FileResult r = scanner.scan(f.file(), f.reportPath());
      if (r.skipped() != null) {
        notes.add(notChecked(f.reportPath(), r.skipped()));
      } else {
        findings.addAll(r.findings());
      }
    }
    ctx.log().info(String.format(Locale.ROOT, "LeakGuard [config]: %s in %s of %s (%.1f s)",
        EngineResult.count(findings.size()), EngineResult.plural(todo.size(), "configuration file"),
        req.module(), (System.nanoTime() - start) / 1e9));
    return EngineResult.ran(NAME, findings, todo.size(), "files", notes);
  }

  /** {@code path:line: problem; ...}, javac-style, with the line when the scanner knows it. */
  static String notChecked(String path, String skipped) {
    Matcher m = AT_LINE.matcher(skipped);
    String where = m.matches() ? path + ":" + m.group(1) : path;
    String problem = m.matches() ? m.group(2) : skipped;
    return where + ": " + problem + "; its pool settings are not checked";
  }
}
