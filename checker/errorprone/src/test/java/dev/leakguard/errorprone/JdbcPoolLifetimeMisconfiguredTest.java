package dev.leakguard.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** HikariCP's connection lifetime set in Java code, with the near misses next to each case. */
class JdbcPoolLifetimeMisconfiguredTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcPoolLifetimeMisconfigured.class, getClass());

  @Test
  void lifetimeBelowHikarisMinimum() {
    helper
        .addSourceLines(
            "Pools.java",
            "import com.zaxxer.hikari.HikariConfig;",
            "import java.util.concurrent.TimeUnit;",
            "class Pools {",
            "  void configure(HikariConfig a, HikariConfig b, HikariConfig c, HikariConfig d) {",
            "    // BUG: Diagnostic contains: a.setMaxLifetime(10_000) in Pools.configure (10 s) is below"
                + " HikariCP's minimum of 30 s",
            "    a.setMaxLifetime(10_000);",
            "    b.setMaxLifetime(30_000);",
            "    c.setMaxLifetime(0);",
            "    d.setMaxLifetime(TimeUnit.SECONDS.toMillis(10));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void idleAndKeepaliveNotBelowTheLifetime() {
    helper
        .addSourceLines(
            "Pools.java",
            "import com.zaxxer.hikari.HikariConfig;",
            "class Pools {",
            "  void inverted(HikariConfig config) {",
            "    config.setMaxLifetime(600_000);",
            "    // BUG: Diagnostic contains: config.setIdleTimeout(600_000) in Pools.inverted is not below"
                + " maxLifetime (10 min, line 4)",
            "    config.setIdleTimeout(600_000);",
            "    // BUG: Diagnostic contains: config.setKeepaliveTime(900_000) in Pools.inverted is not below"
                + " maxLifetime",
            "    config.setKeepaliveTime(900_000);",
            "  }",
            "  void inOrder(HikariConfig config) {",
            "    config.setMaxLifetime(1_800_000);",
            "    config.setIdleTimeout(600_000);",
            "    config.setKeepaliveTime(120_000);",
            "  }",
            "  void idleWithoutALifetimeInThisMethod(HikariConfig config) {",
            "    config.setIdleTimeout(3_600_000);",
            "  }",
            "  void lifetimeOnAnotherObject(HikariConfig a, HikariConfig b) {",
            "    a.setMaxLifetime(600_000);",
            "    b.setIdleTimeout(900_000);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lifetimeNotBelowTheDatabasesIdleCutOffInTheJdbcUrl() {
    helper
        .addSourceLines(
            "Pools.java",
            "import com.zaxxer.hikari.HikariConfig;",
            "class Pools {",
            "  static final String URL = \"jdbc:mysql://db/shop?sessionVariables=wait_timeout=600\";",
            "  void tooLong(HikariConfig config) {",
            "    config.setJdbcUrl(URL);",
            "    // BUG: Diagnostic contains: config.setMaxLifetime(900_000) in Pools.tooLong",
            "    config.setMaxLifetime(900_000);",
            "  }",
            "  void belowTheCutOff(HikariConfig config) {",
            "    config.setJdbcUrl(URL);",
            "    config.setMaxLifetime(570_000);",
            "  }",
            "  void noLifetimeSetHere(HikariConfig config) {",
            "    config.setJdbcUrl(URL);",
            "  }",
            "  void urlOfAnotherPool(HikariConfig a, HikariConfig b) {",
            "    a.setJdbcUrl(URL);",
            "    b.setMaxLifetime(900_000);",
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
            "@SuppressWarnings(\"JdbcPoolLifetimeMisconfigured\") // the proxy in front renews sessions",
            "class Pools {",
            "  void configure(HikariConfig config) {",
            "    config.setMaxLifetime(10_000);",
            "  }",
            "}")
        .doTest();
  }
}
