package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every {@code leakguard scan} command written in the docs (READMEs, docs/, the workflow files)
 * and every row of the options table names options the command has: a renamed or removed option
 * fails here, not in a user's CI.
 */
class DocumentedOptionsTest {
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[a-zA-Z][\\w-]*)");

  private static Path repo() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("checker"))) {
        return d;
      }
    }
    throw new IllegalStateException("repository root not found");
  }

  private static List<Path> documents() throws IOException {
    Path repo = repo();
    List<Path> out = new ArrayList<>();
    out.add(repo.resolve("README.md"));
    out.add(repo.resolve("checker/source/README.md"));
    out.add(repo.resolve("samples/README.md"));
    try (Stream<Path> docs = Files.walk(repo.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(out::add);
    }
    try (Stream<Path> flows = Files.list(repo.resolve(".github/workflows"))) {
      flows.filter(p -> p.toString().endsWith(".yml")).forEach(out::add);
    }
    return out;
  }

  /** The options written after "leakguard scan" (continued over lines ending with a backslash). */
  static Set<String> optionsOfScanCommands(String text) {
    Set<String> out = new TreeSet<>();
    String joined = text.replace("\\\n", " ");
    Matcher cmd = Pattern.compile("leakguard scan([^\\n`\"']*)").matcher(joined);
    while (cmd.find()) {
      String rest = cmd.group(1);
      int comment = rest.indexOf(" #");
      if (comment >= 0) {
        rest = rest.substring(0, comment);
      }
      int pipe = rest.indexOf(" | ");
      if (pipe >= 0) {
        rest = rest.substring(0, pipe);
      }
      Matcher o = OPTION.matcher(rest);
      while (o.find()) {
        out.add(o.group(1));
      }
    }
    return out;
  }

  /** The options of the option column of checker/source/README.md's table. */
  static Set<String> optionsOfTable(String text) {
    Set<String> out = new TreeSet<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("| `-")) {
        String cell = line.substring(1, line.indexOf('|', 1));
        Matcher o = OPTION.matcher(cell);
        while (o.find()) {
          out.add(o.group(1));
        }
      }
    }
    return out;
  }

  private static CommandSpec scan() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
    CommandLine cl = LeakGuardCli.commandLine(Environment.of(ps, ps));
    return cl.getSubcommands().get("scan").getCommandSpec();
  }

  @Test
  void everyDocumentedScanOptionExists() throws Exception {
    CommandSpec scan = scan();
    List<String> unknown = new ArrayList<>();
    int seen = 0;
    for (Path doc : documents()) {
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      Set<String> options = optionsOfScanCommands(text);
      if (doc.endsWith(Path.of("checker/source/README.md"))) {
        Set<String> table = optionsOfTable(text);
        assertTrue(table.size() >= 15, "the options table: " + table);
        options.addAll(table);
      }
      for (String o : options) {
        seen++;
        if (scan.findOption(o) == null) {
          unknown.add(repo().relativize(doc) + ": " + o);
        }
      }
    }
    assertTrue(seen > 20, "too few documented options found: " + seen);
    assertEquals(List.of(), unknown, "documented options that 'leakguard scan' does not have");
  }

  @Test
  void theExtractionSeesOptionsAndSkipsComments() {
    assertEquals(
        Set.of("--format", "--output", "--diff"),
        optionsOfScanCommands("bin/leakguard scan --format sarif --output x.sarif \\\n  --diff origin/main . # not --this"));
    assertEquals(Set.of("-f", "--format"), optionsOfTable("| `-f`, `--format FORMAT` | text |\n| id | severity |\n"));
  }
}
