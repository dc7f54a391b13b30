package dev.leakguard.source.cli;

import dev.leakguard.core.model.ModelException;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.poolconfig.PoolConfigScanner;
import java.io.IOException;
import java.io.InputStream;
import dev.leakguard.source.SourceEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code leakguard scan [options] PATH...}: see {@code --help} and checker/source/README.md. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header =
        "Finds JDBC resources (Connection, Statement, ResultSet) not closed on every path, and"
            + " connection-pool settings that starve the pool.",
    descriptionHeading = "%n",
    description = {
      "Scans Java sources without a build or class path: files are taken as given, directories are"
          + " searched for *.java (leaving out target/, build/ and .git/). Findings go to stdout or"
          + " --output; skipped files and a one-line summary go to stderr.",
      "Connection-pool settings that starve or destabilise the pool (JdbcPool* ids) are checked"
          + " where Java code sets them (HikariConfig, BasicDataSource, PoolProperties,"
          + " ComboPooledDataSource ... setters with constant values) and in the configuration files"
          + " under the paths (application*.properties, application*.yml, hikari*.properties,"
          + " dbcp*.properties, c3p0*.properties).",
    },
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  no finding at or above the --fail-on severity (skipped files do not count)",
      "  1  at least one finding at or above the --fail-on severity",
      "  2  usage error, or an input or output that cannot be read or written",
      "%nExamples:",
      "  leakguard scan src/main/java",
      "  leakguard scan --format sarif --output leakguard.sarif .",
      "  leakguard scan --diff origin/main --format github .",
      "  git diff -U0 main | leakguard scan --diff - .",
      "  leakguard scan --write-baseline leakguard-baseline.txt .",
      "  leakguard scan --baseline leakguard-baseline.txt ."
    })
final class ScanCommand implements Callable<Integer> {
  static final String DEFAULT_MAX_FILE_SIZE = "2MB";
  static final int MAX_THREADS = 1024;

  /** On a terminal, trees this large get an "indexing N files" line while the engine indexes. */
  static final int INDEXING_NOTICE_FILES = 200;

