package dev.leakguard.maven.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.maven.InputFile;
import dev.leakguard.maven.PathFilter;
import dev.leakguard.maven.TestRequests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorProneEngineTest {
  @Test
  void theAnalysisCompilationGetsThePoolSizeCeiling() {
    List<String> opts = ErrorProneEngine.javacOptions(
        TestRequests.request(List.of(), List.of(), List.of("errorprone"), new PathFilter(null, null), 50));
    assertTrue(opts.contains("-XepOpt:LeakGuard:PoolSizeCeiling=50"), opts.toString());
    assertEquals(1, opts.stream().filter(o -> o.contains("PoolSizeCeiling")).count(), opts.toString());
  }

  private static InputFile source(Path dir, String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return new InputFile(f, name, "src/main/java/" + name, "m/src/main/java/" + name, false);
  }

  @Test
  void aModuleThatOnlyConfiguresAPoolIsCompiled(@TempDir Path dir) throws Exception {
    InputFile hikari = source(dir, "Pools.java", """
        import com.zaxxer.hikari.HikariConfig;
        class Pools { HikariConfig c() { HikariConfig c = new HikariConfig(); c.setMaximumPoolSize(500); return c; } }
        """);
    InputFile wildcard = source(dir, "Dbcp.java", """
        import org.apache.commons.dbcp2.*;
        class Dbcp { Object p() { return new BasicDataSource(); } }
        """);
    InputFile plain = source(dir, "Strings.java", "class Strings { String pool = \"maximumPoolSize\"; }\n");
    ResourceModel model = ResourceModel.builtIn();
    assertTrue(ErrorProneEngine.mentionsResources(List.of(plain, hikari), model, StandardCharsets.UTF_8));
    assertTrue(ErrorProneEngine.mentionsResources(List.of(wildcard), model, StandardCharsets.UTF_8));
    assertFalse(ErrorProneEngine.mentionsResources(List.of(plain), model, StandardCharsets.UTF_8));
  }
}
