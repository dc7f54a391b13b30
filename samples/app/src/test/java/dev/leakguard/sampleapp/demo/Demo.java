package dev.leakguard.sampleapp.demo;

import dev.leakguard.verifier.confirm.Confirmation;
import dev.leakguard.verifier.confirm.RuntimeEvidence;
import dev.leakguard.verifier.confirm.Sarif;
import dev.leakguard.verifier.confirm.StaticFinding;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample app's demo: the login outage reproduced on a small pool and its fix surviving load,
 * then every sample scenario on a fresh verifier pool, then the static findings compared with
 * the runtime leaks.
 *
 * <pre>
 * Demo [--sarif FILE]... [--confirm-only]
 * </pre>
 *
 * {@code --sarif} names the static findings (default {@value #DEFAULT_SARIF}, where the build's
 * process-classes step writes them; repeat it to merge several engines' reports). {@code
 * --confirm-only} skips the narration and prints the table. Exit code 0 when every runtime leak is
 * found statically and every exercised finding is confirmed, 1 otherwise, 2 on a usage error.
 */
public final class Demo {
  static final String DEFAULT_SARIF = "target/leakguard/static.sarif";

  private Demo() {}

  public static void main(String[] args) throws Exception {
    List<Path> reports = new ArrayList<>();
    boolean narrate = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sarif" -> {
          if (i + 1 == args.length) {
            usage("missing value for --sarif");
          }
          reports.add(Path.of(args[++i]));
        }
        case "--confirm-only" -> narrate = false;
        default -> usage("unknown option '" + args[i] + "'");
      }
    }
    if (reports.isEmpty()) {
      reports.add(Path.of(DEFAULT_SARIF));
    }
    for (Path report : reports) {
      if (!Files.isRegularFile(report)) {
        System.err.println("demo: no static findings at " + report
            + "; build the sample app first (mvn -pl samples/app -am package)");
        System.exit(2);
      }
    }
    System.exit(run(reports, narrate, System.out));
  }

  /** Prints the demo to {@code out}; returns the exit code. */
  static int run(List<Path> reports, boolean narrate, PrintStream out) throws Exception {
    PrintStream narration = narrate ? out : new PrintStream(OutputStream.nullOutputStream());
    RuntimeEvidence evidence = new RuntimeEvidence();

    List<Scenario> outage = SampleScenarios.outage();
    narration.printf("== The outage, reproduced: LoginServiceLeaky on a pool of %d connections,"
            + " connectionTimeout %d ms ==%n",
        SampleScenarios.POOL_SIZE, SampleScenarios.CONNECTION_TIMEOUT.toMillis());
    SampleScenarios.run(outage.get(0), evidence, narration);
    narration.println();
    narration.println("== The fix: LoginServiceFixed on the same pool settings ==");
    SampleScenarios.run(outage.get(1), evidence, narration);
    narration.println();

    narration.println("== Every other sample scenario, each on a fresh verifier pool ==");
    List<String[]> rows = new ArrayList<>();
    for (Scenario scenario : SampleScenarios.others()) {
      int leaks = SampleScenarios.run(scenario, evidence, narration);
      rows.add(new String[] {scenario.name(), Integer.toString(leaks)});
    }
    int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(8);
    narration.printf("  %-" + width + "s  %s%n", "SCENARIO", "LEAKS");
    for (String[] row : rows) {
      narration.printf("  %-" + width + "s  %5s%n", row[0], row[1]);
    }
    narration.println();

    narration.printf("== Outage 6, HTTP: the stock client on an HTTP pool of %d connections, waiting at most %d ms"
            + " for one ==%n", HttpStockOutage.CONNECTIONS, HttpStockOutage.WAIT_MILLIS);
    HttpStockOutage.addTo(evidence, narration);
    narration.println();

    List<StaticFinding> findings = Sarif.read(reports);
    Confirmation confirmation = Confirmation.compare(findings, evidence);
    out.println("== Confirmation: static findings (" + describe(reports) + ") against runtime leaks ==");
    out.print(confirmation.table());
    boolean agree =
        confirmation.missed().isEmpty()
            && confirmation.findings(Confirmation.FindingStatus.NOT_CONFIRMED).isEmpty();
    return agree ? 0 : 1;
  }

  private static String describe(List<Path> reports) {
    List<String> names = new ArrayList<>();
    for (Path report : reports) {
      names.add(report.toString());
    }
    return String.join(", ", names);
  }

  private static void usage(String problem) {
    System.err.println("demo: " + problem);
    System.err.println("usage: Demo [--sarif FILE]... [--confirm-only]");
    System.exit(2);
  }
}
