package dev.leakguard.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Abandoned-connection removal and logging set in Java code, with the near misses next to each case. */
class JdbcPoolAbandonedMisconfiguredTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcPoolAbandonedMisconfigured.class, getClass());

  private static final String[] PROFILE = {
    "import java.lang.annotation.Retention;",
    "import java.lang.annotation.RetentionPolicy;",
    "@Retention(RetentionPolicy.RUNTIME)",
    "@interface Profile { String[] value(); }"
  };

  @Test
  void dbcp2ReclaimsBeforeAMinute() {
    helper
        .addSourceLines(
            "Pools.java",
            "import java.time.Duration;",
            "import org.apache.commons.dbcp2.BasicDataSource;",
            "class Pools {",
            "  void onBorrow(BasicDataSource ds) {",
            "    ds.setRemoveAbandonedOnBorrow(true);",
            "    // BUG: Diagnostic contains: ds.setRemoveAbandonedTimeout(Duration.ofSeconds(10)) in Pools.onBorrow"
                + " lets Commons DBCP2 reclaim a borrowed connection as abandoned after 10 s",
            "    ds.setRemoveAbandonedTimeout(Duration.ofSeconds(10));",
            "  }",
            "  void onMaintenance(BasicDataSource ds) {",
            "    ds.setRemoveAbandonedOnMaintenance(true);",
            "    // BUG: Diagnostic contains: after 59 s",
            "    ds.setRemoveAbandonedTimeout(Duration.ofMillis(59_000));",
            "  }",
            "  void afterTheLongestTransaction(BasicDataSource ds) {",
            "    ds.setRemoveAbandonedOnMaintenance(true);",
            "    ds.setRemoveAbandonedTimeout(Duration.ofMinutes(5));",
            "  }",
            "  void atTheMinute(BasicDataSource ds) {",
            "    ds.setRemoveAbandonedOnBorrow(true);",
            "    ds.setRemoveAbandonedTimeout(Duration.ofSeconds(60));",
            "  }",
            "  void removalOff(BasicDataSource a, BasicDataSource b) {",
            "    a.setRemoveAbandonedTimeout(Duration.ofSeconds(10));",
            "    b.setRemoveAbandonedOnBorrow(false);",
            "    b.setRemoveAbandonedTimeout(Duration.ofSeconds(10));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void tomcatReclaimsBeforeAMinute() {
    helper
        .addSourceLines(
            "Pools.java",
            "import org.apache.tomcat.jdbc.pool.DataSource;",
            "import org.apache.tomcat.jdbc.pool.PoolProperties;",
            "class Pools {",
            "  void tooSoon(DataSource ds) {",
            "    ds.setRemoveAbandoned(true);",
            "    // BUG: Diagnostic contains: ds.setRemoveAbandonedTimeout(30) in Pools.tooSoon lets Tomcat JDBC"
                + " reclaim a borrowed connection as abandoned after 30 s",
            "    ds.setRemoveAbandonedTimeout(30);",
            "  }",
            "  void late(PoolProperties p) {",
            "    p.setRemoveAbandoned(true);",
            "    p.setRemoveAbandonedTimeout(300);",
            "  }",
            "  void removalOnAnotherObject(PoolProperties a, PoolProperties b) {",
            "    a.setRemoveAbandoned(true);",
            "    b.setRemoveAbandonedTimeout(30);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void logAbandonedInAProductionProfile() {
    helper
        .addSourceLines("Profile.java", PROFILE)
        .addSourceLines(
            "Pools.java",
            "import org.apache.commons.dbcp2.BasicDataSource;",
            "import org.apache.tomcat.jdbc.pool.PoolProperties;",
            "class Pools {",
            "  @Profile(\"prod\")",
            "  void production(BasicDataSource ds) {",
            "    // BUG: Diagnostic contains: ds.setLogAbandoned(true) in Pools.production (profile 'prod') makes"
                + " Commons DBCP2 record a stack trace on every borrow in production",
            "    ds.setLogAbandoned(true);",
            "  }",
            "  @Profile({\"eu-live\", \"us-live\"})",
            "  void live(PoolProperties p) {",
            "    // BUG: Diagnostic contains: (profile 'eu-live,us-live')",
            "    p.setLogAbandoned(true);",
            "  }",
            "  @Profile(\"staging\")",
            "  void staging(BasicDataSource ds) {",
            "    ds.setLogAbandoned(true);",
            "  }",
            "  void noProfile(BasicDataSource ds) {",
            "    ds.setLogAbandoned(true);",
            "  }",
            "  @Profile(\"prod\")",
            "  void off(BasicDataSource ds) {",
            "    ds.setLogAbandoned(false);",
            "  }",
            "}")
        .addSourceLines(
            "ProdPools.java",
            "import org.apache.commons.dbcp2.BasicDataSource;",
            "@Profile(\"production\")",
            "class ProdPools {",
            "  void fromTheClass(BasicDataSource ds) {",
            "    // BUG: Diagnostic contains: (profile 'production')",
            "    ds.setLogAbandoned(true);",
            "  }",
            "  @Profile(\"test\")",
            "  void theMethodsProfileWins(BasicDataSource ds) {",
            "    ds.setLogAbandoned(true);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressWarningsWithTheId() {
    helper
        .addSourceLines("Profile.java", PROFILE)
        .addSourceLines(
            "Pools.java",
            "import org.apache.commons.dbcp2.BasicDataSource;",
            "class Pools {",
            "  @Profile(\"prod\")",
            "  @SuppressWarnings(\"JdbcPoolAbandonedMisconfigured\") // leak hunt of ticket 4711",
            "  void production(BasicDataSource ds) {",
            "    ds.setLogAbandoned(true);",
            "  }",
            "}")
        .doTest();
  }
}