  private final Environment env;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description = "Java files and directories to scan.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "Report format: text (javac-style, the default), sarif (SARIF 2.1.0), github"
          + " (workflow annotations), checkstyle (XML, for reviewdog), json.")
  OutputFormat format = OutputFormat.TEXT;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout.")
  String output;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Report paths relative to DIR. Default: the top-level folder of the Git work"
          + " tree holding the current directory, else the current directory.")
  String root;

  @Option(
      names = "--diff",
      paramLabel = "REF|-",
      description = "Report only findings on lines added or changed since REF"
          + " ('git diff --unified=0 REF', run in the root; Java files not yet added to Git count"
          + " as wholly new), or by the unified diff read from stdin with '-' (paths relative to"
          + " the root).")
  String diff;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "A resource model file merged with the built-in model (repeatable).")
  List<String> models = new ArrayList<>();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Leave out the findings whose fingerprint FILE lists.")
  String baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Write every current finding to FILE as a baseline, then exit with 0.")
  String writeBaseline;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = FailOnConverter.class,
      description = "Exit with 1 when a finding is at least this severe: error (the default),"
          + " warning, note, or never.")
  FailOn failOn = FailOn.ERROR;

  @Option(
      names = "--fail-on-skipped",
      description = "Also exit with 1 when a file was skipped (it does not parse, is not valid in"
          + " --encoding, is too large, ...): its leaks would be lost in silence.")
  boolean failOnSkipped;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Files analysed in parallel. Default: the number of cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--cache-mb",
      paramLabel = "MB",
      description = "Heap for the parsed files kept between the passes of a scan; a file not kept"
          + " is parsed again when a pass needs it. Default: half the heap (-Xmx) at first, less"
          + " when the heap gets full.")
  Long cacheMb;

  @Option(
      names = "--pool-size-ceiling",
      paramLabel = "N",
      description = "The largest maximum pool size that Java code or a configuration file may set"
          + " without a JdbcPoolSizeOutOfRange finding; at least 2. Default: ${DEFAULT-VALUE}.")
  int poolSizeCeiling = PoolConfigScanner.DEFAULT_MAX_POOL_SIZE_CEILING;

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "PATH",
      description = "Jars and class directories of the project's dependencies, separated by the"
          + " platform's path separator (':' or ';'): calls into them resolve to what they declare"
          + " (return types, exceptions), as for the compiler. Default: the JDK's types only.")
  String classPath;

  @Option(
      names = "--encoding",
      paramLabel = "CHARSET",
      description = "The encoding of the source files, e.g. ISO-8859-1 or windows-1252. Default: UTF-8."
          + " A file that is not valid in it is skipped, with that reason.")
  String encoding = "UTF-8";

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      description = "Skip larger files, e.g. 500K, 2MB, 10M. Default: " + DEFAULT_MAX_FILE_SIZE + ".")
  String maxFileSize = DEFAULT_MAX_FILE_SIZE;

  ScanCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() throws CliException, InterruptedException {
    validateOptions();
    long maxBytes = ByteSize.parse(maxFileSize);
    Path rootDir = resolveRoot();
    ResourceModel model = loadModel();
    Baseline accepted = baseline == null ? null : Baseline.read(resolve(baseline));
    ChangedLines changed = diff == null ? null : readDiff(rootDir);

    List<Path> inputs = new ArrayList<>();
    for (String p : paths) {
      inputs.add(resolve(p));
    }
    InputFiles.Collected collected = InputFiles.collect(inputs, rootDir);
    List<Skipped> skipped = new ArrayList<>(collected.skipped());
    int lost = 0; // files with code in them that were not analysed (for --fail-on-skipped)
    // Every readable file of a sensible size is indexed (helpers in other files are summarised);
    // with --diff only the changed files are analysed and reported on.
    List<Path> eligible = new ArrayList<>();
    List<Path> toAnalyze = new ArrayList<>();
    int considered = 0;
    for (Path file : collected.files()) {
      String path = ReportPaths.of(rootDir, file);
      boolean inScope = changed == null || changed.paths().contains(path);
      String reason = sizeProblem(file, maxBytes);
      if (reason == null) {
        eligible.add(file);
        if (inScope) {
          toAnalyze.add(file);
        }
      } else if (inScope) {
        skipped.add(new Skipped(path, reason));
        lost += SourceEngine.losesCode(reason) ? 1 : 0;
      }
      if (inScope) {
        considered++;
      }
    }
    List<ScanRunner.Outcome> outcomes = List.of();
    if (!toAnalyze.isEmpty()) {
      Progress progress = new Progress(env.err(), env.terminal(), env.nanoClock(), toAnalyze.size());
      if (eligible.size() >= INDEXING_NOTICE_FILES) {
        progress.show("indexing " + eligible.size() + " files");
      }
      // a heartbeat for logs: a pass can stay on one file for minutes (see Progress.tick)
      java.util.concurrent.ScheduledExecutorService ticks =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "leakguard-progress");
                t.setDaemon(true);
                return t;
              });
      try {
        ticks.scheduleAtFixedRate(progress::tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        Analyzer analyzer;
        try {
          analyzer = prepare(model, rootDir, List.copyOf(eligible), progress);
        } finally {
          progress.finish();
        }
        outcomes = ScanRunner.run(analyzer, toAnalyze, rootDir, threads, progress);
      } finally {
        ticks.shutdownNow();
      }
    }

    List<ReportedFinding> all = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long lines = 0;
    PoolConfigScanner configScanner = new PoolConfigScanner(poolSizeCeiling);
    for (Path file : collected.configFiles()) {
      String path = ReportPaths.of(rootDir, file);
      if (changed != null && !changed.paths().contains(path)) {
        continue;
      }
      considered++;
      String reason = sizeProblem(file, maxBytes);
      if (reason != null) {
        skipped.add(new Skipped(path, reason));
        lost += SourceEngine.losesCode(reason) ? 1 : 0;
        continue;
      }
      PoolConfigScanner.FileResult r = configScanner.scan(file, path);
      if (r.skipped() != null) {
        skipped.add(new Skipped(path, r.skipped()));
        lost += SourceEngine.losesCode(r.skipped()) ? 1 : 0;
      } else {
        all.addAll(r.findings());
        lines += r.lines();
      }
    }
    for (ScanRunner.Outcome o : outcomes) {
      for (String note : o.notes()) {
        notes.add("leakguard: note: " + o.path() + ": " + note);
      }
      if (o.skipped() != null) {
        skipped.add(new Skipped(o.path(), o.skipped()));
        lost += SourceEngine.losesCode(o.skipped()) ? 1 : 0;
      } else {
        all.addAll(o.findings());
        lines += o.lines();
      }
    }
    all.sort(REPORT_ORDER);
    skipped.sort(Comparator.comparing(Skipped::path));

    if (writeBaseline != null) {
      Path file = resolve(writeBaseline);
      writeFile(file, Baseline.render(all), "the baseline");
      printSkipped(skipped, notes);
      env.err().println(
          new ScanReport(VersionInfo.VERSION, all, skipped, considered, lines, 0, 0)
                  .summaryLine(false, false)
              + "; all written to the baseline "
              + file);
      return ExitCodes.CLEAN;
    }

    List<ReportedFinding> onChangedLines = all;
    if (changed != null) {
      onChangedLines = new ArrayList<>();
      for (ReportedFinding f : all) {
        if (changed.contains(f.path(), f.line())) {
          onChangedLines.add(f);
        }
      }
    }
    int outsideDiff = all.size() - onChangedLines.size();
    List<ReportedFinding> reported = onChangedLines;
    int acceptedCount = 0;
    if (accepted != null) {
      Baseline.Split split = accepted.split(onChangedLines);
      reported = split.reported();
      acceptedCount = split.accepted().size();
    }

    ScanReport report =
        new ScanReport(
            VersionInfo.VERSION,
            List.copyOf(reported),
            List.copyOf(skipped),
            considered,
            lines,
            acceptedCount,
            outsideDiff);
    String rendered = format.render(report);
    if (output == null) {
      byte[] bytes = rendered.getBytes(StandardCharsets.UTF_8);
      env.out().write(bytes, 0, bytes.length);
      env.out().flush();
    } else {
      writeFile(resolve(output), rendered, "the report");
    }
    printSkipped(skipped, notes);
    env.err().println(report.summaryLine(accepted != null, changed != null));
    boolean skippedFails = failOnSkipped && lost > 0;
    if (skippedFails) {
      env.err().println("leakguard: " + lost + " file(s) with code were not analysed, and --fail-on-skipped is set");
    }
    return failOn.fails(reported) || skippedFails ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  /** Findings by path, line, check id, then message: stable whatever the thread count. */
  static final Comparator<ReportedFinding> REPORT_ORDER =
      Comparator.comparing(ReportedFinding::path)
          .thenComparingInt(ReportedFinding::line)
          .thenComparing(f -> f.id().ordinal())
          .thenComparing(ReportedFinding::message)
          .thenComparing(ReportedFinding::fingerprint);

  private void validateOptions() {
    if (poolSizeCeiling < 2) {
      throw new ParameterException(
          spec.commandLine(), "--pool-size-ceiling must be at least 2, not " + poolSizeCeiling);
    }
    if (cacheMb != null && cacheMb < 0) {
      throw new ParameterException(spec.commandLine(), "--cache-mb must not be negative, not " + cacheMb);
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new ParameterException(
          spec.commandLine(), "--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
    }
    try {
      if (ByteSize.parse(maxFileSize) < 1) {
        throw new ParameterException(spec.commandLine(), "--max-file-size must be at least 1 byte");
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--max-file-size: " + e.getMessage());
    }
    if (writeBaseline != null && diff != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--write-baseline records the findings of the whole scan and cannot be combined with"
              + " --diff");
    }
    if (writeBaseline != null && output != null) {
      throw new ParameterException(
          spec.commandLine(), "--write-baseline writes no report: leave out --output");
    }
  }

  /**
   * Builds the engine over every eligible file, its passes on {@code --threads} threads of {@link
   * SourceEngine#WORKER_STACK_BYTES} each (the engine starts them).
   */
  private Analyzer prepare(ResourceModel model, Path rootDir, List<Path> files, Progress progress)
      throws CliException {
    SourceEngine.Options options =
        SourceEngine.Options.defaults()
            .withPoolSizeCeiling(poolSizeCeiling)
            .withClassPath(classPathEntries())
            .withEncoding(charset())
            .withThreads(threads);
    if (cacheMb != null) {
      options = options.withUnitCacheBytes(cacheMb << 20);
    }
    try {
      return env.analyzers().create(model, rootDir, files, options, progress::preparing);
    } catch (StackOverflowError e) {
      throw new CliException(
          "a source file is nested too deeply for the Java stack while indexing; run with a"
              + " larger stack, e.g. LEAKGUARD_JAVA_OPTS=-Xss128m bin/leakguard ...",
          e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the engine failed while indexing the sources: " + e, e);
    }
  }

  private Path resolve(String path) {
    return env.workingDir().resolve(path).normalize();
  }

  /** The --encoding charset; an unknown name is a usage error naming it. */
  private java.nio.charset.Charset charset() throws CliException {
    try {
      return java.nio.charset.Charset.forName(encoding.trim());
    } catch (IllegalArgumentException e) {
      throw new CliException("--encoding " + encoding + ": no such charset; give a name such as UTF-8,"
          + " ISO-8859-1 or windows-1252");
    }
  }

  /** The --classpath entries, relative to the working directory; a missing one is an error. */
  private List<Path> classPathEntries() throws CliException {
    List<Path> out = new ArrayList<>();
    if (classPath == null || classPath.isBlank()) {
      return out;
    }
    for (String e : classPath.split(java.io.File.pathSeparator)) {
      if (e.isBlank()) {
        continue;
      }
      Path p = resolve(e);
      if (!Files.exists(p)) {
        throw new CliException("--classpath " + e + ": no such jar or directory");
      }
      out.add(p);
    }
    return out;
  }

  private Path resolveRoot() throws CliException {
    if (root != null) {
      Path dir = resolve(root);
      if (!Files.isDirectory(dir)) {
        throw new CliException("--root " + root + ": not a directory");
      }
      return InputFiles.realDirectory(dir);
    }
    Path cwd = env.workingDir();
    return InputFiles.realDirectory(Git.topLevel(cwd).orElse(cwd));
  }

  private ResourceModel loadModel() throws CliException {
    List<Path> files = new ArrayList<>();
    for (String m : models) {
      files.add(resolve(m));
    }
    try {
      return ResourceModel.withUserFiles(files);
    } catch (ModelException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  private ChangedLines readDiff(Path rootDir) throws CliException {
    String text;
    if (diff.equals("-")) {
      try {
        InputStream in = env.in();
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliException("--diff -: cannot read the diff from stdin (" + InputFiles.describe(e) + ")", e);
      }
    } else {
      text = Git.diff(rootDir, diff);
      // files not yet added to Git are new in the work tree: all their lines are changed
      Map<String, Integer> added = new TreeMap<>();
      for (String p : Git.untracked(rootDir)) {
        if (p.endsWith(".java")) {
          try (java.util.stream.Stream<String> lines = Files.lines(rootDir.resolve(p), StandardCharsets.UTF_8)) {
            added.put(p, (int) lines.count());
          } catch (IOException | java.io.UncheckedIOException e) {
            // unreadable: the scan itself reports it
          }
        }
      }
      return UnifiedDiff.parse(text).withWholeFiles(added);
    }
    return UnifiedDiff.parse(text);
  }

  private static String sizeProblem(Path file, long maxBytes) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return "cannot be read (" + InputFiles.describe(e) + ")";
    }
    if (size == 0) {
      return "empty file";
    }
    if (size > maxBytes) {
      return "larger than "
          + ByteSize.format(maxBytes)
          + " ("
          + ByteSize.format(size)
          + "); raise --max-file-size to analyse it";
    }
    return null;
  }

  private void printSkipped(List<Skipped> skipped, List<String> notes) {
    for (Skipped s : skipped) {
      env.err().println(s.toStderrLine());
    }
    for (String note : notes) {
      env.err().println(note);
    }
  }

  private static void writeFile(Path file, String text, String what) throws CliException {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException(file + ": cannot write " + what + " (" + InputFiles.describe(e) + ")", e);
    }
  }

  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class FailOnConverter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
