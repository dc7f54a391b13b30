package dev.leakguard.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** HikariCP's leak-detection threshold set in Java code, with the near misses next to each case. */
class JdbcPoolLeakDetectionIgnoredTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcPoolLeakDetectionIgnored.class, getClass());

  @Test
  void thresholdBelowTwoSeconds() {
    helper
        .addSourceLines(
            "Pools.java",
            "import com.zaxxer.hikari.HikariConfig;",
            "import com.zaxxer.hikari.HikariDataSource;",
            "class Pools {",
            "  void configure(HikariConfig a, HikariDataSource b, HikariConfig c, HikariConfig d) {",
            "    // BUG: Diagnostic contains: a.setLeakDetectionThreshold(500) in Pools.configure (500 ms) is"
                + " below HikariCP's minimum of 2 s",
            "    a.setLeakDetectionThreshold(500);",
            "    // BUG: Diagnostic contains: b.setLeakDetectionThreshold(1_999)",
            "    b.setLeakDetectionThreshold(1_999);",
            "    c.setLeakDetectionThreshold(2_000);",
            "    d.setLeakDetectionThreshold(0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void thresholdAboveTheLifetimeSetInTheSameMethod() {
    helper
        .addSourceLines(
            "Pools.java",
            "import com.zaxxer.hikari.HikariConfig;",
            "class Pools {",
            "  void above(HikariConfig config) {",
            "    config.setMaxLifetime(60_000);",
            "    // BUG: Diagnostic contains: config.setLeakDetectionThreshold(120_000) in Pools.above (2 min) is"
                + " above maxLifetime (1 min, line 4)",
            "    config.setLeakDetectionThreshold(120_000);",
            "  }",
            "  void below(HikariConfig config) {",
            "    config.setMaxLifetime(600_000);",
            "    config.setLeakDetectionThreshold(60_000);",
            "  }",
            "  void aboveTheDefaultLifetimeOnly(HikariConfig config) {",
            "    config.setLeakDetectionThreshold(3_600_000);",
            "  }",
            "  void lifetimeOfAnotherObject(HikariConfig a, HikariConfig b) {",
            "    a.setMaxLifetime(60_000);",
            "    b.setLeakDetectionThreshold(120_000);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressWarningsWithTheId() {
    helper
        .addSourceLines(
            "Pools.java",
            "import com.zaxxer.hikari.HikariConfig;",
            "class Pools {",
            "  @SuppressWarnings(\"JdbcPoolLeakDetectionIgnored\") // unit tests keep HikariCP in test mode",
            "  void forTests(HikariConfig config) {",
            "    config.setLeakDetectionThreshold(500);",
            "  }",
            "}")
        .doTest();
  }
}
