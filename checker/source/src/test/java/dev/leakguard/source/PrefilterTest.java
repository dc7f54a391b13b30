package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Section;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysis skips the bodies that have no call that may acquire, told without computing a
 * summary, and never a body whose lowering acquires.
 */
class PrefilterTest {

  @TempDir Path root;

  /** Over the whole corpus: every method skipped is one whose lowering, lambdas included, acquires nothing. */
  @ParameterizedTest
  @MethodSource("dev.leakguard.conformance.Section#all")
  void noMethodThatAcquiresIsSkipped(Section section) throws Exception {
    Corpus corpus = section.load();
    SourceTree tree =
        SourceTree.index(
            ResourceModel.builtIn(), corpus.root(), corpus.files(), SourceEngine.Options.defaults(),
            SourceEngine.Preparation.SILENT);
    int methods = 0;
    int skipped = 0;
    List<String> wrong = new ArrayList<>();
    for (Path f : corpus.files()) {
      SourceTree.Prefiltered p = tree.prefiltered(f);
      methods += p.methods();
      skipped += p.skipped();
      p.skippedThoughAcquiring().forEach(m -> wrong.add(f.getFileName() + ": " + m));
    }
    assertEquals(List.of(), wrong);
    assertTrue(methods > 0, "the section has methods");
    assertTrue(skipped < methods, skipped + " of " + methods + " skipped: the corpus acquires somewhere");
  }

  /**
   * Near misses: an acquisition only in a lambda, or only through a helper of the tree whose
   * summary says it returns a new connection, keeps the method analysed; a body that only passes
   * a connection on, or touches none, is skipped, and reports nothing either way.
   */
  @Test
  void whatMayAcquireIsAnalysedAndTheRestSkipped() throws IOException {
    Path helper =
        write(
            "Pool",
            "import java.sql.*;\nimport javax.sql.DataSource;\n"
                + "class Pool {\n"
                + "  static Connection open(DataSource ds) throws SQLException {\n"
                + "    return ds.getConnection();\n"
                + "  }\n"
                + "}\n");
    Path app =
        write(
            "App",
            "import java.sql.*;\nimport javax.sql.DataSource;\nimport java.util.concurrent.*;\n"
                + "class App {\n"
                + "  DataSource ds;\n"
                + "  Future<Integer> inLambda(ExecutorService ex) {\n"
                + "    return ex.submit(() -> {\n"
                + "      Connection c = ds.getConnection();\n"
                + "      return c.getTransactionIsolation();\n"
                + "    });\n"
                + "  }\n"
                + "  int throughHelper(DataSource ds) throws SQLException {\n"
                + "    Connection c = Pool.open(ds);\n"
                + "    return c.getTransactionIsolation();\n"
                + "  }\n"
                + "  void passesOn(DataSource ds, java.util.List<DataSource> all) {\n"
                + "    all.add(ds);\n"
                + "  }\n"
                + "  int plain(int x) {\n"
                + "    return Integer.parseInt(String.valueOf(x)) + 1;\n"
                + "  }\n"
                + "}\n");
    List<Path> files = List.of(helper, app);
    SourceTree tree =
        SourceTree.index(
            ResourceModel.builtIn(), root, files, SourceEngine.Options.defaults(), SourceEngine.Preparation.SILENT);
    SourceTree.Prefiltered p = tree.prefiltered(app);
    assertEquals(4, p.methods());
    assertEquals(2, p.skipped(), "passesOn and plain");
    assertEquals(List.of(), p.skippedThoughAcquiring());

    SourceEngine engine = SourceEngine.create(ResourceModel.builtIn(), root, files, SourceEngine.Options.defaults());
    List<String> found = new ArrayList<>();
    for (ReportedFinding f : engine.analyze(app).findings()) {
      found.add(f.line() + " " + f.id().name());
    }
    assertEquals(List.of("8 JdbcConnectionLeak", "13 JdbcConnectionLeak"), found);
  }

  private Path write(String name, String text) throws IOException {
    Path f = root.resolve(name + ".java");
    Files.writeString(f, text);
    return f;
  }
}
