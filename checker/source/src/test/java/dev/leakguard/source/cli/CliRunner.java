package dev.leakguard.source.cli;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.source.SourceEngine.FileResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the CLI in-process with captured streams, a given working directory and stdin. */
final class CliRunner {
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    String summary() {
      List<String> lines = errLines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  private CliRunner() {}

  static Result run(Path cwd, Analyzer.Factory analyzers, String stdin, String... args) {
    return run(cwd, analyzers, stdin, false, args);
  }

  static Result run(
      Path cwd, Analyzer.Factory analyzers, String stdin, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Environment env =
        new Environment(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            cwd,
            terminal,
            System::nanoTime,
            analyzers);
    int exit = LeakGuardCli.run(args, env);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * A stand-in engine for the CLI's own tests: every line with {@code // LEAK <Id>} is a finding of
   * that id, fingerprinted by the line's code (not its number); a file holding {@code @@broken@@}
   * does not parse; a file that is not UTF-8 is skipped. It records what it indexed and analysed.
   */
  static final class MarkerEngine implements Analyzer.Factory {
    private static final Pattern MARK = Pattern.compile("//\\s*LEAK\\s+(\\w+)");
    final Set<String> indexed = ConcurrentHashMap.newKeySet();
    final Set<String> analysed = ConcurrentHashMap.newKeySet();
    volatile int poolSizeCeiling;
    volatile List<Path> classPath;
    volatile java.nio.charset.Charset encoding;
    volatile int threads;
    volatile long unitCacheBytes;

    @Override
    public Analyzer create(
        dev.leakguard.core.model.ResourceModel model,
        Path root,
        List<Path> files,
        dev.leakguard.source.SourceEngine.Options options,
        dev.leakguard.source.SourceEngine.Preparation progress) {
      this.poolSizeCeiling = options.poolSizeCeiling();
      this.classPath = options.classPath();
      this.encoding = options.encoding();
      this.threads = options.threads();
      this.unitCacheBytes = options.unitCacheBytes();
      files.forEach(f -> indexed.add(ReportPaths.of(root, f)));
      return file -> analyze(root, file);
    }

    private FileResult analyze(Path root, Path file) {
      String path = ReportPaths.of(root, file);
      analysed.add(path);
      String text;
      try {
        text =
            encoding
                .newDecoder()
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
      } catch (CharacterCodingException e) {
        return new FileResult(file, path, List.of(), "not valid " + encoding.name(), 0, List.of());
      } catch (IOException e) {
        return new FileResult(file, path, List.of(), "cannot read: " + e.getMessage(), 0, List.of());
      }
      String[] lines = text.split("\n", -1);
      List<ReportedFinding> findings = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains("@@broken@@")) {
          return new FileResult(file, path, List.of(), "does not parse: line " + (i + 1), lines.length, List.of());
        }
        Matcher m = MARK.matcher(lines[i]);
        if (m.find()) {
          CheckId id = CheckId.byName(m.group(1));
          String code = lines[i].substring(0, m.start()).strip();
          findings.add(
              new ReportedFinding(
                  path, i + 1, id, "fake leak at '" + code + "'",
                  ReportedFinding.fingerprintOf(id, path, id.name(), code), List.of("source")));
        }
      }
      List<String> notes = text.contains("@@odd@@") ? List.of("method m() could not be analysed (odd)") : List.of();
      return new FileResult(file, path, findings, null, lines.length, notes);
    }
  }
}
