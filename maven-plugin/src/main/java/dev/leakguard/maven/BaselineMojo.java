package dev.leakguard.maven;

import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.engine.EngineContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a baseline of the module's current findings, leaks and pool settings, so that
 * {@code leakguard:check} reports only new ones: the way a legacy code base adopts the gate.
 * Findings are identified by fingerprints (check id, method signature, resource kind, acquiring
 * call; for a configuration file, the file and the setting's key), never by line, so code moving
 * around them keeps them accepted. Review and commit the file.
 */
@Mojo(name = "baseline", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class BaselineMojo extends AbstractLeakGuardMojo {
  /** The baseline file to write; default <code>${project.basedir}/leakguard-baseline.txt</code>. */
  @Parameter(property = "leakguard.baseline")
  private File baseline;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("LeakGuard: skipped (leakguard.skip)");
      return;
    }
    EngineContext ctx = engineContext();
    AnalysisRequest request = buildRequest(ctx);
    if (nothingToAnalyse(request)) {
      getLog().info("LeakGuard: " + project.getArtifactId() + " has no Java sources; no baseline written");
      return;
    }
    AnalysisResult result;
    try {
      result = AnalysisExecutor.execute(request, ctx, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("LeakGuard: interrupted", e);
    }
    requireAnEngine(request, result);
    List<ReportedFinding> findings = result.findings();
    Path file = baselineFile(baseline, false);
    try {
      Reports.write(file, Baseline.render(result.reported()));
    } catch (IOException e) {
      throw new MojoExecutionException("LeakGuard: cannot write the baseline " + file + ": " + e, e);
    }
    getLog().info("LeakGuard: wrote a baseline of " + Reports.count(findings) + " to " + file
        + "; leakguard:check now reports only new findings");
  }
}
