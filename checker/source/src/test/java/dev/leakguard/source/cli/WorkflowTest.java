package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository's GitHub workflows: they parse, every action is pinned to a release (or a
 * commit), and every LeakGuard command in them runs as written against this checkout with the
 * real source engine: the options exist, the paths exist, and the report is written.
 */
class WorkflowTest {
  private static final Pattern PINNED =
      Pattern.compile("[\\w.-]+/[\\w./-]+@(v\\d+(\\.\\d+){0,2}|[0-9a-f]{40})");

  @TempDir Path tmp;

  static Path repoRoot() {
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(".github").resolve("workflows"))) {
        return p;
      }
    }
    throw new IllegalStateException("no .github/workflows above " + System.getProperty("user.dir"));
  }

  static List<Path> workflows() throws Exception {
    try (Stream<Path> s = Files.list(repoRoot().resolve(".github").resolve("workflows"))) {
      return s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> steps(Path workflow) throws Exception {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<String, Object> doc = yaml.load(Files.readString(workflow, StandardCharsets.UTF_8));
    assertTrue(doc.containsKey("jobs"), workflow + ": no jobs");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object job : ((Map<String, Object>) doc.get("jobs")).values()) {
      out.addAll((List<Map<String, Object>>) ((Map<String, Object>) job).get("steps"));
    }
    return out;
  }

  @Test
  void everyActionIsPinnedToAReleaseOrACommit() throws Exception {
    List<Path> files = workflows();
    assertFalse(files.isEmpty(), "no workflow in .github/workflows");
    for (Path w : files) {
      for (Map<String, Object> step : steps(w)) {
        Object uses = step.get("uses");
        if (uses != null) {
          assertTrue(PINNED.matcher(uses.toString()).matches(), w.getFileName() + ": unpinned action " + uses);
        }
      }
    }
  }

  @Test
  void everyLeakGuardCommandRunsAsWritten() throws Exception {
    Path root = repoRoot();
    int commands = 0;
    for (Path w : workflows()) {
      for (Map<String, Object> step : steps(w)) {
        Object run = step.get("run");
        if (run == null || !run.toString().contains("bin/leakguard")) {
          continue;
        }
        for (String line : run.toString().split("\n")) {
          if (!line.strip().startsWith("bin/leakguard")) {
            continue;
          }
          List<String> args = shellWords(line.strip());
          assertTrue(Files.isExecutable(root.resolve(args.get(0))), args.get(0));
          args = new ArrayList<>(args.subList(1, args.size()));
          // no Git base here: the same diff option reads an (empty) diff from stdin instead
          int diff = args.indexOf("--diff");
          if (diff >= 0) {
            args.set(diff + 1, "-");
          }
          int output = args.indexOf("--output");
          Path report = null;
          if (output >= 0) {
            report = tmp.resolve(args.get(output + 1));
            args.set(output + 1, report.toString());
          }
          CliRunner.Result r =
              CliRunner.run(root, Analyzer.sourceEngine(), "", args.toArray(String[]::new));
          assertEquals(0, r.exit(), w.getFileName() + ": " + line + "\n" + r.err());
          if (report != null) {
            assertTrue(Files.size(report) > 0, "no report written by: " + line);
          }
          commands++;
        }
      }
    }
    assertTrue(commands > 0, "no bin/leakguard command in the workflows");
  }

  /** Splits a shell command line: double-quoted words, $VARIABLES kept as written. */
  static List<String> shellWords(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          out.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(cur.toString());
    }
    return out;
  }
}
