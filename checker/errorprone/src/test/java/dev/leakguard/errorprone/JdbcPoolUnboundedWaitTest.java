package dev.leakguard.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** The wait for a free connection, set in Java code, per pool, with the near misses next to each case. */
class JdbcPoolUnboundedWaitTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcPoolUnboundedWait.class, getClass());

  @Test
  void hikariZeroWaitsForeverNegativeIsRefused() {
    helper
        .addSourceLines(
            "Pools.java",
            "import com.zaxxer.hikari.HikariConfig;",
            "class Pools {",
            "  void configure(HikariConfig a, HikariConfig b, HikariConfig c, long timeout) {",
            "    // BUG: Diagnostic contains: a.setConnectionTimeout(0) in Pools.configure makes a borrower wait"
                + " for a free HikariCP connection forever",
            "    a.setConnectionTimeout(0);",
            "    // BUG: Diagnostic contains: b.setConnectionTimeout(-1)",
            "    b.setConnectionTimeout(-1);",
            "    c.setConnectionTimeout(250);",
            "    new HikariConfig().setConnectionTimeout(timeout);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void dbcp2NegativeWaitAsDurationOrMillis() {
    helper
        .addSourceLines(
            "Pools.java",
            "import java.time.Duration;",
            "import org.apache.commons.dbcp2.BasicDataSource;",
            "class Pools {",
            "  @SuppressWarnings(\"deprecation\")",
            "  void configure(BasicDataSource a, BasicDataSource b, BasicDataSource c, BasicDataSource d) {",
            "    // BUG: Diagnostic contains: a.setMaxWait(Duration.ofMillis(-1)) in Pools.configure makes a"
                + " borrower wait for a free Commons DBCP2 connection forever",
            "    a.setMaxWait(Duration.ofMillis(-1));",
            "    // BUG: Diagnostic contains: b.setMaxWaitMillis(-1)",
            "    b.setMaxWaitMillis(-1);",
            "    c.setMaxWait(Duration.ofSeconds(5));",
            "    d.setMaxTotal(20);",
            "  }",
            "  void durationsNotKnownAtCompileTime(BasicDataSource a, BasicDataSource b, long ms) {",
            "    a.setMaxWait(Duration.ofMillis(ms));",
            "    b.setMaxWait(Duration.ofMillis(-1).plusMillis(ms));",
            "    new BasicDataSource().setMaxWait(Duration.ofMinutes(Long.MIN_VALUE));",
            "    new BasicDataSource().setMaxWait(Duration.ZERO.minusMillis(1));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void tomcatZeroOrNegative() {
    helper
        .addSourceLines(
            "Pools.java",
            "import org.apache.tomcat.jdbc.pool.DataSource;",
            "import org.apache.tomcat.jdbc.pool.PoolProperties;",
            "class Pools {",
            "  void configure(PoolProperties a, DataSource b, PoolProperties c) {",
            "    // BUG: Diagnostic contains: a.setMaxWait(0) in Pools.configure makes a borrower wait for a free"
                + " Tomcat JDBC connection forever",
            "    a.setMaxWait(0);",
            "    // BUG: Diagnostic contains: b.setMaxWait(-1)",
            "    b.setMaxWait(-1);",
            "    c.setMaxWait(10_000);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void c3p0ZeroCheckoutTimeoutButNotAMissingOne() {
    helper
        .addSourceLines(
            "Pools.java",
            "import com.mchange.v2.c3p0.ComboPooledDataSource;",
            "class Pools {",
            "  void configure(ComboPooledDataSource a, ComboPooledDataSource b, ComboPooledDataSource c) {",
            "    // BUG: Diagnostic contains: a.setCheckoutTimeout(0) in Pools.configure makes a borrower wait for"
                + " a free c3p0 connection forever",
            "    a.setCheckoutTimeout(0);",
            "    b.setCheckoutTimeout(5_000);",
            "    c.setMaxPoolSize(20);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressWarningsWithTheId() {
    helper
        .addSourceLines(
            "Pools.java",
            "import org.apache.tomcat.jdbc.pool.PoolProperties;",
            "class Pools {",
            "  @SuppressWarnings(\"JdbcPoolUnboundedWait\") // the batch importer may wait as long as it takes",
            "  void importer(PoolProperties p) {",
            "    p.setMaxWait(0);",
            "  }",
            "}")
        .doTest();
  }
}
