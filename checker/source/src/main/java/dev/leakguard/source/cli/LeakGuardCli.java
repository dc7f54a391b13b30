package dev.leakguard.source.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code leakguard} command line; {@code scan} is its command. {@link #main} exits with the
 * scan's exit code; {@link #run} returns it, for tests and embedding.
 */
@Command(
    name = "leakguard",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    subcommands = {ScanCommand.class, CommandLine.HelpCommand.class},
    description = "LeakGuard finds JDBC resources that are not closed on every path.",
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  clean, 1  findings at or above --fail-on, 2  usage or I/O error",
      "%nRun 'leakguard scan --help' for the scan's options."
    })
public final class LeakGuardCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  private LeakGuardCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line; never calls {@code System.exit}. The report goes to {@code out} (unless
   * {@code --output} is given), skipped files and the summary to {@code err}.
   *
   * @return the exit code: 0 clean, 1 findings at or above {@code --fail-on}, 2 usage or I/O error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, Environment.of(out, err));
  }

  static int run(String[] args, Environment env) {
    CommandLine cl = commandLine(env);
    return cl.execute(args);
  }

  static CommandLine commandLine(Environment env) {
    IFactory factory =
        new IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == ScanCommand.class) {
              return cls.cast(new ScanCommand(env));
            }
            if (cls == LeakGuardCli.class) {
              return cls.cast(new LeakGuardCli());
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    CommandLine cl = new CommandLine(LeakGuardCli.class, factory);
    cl.setOut(new PrintWriter(env.out(), true));
    cl.setErr(new PrintWriter(env.err(), true));
    cl.setExitCodeExceptionMapper(e -> ExitCodes.ERROR);
    cl.setParameterExceptionHandler(LeakGuardCli::usageError);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          if (e instanceof CliException) {
            w.println("leakguard: " + e.getMessage());
          } else if (e instanceof InterruptedException) {
            w.println("leakguard: interrupted");
          } else {
            w.println("leakguard: internal error: " + e);
            e.printStackTrace(w);
          }
          w.flush();
          return ExitCodes.ERROR;
        });
    return cl;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter w = cl.getErr();
    w.println("leakguard: " + e.getMessage());
    if (!UnmatchedArgumentException.printSuggestions(e, w)) {
      w.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    }
    w.flush();
    return ExitCodes.ERROR;
  }

  /** {@code leakguard} alone: the usage on stderr, exit code 2. */
  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getErr();
    spec.commandLine().usage(w);
    w.flush();
    return ExitCodes.ERROR;
  }
}
