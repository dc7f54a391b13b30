package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool sizes set in Java code, and what every pool check shares: which calls are pool setters,
 * which receivers are one object, units (methods, lambdas, nested classes), the ceiling flag and
 * suppression.
 */
class JdbcPoolSizeOutOfRangeTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(JdbcPoolSizeOutOfRange.class, getClass());

  @Nested
  class EachPool {
    @Test
    void hikariSingleConnectionAndAboveTheCeiling() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "import com.zaxxer.hikari.HikariDataSource;",
              "class Pools {",
              "  HikariConfig hermit() {",
              "    HikariConfig config = new HikariConfig();",
              "    // BUG: Diagnostic contains: config.setMaximumPoolSize(1) in Pools.hermit lets HikariCP open"
                  + " a single connection",
              "    config.setMaximumPoolSize(1);",
              "    return config;",
              "  }",
              "  HikariDataSource huge() {",
              "    HikariDataSource ds = new HikariDataSource();",
              "    // BUG: Diagnostic contains: ds.setMaximumPoolSize(500) in Pools.huge lets HikariCP open up to"
                  + " 500 connections, above the ceiling of 100",
              "    ds.setMaximumPoolSize(500);",
              "    return ds;",
              "  }",
              "  void bounds() {",
              "    new HikariConfig().setMaximumPoolSize(2);",
              "    new HikariConfig().setMaximumPoolSize(100);",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void hikariMinimumIdleAboveTheMaximumOfTheSameObject() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  HikariConfig above() {",
              "    HikariConfig config = new HikariConfig();",
              "    config.setMaximumPoolSize(5);",
              "    // BUG: Diagnostic contains: config.setMinimumIdle(8) in Pools.above is above"
                  + " config.setMaximumPoolSize(5) (line 5)",
              "    config.setMinimumIdle(8);",
              "    return config;",
              "  }",
              "  HikariConfig fixedSize() {",
              "    HikariConfig config = new HikariConfig();",
              "    config.setMaximumPoolSize(10);",
              "    config.setMinimumIdle(10);",
              "    return config;",
              "  }",
              "  HikariConfig twoObjects() {",
              "    HikariConfig small = new HikariConfig();",
              "    HikariConfig large = new HikariConfig();",
              "    small.setMaximumPoolSize(5);",
              "    large.setMinimumIdle(8);",
              "    return small;",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void dbcp2UnboundedAndEmpty() {
      helper
          .addSourceLines(
              "Pools.java",
              "import org.apache.commons.dbcp2.BasicDataSource;",
              "class Pools {",
              "  void configure(BasicDataSource a, BasicDataSource b, BasicDataSource c) {",
              "    // BUG: Diagnostic contains: a.setMaxTotal(-1) in Pools.configure removes Commons DBCP2's upper"
                  + " bound",
              "    a.setMaxTotal(-1);",
              "    // BUG: Diagnostic contains: b.setMaxTotal(0) in Pools.configure lets Commons DBCP2 open no"
                  + " connection at all",
              "    b.setMaxTotal(0);",
              "    c.setMaxTotal(20);",
              "    c.setMinIdle(20);",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void tomcatPropertiesAndDataSource() {
      helper
          .addSourceLines(
              "Pools.java",
              "import org.apache.tomcat.jdbc.pool.DataSource;",
              "import org.apache.tomcat.jdbc.pool.PoolConfiguration;",
              "import org.apache.tomcat.jdbc.pool.PoolProperties;",
              "class Pools {",
              "  PoolProperties starved() {",
              "    PoolProperties p = new PoolProperties();",
              "    // BUG: Diagnostic contains: p.setMaxActive(1) in Pools.starved lets Tomcat JDBC open a single"
                  + " connection",
              "    p.setMaxActive(1);",
              "    return p;",
              "  }",
              "  void throughTheInterface(PoolConfiguration conf) {",
              "    conf.setMaxActive(10);",
              "    // BUG: Diagnostic contains: conf.setMinIdle(20) in Pools.throughTheInterface is above"
                  + " conf.setMaxActive(10)",
              "    conf.setMinIdle(20);",
              "  }",
              "  DataSource sized() {",
              "    DataSource ds = new DataSource();",
              "    ds.setMaxActive(50);",
              "    ds.setMinIdle(10);",
              "    return ds;",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void c3p0() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.mchange.v2.c3p0.ComboPooledDataSource;",
              "class Pools {",
              "  ComboPooledDataSource big() {",
              "    ComboPooledDataSource ds = new ComboPooledDataSource();",
              "    // BUG: Diagnostic contains: ds.setMaxPoolSize(500) in Pools.big lets c3p0 open up to 500",
              "    ds.setMaxPoolSize(500);",
              "    return ds;",
              "  }",
              "  ComboPooledDataSource inverted() {",
              "    ComboPooledDataSource ds = new ComboPooledDataSource();",
              "    ds.setMaxPoolSize(5);",
              "    // BUG: Diagnostic contains: ds.setMinPoolSize(10) in Pools.inverted is above ds.setMaxPoolSize(5)",
              "    ds.setMinPoolSize(10);",
              "    return ds;",
              "  }",
              "  ComboPooledDataSource sized() {",
              "    ComboPooledDataSource ds = new ComboPooledDataSource();",
              "    ds.setMaxPoolSize(20);",
              "    ds.setMinPoolSize(5);",
              "    return ds;",
              "  }",
              "}")
          .doTest();
    }
  }

  @Nested
  class Values {
    @Test
    void constantsConstantExpressionsAndUnaryMinusAreRead() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "import org.apache.commons.dbcp2.BasicDataSource;",
              "class Pools {",
              "  static final int WORKERS = 1;",
              "  static final int BASE = 100;",
              "  void configure(HikariConfig a, HikariConfig b, BasicDataSource c) {",
              "    // BUG: Diagnostic contains: a.setMaximumPoolSize(WORKERS) in Pools.configure lets HikariCP"
                  + " open a single connection",
              "    a.setMaximumPoolSize(WORKERS);",
              "    // BUG: Diagnostic contains: b.setMaximumPoolSize((BASE * 2) + 1) in Pools.configure lets"
                  + " HikariCP open up to 201",
              "    b.setMaximumPoolSize((BASE * 2) + 1);",
              "    // BUG: Diagnostic contains: c.setMaxTotal(-WORKERS)",
              "    c.setMaxTotal(-WORKERS);",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void valuesNotKnownAtCompileTimeAreNotChecked() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  static int workers = 1;",
              "  final int instanceSize = 1;",
              "  static int size() { return 1; }",
              "  void configure(HikariConfig a, int n, boolean production) {",
              "    a.setMaximumPoolSize(n);",
              "    new HikariConfig().setMaximumPoolSize(workers);",
              "    new HikariConfig().setMaximumPoolSize(size());",
              "    new HikariConfig().setMaximumPoolSize(production ? 50 : 1);",
              "    HikariConfig b = new HikariConfig();",
              "    if (production) {",
              "      b.setMaximumPoolSize(50);",
              "    } else {",
              "      b.setMaximumPoolSize(1);",
              "    }",
              "    HikariConfig c = new HikariConfig();",
              "    c.setMaximumPoolSize(n);",
              "    c.setMaximumPoolSize(1);",
              "    new HikariConfig().setMaximumPoolSize('\\u0001');",
              "  }",
              "}")
          .doTest();
    }
  }

  @Nested
  class Receivers {
    @Test
    void variablesAreToldApartByDeclarationNotByName() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  void shadowed() {",
              "    {",
              "      HikariConfig config = new HikariConfig();",
              "      config.setMaximumPoolSize(5);",
              "    }",
              "    {",
              "      HikariConfig config = new HikariConfig();",
              "      config.setMinimumIdle(8);",
              "    }",
              "  }",
              "  void calls(java.util.function.Supplier<HikariConfig> configs) {",
              "    configs.get().setMaximumPoolSize(5);",
              "    configs.get().setMinimumIdle(8);",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void aFieldIsOneObjectWithOrWithoutThis() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  private final HikariConfig shared = new HikariConfig();",
              "  static final HikariConfig GLOBAL = new HikariConfig();",
              "  void configure() {",
              "    shared.setMaximumPoolSize(5);",
              "    // BUG: Diagnostic contains: this.shared.setMinimumIdle(8) in Pools.configure is above"
                  + " shared.setMaximumPoolSize(5)",
              "    this.shared.setMinimumIdle(8);",
              "    GLOBAL.setMaximumPoolSize(5);",
              "    // BUG: Diagnostic contains: Pools.GLOBAL.setMinimumIdle(8)",
              "    Pools.GLOBAL.setMinimumIdle(8);",
              "  }",
              "  void otherObjectsField(Pools other) {",
              "    shared.setMaximumPoolSize(5);",
              "    other.shared.setMinimumIdle(8);",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void subclassesInterfacesAndTypeVariablesOfPoolTypes() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "import com.zaxxer.hikari.HikariConfigMXBean;",
              "import com.zaxxer.hikari.HikariDataSource;",
              "class Pools {",
              "  static class ShopPool extends HikariDataSource {",
              "    ShopPool() {",
              "      // BUG: Diagnostic contains: setMaximumPoolSize(1) in the ShopPool constructor",
              "      setMaximumPoolSize(1);",
              "    }",
              "    void resize() {",
              "      // BUG: Diagnostic contains: super.setMaximumPoolSize(1) in ShopPool.resize",
              "      super.setMaximumPoolSize(1);",
              "    }",
              "  }",
              "  <T extends HikariConfig> T generic(T config) {",
              "    // BUG: Diagnostic contains: config.setMaximumPoolSize(1) in Pools.generic",
              "    config.setMaximumPoolSize(1);",
              "    return config;",
              "  }",
              "  void atRuntime(HikariDataSource ds) {",
              "    HikariConfigMXBean mx = ds.getHikariConfigMXBean();",
              "    // BUG: Diagnostic contains: mx.setMaximumPoolSize(1) in Pools.atRuntime",
              "    mx.setMaximumPoolSize(1);",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void aSetterOfTheSameNameOnAnotherClassIsNotAPoolSetting() {
      helper
          .addSourceLines(
              "Pools.java",
              "import java.util.concurrent.ThreadPoolExecutor;",
              "class Pools {",
              "  static class WorkQueue {",
              "    void setMaximumPoolSize(int size) {}",
              "    void setMaxTotal(int size) {}",
              "  }",
              "  static class OwnConfig {",
              "    void setMaxPoolSize(int size) {}",
              "    OwnConfig() { setMaxPoolSize(1); }",
              "  }",
              "  void configure(WorkQueue q, ThreadPoolExecutor executor) {",
              "    q.setMaximumPoolSize(1);",
              "    q.setMaxTotal(-1);",
              "    executor.setMaximumPoolSize(1);",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void aSetterOfAnotherPoolsNameOnAPoolClassIsNotRead() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariDataSource;",
              "class Pools {",
              "  static class Mixed extends HikariDataSource {",
              "    void setMaxTotal(int n) {}",
              "  }",
              "  void configure(Mixed m) {",
              "    m.setMaxTotal(-1);",
              "  }",
              "}")
          .doTest();
    }
  }

  @Nested
  class Units {
    @Test
    void aLambdaIsAUnitOfItsOwnReportedInTheEnclosingMethod() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "import java.util.function.Supplier;",
              "class Pools {",
              "  Supplier<HikariConfig> lazily() {",
              "    return () -> {",
              "      HikariConfig config = new HikariConfig();",
              "      // BUG: Diagnostic contains: config.setMaximumPoolSize(1) in a lambda in Pools.lazily",
              "      config.setMaximumPoolSize(1);",
              "      return config;",
              "    };",
              "  }",
              "  Runnable split(HikariConfig config) {",
              "    config.setMaximumPoolSize(5);",
              "    return () -> config.setMinimumIdle(8);",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void methodsOfAnonymousAndLocalClassesAreUnitsOfTheirOwn() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  Runnable later(HikariConfig config) {",
              "    config.setMaximumPoolSize(5);",
              "    class Local {",
              "      void apply() {",
              "        // BUG: Diagnostic contains: config.setMaximumPoolSize(1) in Local.apply",
              "        config.setMaximumPoolSize(1);",
              "      }",
              "    }",
              "    return new Runnable() {",
              "      @Override public void run() {",
              "        config.setMinimumIdle(8);",
              "        // BUG: Diagnostic contains: config.setMaximumPoolSize(500) in Pools.run",
              "        config.setMaximumPoolSize(500);",
              "      }",
              "    };",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void configurationPropertiesOnTheMethodOrClassOverrideWhatItSets() {
      helper
          .addSourceLines(
              "ConfigurationProperties.java",
              "@interface ConfigurationProperties { String value() default \"\"; }")
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "import java.util.function.Supplier;",
              "class Pools {",
              "  @ConfigurationProperties(\"app.pool\")",
              "  HikariConfig bound() {",
              "    HikariConfig config = new HikariConfig();",
              "    config.setMaximumPoolSize(1);",
              "    Supplier<HikariConfig> s = () -> { config.setMaximumPoolSize(1); return config; };",
              "    return config;",
              "  }",
              "  @ConfigurationProperties",
              "  static class Bound {",
              "    HikariConfig config() {",
              "      HikariConfig config = new HikariConfig();",
              "      config.setMaximumPoolSize(1);",
              "      return config;",
              "    }",
              "  }",
              "}")
          .doTest();
    }

    @Test
    void codeOutsideMethodsIsNotRead() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  final HikariConfig config = new HikariConfig() {{ setMaximumPoolSize(1); }};",
              "  { config.setMaximumPoolSize(1); }",
              "}")
          .doTest();
    }
  }

  @Nested
  class Ceiling {
    private static final String[] SOURCE = {
      "import com.zaxxer.hikari.HikariConfig;",
      "class Pools {",
      "  void configure(HikariConfig a, HikariConfig b) {",
      "    a.setMaximumPoolSize(50);",
      "    // BUG: Diagnostic contains: above the ceiling of 50",
      "    b.setMaximumPoolSize(51);",
      "  }",
      "}"
    };

    @Test
    void theFlagSetsTheCeiling() {
      helper.addSourceLines("Pools.java", SOURCE).setArgs("-XepOpt:LeakGuard:PoolSizeCeiling=50").doTest();
    }

    @Test
    void aHighCeilingAcceptsLargePools() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  void configure(HikariConfig a) {",
              "    a.setMaximumPoolSize(250);",
              "  }",
              "}")
          .setArgs("-XepOpt:LeakGuard:PoolSizeCeiling=300")
          .doTest();
    }

    @TempDir Path dir;

    private EpCompiler.Result compileWith(String flag) throws Exception {
      Path src = dir.resolve("Pools.java");
      Files.write(
          src,
          List.of(
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  void configure(HikariConfig a, HikariConfig b) {",
              "    a.setMaximumPoolSize(100);",
              "    b.setMaximumPoolSize(101);",
              "  }",
              "}"));
      return EpCompiler.compile(List.of(src), List.of("-XepOpt:LeakGuard:PoolSizeCeiling" + flag));
    }

    @Test
    void aCeilingThatIsNotANumberIsOneClearErrorAndTheDefaultApplies() throws Exception {
      EpCompiler.Result r = compileWith("=lots");
      assertFalse(r.success());
      List<String> errors = r.otherDiagnostics().stream().filter(d -> d.startsWith("ERROR")).toList();
      assertEquals(1, errors.size(), r.otherDiagnostics().toString());
      assertTrue(errors.get(0).contains("-XepOpt:LeakGuard:PoolSizeCeiling=lots"), errors.get(0));
      assertTrue(errors.get(0).contains("not a whole number"), errors.get(0));
      assertTrue(errors.get(0).contains("the pool checks use the default of 100"), errors.get(0));
      assertEquals(List.of(5L), r.findings().stream().map(EpCompiler.Reported::line).toList());
    }

    @Test
    void aCeilingBelowTwoIsAnError() throws Exception {
      for (String flag : List.of("=1", "=-5", "=", "")) {
        EpCompiler.Result r = compileWith(flag);
        assertFalse(r.success(), flag);
        String all = String.join("\n", r.otherDiagnostics());
        assertTrue(all.contains("cannot use -XepOpt:LeakGuard:PoolSizeCeiling"), flag + ": " + all);
        assertEquals(List.of(5L), r.findings().stream().map(EpCompiler.Reported::line).toList(), flag);
      }
    }
  }

  @Nested
  class Suppression {
    @Test
    void suppressWarningsWithTheIdOnTheMethodOrTheClass() {
      helper
          .addSourceLines(
              "Pools.java",
              "import com.zaxxer.hikari.HikariConfig;",
              "import java.util.function.Supplier;",
              "class Pools {",
              "  @SuppressWarnings(\"JdbcPoolSizeOutOfRange\") // the nightly export runs one statement at a time",
              "  HikariConfig export() {",
              "    HikariConfig config = new HikariConfig();",
              "    config.setMaximumPoolSize(1);",
              "    Supplier<HikariConfig> s = () -> { config.setMaximumPoolSize(1); return config; };",
              "    return config;",
              "  }",
              "  @SuppressWarnings(\"JdbcPoolSizeOutOfRange\")",
              "  static class Exports {",
              "    void configure(HikariConfig config) { config.setMaximumPoolSize(1); }",
              "  }",
              "  @SuppressWarnings(\"JdbcPoolUnboundedWait\")",
              "  void otherId(HikariConfig config) {",
              "    // BUG: Diagnostic contains: JdbcPoolSizeOutOfRange",
              "    config.setMaximumPoolSize(1);",
              "  }",
              "}")
          .doTest();
    }
  }

  @Nested
  class Robustness {
    @TempDir Path dir;

    @Test
    void anInternalErrorIsANoteNamingTheMethodAndTheCompilationGoesOn() throws Exception {
      Path src = dir.resolve("Pools.java");
      Files.write(
          src,
          List.of(
              "import com.zaxxer.hikari.HikariConfig;",
              "class Pools {",
              "  void odd(HikariConfig c) { c.setMaximumPoolSize(1); }",
              "  void other(HikariConfig c) { c.setMaximumPoolSize(1); }",
              "}"));
      System.setProperty(PoolUnit.FAIL_ON_METHOD_PROPERTY, "odd");
      EpCompiler.Result r;
      try {
        r = EpCompiler.compile(List.of(src), List.of());
      } finally {
        System.clearProperty(PoolUnit.FAIL_ON_METHOD_PROPERTY);
      }
      List<String> notes = r.otherDiagnostics().stream().filter(d -> d.contains("Pools.odd")).toList();
      assertTrue(notes.size() == 1 && notes.get(0).contains("could not read its pool settings"), r.otherDiagnostics().toString());
      assertEquals(List.of(4L), r.findings().stream().map(EpCompiler.Reported::line).toList());
    }
  }
}
