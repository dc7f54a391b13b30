package dev.leakguard.maven;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.engine.EngineResult;
import dev.leakguard.maven.engine.EngineContext;
import dev.leakguard.maven.engine.PoolConfigEngine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs LeakGuard's engines on the module and the pool-configuration checks on its configuration
 * files, merges their findings, prints them javac-style, writes SARIF and text reports and fails
 * the build when findings at or above {@code failOnSeverity} remain after suppressions, the
 * includes/excludes and the baseline.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class CheckMojo extends AbstractLeakGuardMojo {
  /** How many findings the failure message lists. */
  static final int LISTED = 10;

  /**
   * The lowest severity that fails the build: {@code error} (JdbcConnectionLeak, and the pool
   * settings JdbcPoolSizeOutOfRange and JdbcPoolUnboundedWait), {@code warning} (also statement,
   * result set, close-chain and field leaks, and the other pool settings), {@code note}
   * (everything), or {@code never} (report only).
   */
  @Parameter(property = "leakguard.failOnSeverity", defaultValue = "error")
  private String failOnSeverity;

  /**
   * The baseline file: findings it lists are accepted and not reported. Default:
   * <code>${project.basedir}/leakguard-baseline.txt</code> if that file exists. Written by
   * {@code mvn leakguard:baseline}; the same format as {@code leakguard scan --baseline}.
   */
  @Parameter(property = "leakguard.baseline")
  private File baseline;

  /**
   * Where the module's SARIF 2.1.0 report goes. The plain-text report (leakguard.txt) and a
   * Checkstyle XML report for review bots (leakguard-checkstyle.xml) are written next to it.
   */
  @Parameter(property = "leakguard.sarifFile", defaultValue = "${project.build.directory}/leakguard/leakguard.sarif")
  private File sarifFile;

  /**
   * Print each finding as a GitHub Actions workflow command ({@code ::error file=..,line=..::})
   * so it shows as an annotation on the pull request. Only when the environment variable
   * {@code GITHUB_ACTIONS} is {@code true}.
   */
  @Parameter(property = "leakguard.githubAnnotations", defaultValue = "true")
  private boolean githubAnnotations;

  /**
   * Fail the build when an engine could not analyse a source file with code in it (it does not
   * parse, or is not valid in the source encoding): its leaks would go unseen.
   */
  @Parameter(property = "leakguard.failOnSkipped", defaultValue = "false")
  private boolean failOnSkipped;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("LeakGuard: skipped (leakguard.skip)");
      Aggregate.record(session, project, List.of(), getLog());
      return;
    }
    Severity threshold = threshold();
    EngineContext ctx = engineContext();
    AnalysisRequest request = buildRequest(ctx);
    Path baselinePath = baselineFile(baseline, true);
    Baseline accepted = null;
    if (baselinePath != null) {
      try {
        accepted = Baseline.read(baselinePath);
      } catch (Baseline.BaselineException e) {
        throw new MojoExecutionException("LeakGuard: " + e.getMessage(), e);
      }
      getLog().info("LeakGuard: baseline " + baselinePath + " (" + Reports.plural(accepted.size(), "accepted finding") + ")");
    }
    if (nothingToAnalyse(request)) {
      getLog().info("LeakGuard: " + project.getArtifactId() + " has no Java sources to analyse");
      Aggregate.record(session, project, List.of(), getLog());
      return;
    }
    AnalysisResult result;
    try {
      result = AnalysisExecutor.execute(request, ctx, accepted);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("LeakGuard: interrupted", e);
    }
    requireAnEngine(request, result);
    List<ReportedFinding> findings = result.findings();
    for (ReportedFinding f : findings) {
      if (f.severity() == Severity.ERROR) {
        getLog().error(Reports.consoleLine(f));
      } else {
        getLog().warn(Reports.consoleLine(f));
      }
    }
    Path sarif = sarifFile.toPath().toAbsolutePath().normalize();
    Path text = sarif.resolveSibling("leakguard.txt");
    Path checkstyle = sarif.resolveSibling("leakguard-checkstyle.xml");
    try {
      Reports.write(sarif, Reports.sarif(findings, result.engineResults()));
      Reports.write(text, Reports.text(project.getArtifactId(), result));
      Reports.write(checkstyle, Reports.checkstyle(findings));
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException("LeakGuard: cannot write the reports to " + sarif.getParent() + ": " + e, e);
    }
    String summary = Reports.summary(project.getArtifactId(), result);
    if (findings.isEmpty()) {
      getLog().info(summary);
    } else {
      getLog().warn(summary);
    }
    getLog().info("LeakGuard: reports " + sarif + ", " + text.getFileName() + " and " + checkstyle.getFileName());
    if (githubAnnotations && "true".equals(System.getenv("GITHUB_ACTIONS"))) {
      Reports.githubAnnotations(findings).forEach(System.out::println);
    }
    Aggregate.record(session, project, findings, getLog());

    int skipped = result.engineResults().stream().mapToInt(EngineResult::skippedFiles).sum();
    if (failOnSkipped && skipped > 0) {
      throw new MojoFailureException("LeakGuard: " + skipped + " source file(s) of " + project.getArtifactId()
          + " could not be analysed (the warnings above say why), and leakguard.failOnSkipped is set");
    }
    if (threshold == null) {
      return;
    }
    List<ReportedFinding> failing =
        findings.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    if (!failing.isEmpty()) {
      throw new MojoFailureException(failureMessage(project.getArtifactId(), failing, threshold, sarif, text));
    }
  }

  private Severity threshold() throws MojoExecutionException {
    String s = failOnSeverity == null ? "error" : failOnSeverity.trim();
    if (s.equalsIgnoreCase("never") || s.equalsIgnoreCase("none")) {
      return null;
    }
    try {
      return Severity.parse(s);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("LeakGuard: leakguard.failOnSeverity: " + e.getMessage() + ", never");
    }
  }

  /**
   * What failed the build and what to do about it: the findings (the first {@link #LISTED}), the
   * reports, how to fix, suppress or baseline them. Leaks and pool settings are named as such;
   * a pool setting of a configuration file is suppressed by a comment, everything else by
   * {@code @SuppressWarnings}.
   */
  static String failureMessage(
      String module, List<ReportedFinding> failing, Severity threshold, Path sarif, Path text) {
    List<ReportedFinding> leaks = failing.stream().filter(f -> f.id().category() == CheckId.Category.LEAK).toList();
    List<ReportedFinding> pools = failing.stream().filter(f -> f.id().category() != CheckId.Category.LEAK).toList();
    List<ReportedFinding> inConfigFiles = failing.stream().filter(CheckMojo::fromConfigFile).toList();
    List<ReportedFinding> inJava = failing.stream().filter(f -> !fromConfigFile(f)).toList();
    List<String> what = new ArrayList<>();
    if (!leaks.isEmpty()) {
      what.add(leaks.size() + (leaks.size() == 1 ? " leak" : " leaks"));
    }
    if (!pools.isEmpty()) {
      what.add(pools.size() + (pools.size() == 1 ? " misconfigured pool setting" : " misconfigured pool settings"));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("LeakGuard found ").append(String.join(" and ", what))
        .append(" at or above severity '").append(threshold.sarifLevel()).append("' in ")
        .append(module).append(" (").append(Reports.ids(failing)).append("):\n");
    for (int i = 0; i < Math.min(LISTED, failing.size()); i++) {
      sb.append("  ").append(Reports.consoleLine(failing.get(i))).append('\n');
    }
    if (failing.size() > LISTED) {
      sb.append("  ... and ").append(failing.size() - LISTED).append(" more\n");
    }
    sb.append("Reports: ").append(sarif).append(" and ").append(text).append('\n');
    List<String> fixes = new ArrayList<>();
    if (!leaks.isEmpty()) {
      fixes.add("each leak (usually: open the resource in a try-with-resources header; see "
          + leaks.get(0).id().docsUrl() + ")");
    }
    if (!pools.isEmpty()) {
      fixes.add("each pool setting (see " + pools.get(0).id().docsUrl() + ")");
    }
    sb.append("Fix ").append(String.join(" and ", fixes)).append(", or\n");
    if (!leaks.isEmpty()) {
      sb.append("  - if a call returns a resource that someone else owns and closes (a transaction's or"
          + " a pool's connection), say so in a model file named by -Dleakguard.modelFiles=<file>,"
          + " one line per method, e.g. 'borrow com.acme.TxContext.currentConnection() none'"
          + " (docs/model-format.md),\n");
    }
    if (!inJava.isEmpty()) {
      sb.append("  - suppress a finding you have reviewed with @SuppressWarnings(\"").append(inJava.get(0).id().name())
          .append("\") on its method or class,\n");
    }
    if (!inConfigFiles.isEmpty()) {
      sb.append("  - suppress a setting you have reviewed with the comment '# leakguard:ignore ")
          .append(inConfigFiles.get(0).id().name()).append("' on the line before it,\n");
    }
    sb.append("  - accept all current findings with 'mvn leakguard:baseline' (writes ")
        .append(DEFAULT_BASELINE).append("; commit it) so that only new ")
        .append(pools.isEmpty() ? "leaks" : "findings").append(" fail the build,\n");
    sb.append("  - or change the gate with -Dleakguard.failOnSeverity=error|warning|note|never.");
    return sb.toString();
  }

  /** A finding of the configuration checks, in a properties or YAML file. */
  private static boolean fromConfigFile(ReportedFinding f) {
    return f.engines().contains(PoolConfigEngine.NAME);
  }
}
