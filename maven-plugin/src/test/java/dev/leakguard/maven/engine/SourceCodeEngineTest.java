package dev.leakguard.maven.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.maven.AnalysisRequest;
import dev.leakguard.maven.JavaLevel;
import dev.leakguard.maven.PathFilter;
import dev.leakguard.maven.TestRequests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The source engine reads the sources in the module's encoding, as the compiler does. */
class SourceCodeEngineTest {
  private static AnalysisRequest withEncoding(String encoding) {
    AnalysisRequest r = TestRequests.request(List.of(), List.of(), List.of("source"), new PathFilter(null, null), 100);
    return new AnalysisRequest(r.module(), r.basedir(), r.workDir(), r.reportRoot(), r.files(), r.classesDirs(),
        r.classpath(), new JavaLevel(null, null, null, encoding, false), r.engines(), r.modelFiles(), r.model(),
        r.errorproneVersion(), r.filter(), r.configFiles(), r.poolSizeCeiling());
  }

  @Test
  void filesItCannotAnalyseAreCountedForFailOnSkippedButAnEmptyOneIsNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path broken = dir.resolve("Broken.java");
    java.nio.file.Files.writeString(broken, "class Broken { void m( }");
    java.nio.file.Path latin = dir.resolve("Latin.java");
    java.nio.file.Files.write(latin, "class Latin { } // caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    java.nio.file.Path empty = dir.resolve("Empty.java");
    java.nio.file.Files.writeString(empty, "");
    List<dev.leakguard.maven.InputFile> files = List.of(
        new dev.leakguard.maven.InputFile(broken, "Broken.java", "src/main/java/Broken.java", "m/src/main/java/Broken.java", false),
        new dev.leakguard.maven.InputFile(latin, "Latin.java", "src/main/java/Latin.java", "m/src/main/java/Latin.java", false),
        new dev.leakguard.maven.InputFile(empty, "Empty.java", "src/main/java/Empty.java", "m/src/main/java/Empty.java", false));
    AnalysisRequest r = withEncoding("UTF-8");
    AnalysisRequest req = new AnalysisRequest(r.module(), dir, dir.resolve("target"), dir, files, r.classesDirs(),
        r.classpath(), r.javaLevel(), r.engines(), r.modelFiles(), r.model(), r.errorproneVersion(), r.filter(),
        r.configFiles(), r.poolSizeCeiling());
    EngineResult result = new SourceCodeEngine().run(req, new TestRequests.Context());
    assertEquals(2, result.skippedFiles(), result.notes().toString());
    AnalysisRequest latin1 = new AnalysisRequest(req.module(), dir, req.workDir(), dir, List.of(files.get(1)),
        r.classesDirs(), r.classpath(), new JavaLevel(null, null, null, "ISO-8859-1", false), r.engines(),
        r.modelFiles(), r.model(), r.errorproneVersion(), r.filter(), r.configFiles(), r.poolSizeCeiling());
    assertEquals(0, new SourceCodeEngine().run(latin1, new TestRequests.Context()).skippedFiles());
  }

  @Test
  void theModulesSourceEncodingElseUtf8AndAWarningForAnUnknownOne() {
    TestRequests.Context ctx = new TestRequests.Context();
    assertEquals(StandardCharsets.ISO_8859_1, SourceCodeEngine.encoding(withEncoding("ISO-8859-1"), ctx));
    assertEquals(StandardCharsets.UTF_8, SourceCodeEngine.encoding(withEncoding(null), ctx));
    assertEquals(List.of(), ctx.warnings);
    assertEquals(StandardCharsets.UTF_8, SourceCodeEngine.encoding(withEncoding("latin-nine"), ctx));
    assertTrue(ctx.warnings.get(0).contains("unknown source encoding 'latin-nine'"), ctx.warnings.toString());
  }
}
