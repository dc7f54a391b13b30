package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool settings in Java code: each pool and check id with its near misses, how receivers are
 * typed through imports and scopes, which values are constants, units, annotations, suppression,
 * the ceiling and fingerprints. A line that must be reported ends with {@code // POOL <Id>}; every
 * other line must stay silent.
 */
class SourcePoolTest {
  @TempDir Path dir;

  private static final Pattern MARK = Pattern.compile("//\\s*POOL\\s+([A-Za-z, ]+)$");

  /** Writes the files (path to text), analyses the first one and returns its findings. */
  private List<ReportedFinding> scan(SourceEngine.Options options, Map<String, String> files) throws Exception {
    List<Path> paths = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
      paths.add(p);
    }
    SourceEngine.FileResult r = SourceEngine.create(ResourceModel.builtIn(), dir, paths, options).analyze(paths.get(0));
    assertNull(r.skipped(), r.skipped());
    assertEquals(List.of(), r.notes());
    return r.findings();
  }

  private List<ReportedFinding> scan(String source) throws Exception {
    return scan(SourceEngine.Options.defaults(), Map.of("src/shop/Config.java", source));
  }

  private static Map<String, String> files(String... pathsAndTexts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      out.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return out;
  }

  private static List<String> ids(List<ReportedFinding> findings) {
    List<String> out = new ArrayList<>();
    for (ReportedFinding f : findings) {
      out.add(f.id().name() + "@" + f.line());
    }
    return out;
  }

  /** The {@code // POOL <Id>} marks of a source, as {@code Id@line}, in the order findings are sorted. */
  private static List<String> marked(String source) {
    List<String> out = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARK.matcher(lines[i].strip());
      if (m.find()) {
        List<String> ids = new ArrayList<>();
        for (String id : m.group(1).split(",")) {
          ids.add(id.strip());
        }
        ids.sort((a, b) -> Integer.compare(CheckId.valueOf(a).ordinal(), CheckId.valueOf(b).ordinal()));
        for (String id : ids) {
          out.add(id + "@" + (i + 1));
        }
      }
    }
    return out;
  }

  private static List<ReportedFinding> poolSettings(List<ReportedFinding> found) {
    return found.stream()
        .filter(f -> f.id().category() == dev.leakguard.core.finding.CheckId.Category.POOL_CONFIG)
        .toList();
  }

  private void assertMarked(String source) throws Exception {
    // the pool-setting ids: a fixture that builds a pool as a temporary also leaks it
    // (ConnectionPoolLeak), which the corpus covers
    List<ReportedFinding> found = poolSettings(scan(source));
    List<String> got = ids(found);
    List<String> sortedGot = new ArrayList<>(got);
    List<String> want = marked(source);
    sortedGot.sort(null);
    List<String> sortedWant = new ArrayList<>(want);
    sortedWant.sort(null);
    assertEquals(sortedWant, sortedGot, () -> found.stream().map(ReportedFinding::toTextLine).reduce("", (a, b) -> a + "\n" + b));
  }

  // ------------------------------------------------------------------ each pool and id

  @Test
  void hikariSizesWaitsLifetimesAndLeakDetection() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;

        class Config {
          HikariConfig hermit() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            c.setConnectionTimeout(0); // POOL JdbcPoolUnboundedWait
            return c;
          }

          HikariConfig invalid() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(0); // POOL JdbcPoolSizeOutOfRange
            c.setConnectionTimeout(-1); // POOL JdbcPoolUnboundedWait
            return c;
          }

          HikariDataSource huge() {
            HikariDataSource ds = new HikariDataSource();
            ds.setMaximumPoolSize(101); // POOL JdbcPoolSizeOutOfRange
            ds.setMinimumIdle(102); // POOL JdbcPoolSizeOutOfRange
            return ds;
          }

          HikariConfig nearMisses() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(2);
            c.setMinimumIdle(2);
            c.setConnectionTimeout(250);
            c.setMaxLifetime(30_000);
            c.setIdleTimeout(29_999);
            c.setKeepaliveTime(0);
            c.setLeakDetectionThreshold(2_000);
            return c;
          }

          HikariConfig atTheCeiling() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(100);
            return c;
          }

          HikariConfig lifetimes() {
            HikariConfig c = new HikariConfig();
            c.setMaxLifetime(29_999); // POOL JdbcPoolLifetimeMisconfigured
            return c;
          }

          HikariConfig idleAtLifetime() {
            HikariConfig c = new HikariConfig();
            c.setMaxLifetime(60_000);
            c.setIdleTimeout(60_000); // POOL JdbcPoolLifetimeMisconfigured
            c.setLeakDetectionThreshold(60_000);
            return c;
          }

          HikariConfig leakDetection() {
            HikariConfig c = new HikariConfig();
            c.setLeakDetectionThreshold(1_999); // POOL JdbcPoolLeakDetectionIgnored
            HikariConfig d = new HikariConfig();
            d.setMaxLifetime(60_000);
            d.setLeakDetectionThreshold(60_001); // POOL JdbcPoolLeakDetectionIgnored
            HikariConfig off = new HikariConfig();
            off.setLeakDetectionThreshold(0);
            return c;
          }
        }
        """);
  }

  @Test
  void dbcp2SizesWaitsAndAbandonedConnections() throws Exception {
    assertMarked(
        """
        package shop;

        import java.time.Duration;
        import org.apache.commons.dbcp2.BasicDataSource;
        import org.apache.commons.dbcp2.managed.BasicManagedDataSource;

        class Config {
          BasicDataSource unbounded() {
            BasicDataSource ds = new BasicDataSource();
            ds.setMaxTotal(-1); // POOL JdbcPoolSizeOutOfRange
            ds.setMaxWait(Duration.ofMillis(-1)); // POOL JdbcPoolUnboundedWait
            return ds;
          }

          BasicManagedDataSource managed() {
            BasicManagedDataSource ds = new BasicManagedDataSource();
            ds.setMaxTotal(0); // POOL JdbcPoolSizeOutOfRange
            ds.setMaxWaitMillis(-1); // POOL JdbcPoolUnboundedWait
            return ds;
          }

          BasicDataSource bounded() {
            BasicDataSource ds = new BasicDataSource();
            ds.setMaxTotal(8);
            ds.setMinIdle(8);
            ds.setMaxWait(Duration.ZERO);
            ds.setMaxWaitMillis(0);
            return ds;
          }

          BasicDataSource reclaimsTooSoon() {
            BasicDataSource ds = new BasicDataSource();
            ds.setRemoveAbandonedOnMaintenance(true);
            ds.setRemoveAbandonedTimeout(59); // POOL JdbcPoolAbandonedMisconfigured
            return ds;
          }

          BasicDataSource reclaimsAfterAMinute() {
            BasicDataSource ds = new BasicDataSource();
            ds.setRemoveAbandonedOnBorrow(true);
            ds.setRemoveAbandonedTimeout(Duration.ofSeconds(60));
            return ds;
          }

          BasicDataSource timeoutWithoutRemoval() {
            BasicDataSource ds = new BasicDataSource();
            ds.setRemoveAbandonedOnBorrow(false);
            ds.setRemoveAbandonedTimeout(Duration.ofSeconds(5));
            ds.setLogAbandoned(true);
            return ds;
          }
        }
        """);
  }

  @Test
  void tomcatSizesWaitsAndAbandonedConnections() throws Exception {
    assertMarked(
        """
        package shop;

        import org.apache.tomcat.jdbc.pool.DataSource;
        import org.apache.tomcat.jdbc.pool.PoolProperties;

        class Config {
          PoolProperties starved() {
            PoolProperties p = new PoolProperties();
            p.setMaxActive(1); // POOL JdbcPoolSizeOutOfRange
            p.setMinIdle(2); // POOL JdbcPoolSizeOutOfRange
            p.setMaxWait(-1); // POOL JdbcPoolUnboundedWait
            return p;
          }

          PoolProperties sized() {
            PoolProperties p = new PoolProperties();
            p.setMaxActive(50);
            p.setMinIdle(50);
            p.setMaxWait(1);
            return p;
          }

          DataSource reclaimsTooSoon() {
            DataSource ds = new DataSource();
            ds.setRemoveAbandoned(true);
            ds.setRemoveAbandonedTimeout(30); // POOL JdbcPoolAbandonedMisconfigured
            return ds;
          }

          DataSource reclaimsLate() {
            DataSource ds = new DataSource();
            ds.setRemoveAbandoned(true);
            ds.setRemoveAbandonedTimeout(60);
            return ds;
          }
        }
        """);
  }

  @Test
  void c3p0SizesAndWaits() throws Exception {
    assertMarked(
        """
        package shop;

        import com.mchange.v2.c3p0.ComboPooledDataSource;

        class Config {
          ComboPooledDataSource hermit() {
            ComboPooledDataSource ds = new ComboPooledDataSource();
            ds.setMaxPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            ds.setMinPoolSize(3); // POOL JdbcPoolSizeOutOfRange
            ds.setCheckoutTimeout(0); // POOL JdbcPoolUnboundedWait
            return ds;
          }

          ComboPooledDataSource sized() {
            ComboPooledDataSource ds = new ComboPooledDataSource();
            ds.setMaxPoolSize(15);
            ds.setMinPoolSize(15);
            ds.setCheckoutTimeout(1);
            return ds;
          }

          ComboPooledDataSource otherPoolsSetters() {
            ComboPooledDataSource ds = new ComboPooledDataSource();
            ds.setMaxActive(1);
            ds.setMaximumPoolSize(1);
            return ds;
          }
        }
        """);
  }

  @Test
  void messagesQuoteTheCallAndNameThePlace() throws Exception {
    List<ReportedFinding> found =
        scan(
            """
            package shop;

            import com.zaxxer.hikari.HikariConfig;

            class Config {
              private final HikariConfig shared = new HikariConfig();

              void configure() {
                this.shared.setMaximumPoolSize( 1 );
                Runnable later = () -> shared.setConnectionTimeout(0);
                new Thread() {
                  @Override
                  public void run() {
                    HikariConfig c = new HikariConfig();
                    c.setMaximumPoolSize(500);
                  }
                };
              }

              Config() {
                new HikariConfig().setMaxLifetime(1000);
              }
            }
            """);
    assertEquals(4, found.size(), found.toString());
    assertTrue(found.get(0).message().startsWith("this.shared.setMaximumPoolSize(1) in Config.configure lets HikariCP"),
        found.get(0).message());
    assertTrue(found.get(1).message().startsWith("shared.setConnectionTimeout(0) in a lambda in Config.configure "),
        found.get(1).message());
    assertTrue(found.get(2).message().startsWith("c.setMaximumPoolSize(500) in Config.run "), found.get(2).message());
    assertTrue(found.get(3).message().startsWith("new HikariConfig().setMaxLifetime(1000) in the Config constructor "),
        found.get(3).message());
    for (ReportedFinding f : found) {
      assertEquals(List.of("source"), f.engines());
      assertEquals(CheckId.Category.POOL_CONFIG, f.id().category());
    }
  }

  // ------------------------------------------------------------------ the receiver's type

  @Test
  void aPoolClassNameFromAnotherPackageIsNotAPool() throws Exception {
    assertMarked(
        """
        package shop;

        import com.acme.pool.BasicDataSource;
        import com.acme.pool.HikariConfig;

        class Config {
          BasicDataSource ours() {
            BasicDataSource ds = new BasicDataSource();
            ds.setMaxTotal(-1);
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1);
            return ds;
          }

          org.apache.commons.dbcp2.BasicDataSource theirs() {
            org.apache.commons.dbcp2.BasicDataSource ds = new org.apache.commons.dbcp2.BasicDataSource();
            ds.setMaxTotal(-1); // POOL JdbcPoolSizeOutOfRange
            return ds;
          }
        }
        """);
  }

  @Test
  void aSimpleNameWithoutAnImportIsInTheFilesOwnPackage() throws Exception {
    assertMarked(
        """
        package shop;

        class Config {
          BasicDataSource samePackage() {
            BasicDataSource ds = new BasicDataSource();
            ds.setMaxTotal(-1);
            return ds;
          }
        }
        """);
  }

  @Test
  void onDemandImportsAndFullyQualifiedNames() throws Exception {
    assertMarked(
        """
        package shop;

        import org.apache.commons.dbcp2.*;
        import com.zaxxer.hikari.*;

        class Config {
          void onDemand() {
            BasicDataSource ds = new BasicDataSource();
            ds.setMaxTotal(-1); // POOL JdbcPoolSizeOutOfRange
            var c = new HikariConfig();
            c.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            var d = new com.acme.HikariConfig();
            d.setMaximumPoolSize(1);
            com.zaxxer.hikari.HikariConfig e = (com.zaxxer.hikari.HikariConfig) factory();
            e.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
          }

          Object factory() {
            return null;
          }
        }
        """);
  }

  @Test
  void aTypeOfTheFilesOwnPackageHidesAnOnDemandImport() throws Exception {
    String config =
        """
        package shop;

        import com.zaxxer.hikari.*;

        class Config {
          void m() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1);
          }
        }
        """;
    List<ReportedFinding> found =
        scan(
            SourceEngine.Options.defaults(),
            files(
                "src/shop/Config.java", config,
                "src/shop/HikariConfig.java", "package shop;\nclass HikariConfig { void setMaximumPoolSize(int n) {} }\n"));
    assertEquals(List.of(), ids(found));
  }

  @Test
  void aSubclassInTheTreeIsAPool() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "src/shop/Config.java",
        """
        package shop;

        import shop.pools.ShopPool;

        class Config {
          void m() {
            ShopPool p = new ShopPool();
            p.setMaximumPoolSize(1);
          }
        }
        """);
    files.put(
        "src/shop/pools/ShopPool.java",
        "package shop.pools;\nimport com.zaxxer.hikari.*;\npublic class ShopPool extends HikariConfig {}\n");
    assertEquals(List.of("JdbcPoolSizeOutOfRange@8"), ids(scan(SourceEngine.Options.defaults(), files)));
  }

  @Test
  void nestedTypesNamedLikeAPoolClassHideItOnlyInTheirScope() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;

        class Config {
          static class Legacy {
            static class HikariConfig {
              void setMaximumPoolSize(int n) {}
            }

            void m() {
              HikariConfig c = new HikariConfig();
              c.setMaximumPoolSize(1);
            }
          }

          void n() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
          }

          <HikariConfig> void generic(HikariConfig c) {
            c.setMaximumPoolSize(1);
            ((com.zaxxer.hikari.HikariConfig) null).setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
          }
        }
        """);
  }

  @Test
  void implicitThisInASubclassOfAPoolClass() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;
        import java.util.concurrent.ThreadPoolExecutor;

        class Config extends HikariConfig {
          static class HikariConfig {}

          Config() {
            setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            this.setConnectionTimeout(0); // POOL JdbcPoolUnboundedWait
            super.setMinimumIdle(5); // POOL JdbcPoolSizeOutOfRange
            Runnable r = () -> setMaxLifetime(1_000); // POOL JdbcPoolLifetimeMisconfigured
          }

          class Helper {
            void setMaximumPoolSize(int n) {}

            void m() {
              setMaximumPoolSize(1);
            }
          }

          class Inner {
            void m() {
              setLeakDetectionThreshold(1); // POOL JdbcPoolLeakDetectionIgnored
            }
          }

          static class Executor extends ThreadPoolExecutor {
            Executor() {
              super(1, 1, 0, java.util.concurrent.TimeUnit.SECONDS, null);
              setMaximumPoolSize(1);
            }
          }

          static class Unknown extends com.acme.Base {
            Unknown() {
              setMaximumPoolSize(1);
            }
          }
        }

        class NotAPool {
          NotAPool() {
            setMaximumPoolSize(1);
          }

          void setMaximumPoolSize(int n) {}
        }
        """);
  }

  @Test
  void aSameNamedSetterOnAnotherClassNeverCounts() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;

        class Config {
          static class WorkQueue {
            void setMaximumPoolSize(int n) {}
          }

          HikariConfig pool;
          WorkQueue queue = new WorkQueue();

          void m(WorkQueue q, Object o) {
            q.setMaximumPoolSize(1);
            queue.setMaximumPoolSize(1);
            new WorkQueue().setMaximumPoolSize(1);
            factory().setMaximumPoolSize(1);
            if (o instanceof HikariConfig pool) {
              pool.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            }
          }

          void shadowed() {
            WorkQueue pool = new WorkQueue();
            pool.setMaximumPoolSize(1);
          }

          void shadowedByAParameter(WorkQueue pool) {
            pool.setMaximumPoolSize(1);
            this.pool.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
          }

          HikariConfig factory() {
            return pool;
          }
        }
        """);
  }

  @Test
  void aPatternVariableWhoseScopeIsNotFollowedIsUnknownNotAField() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;

        class Config {
          HikariConfig c = new HikariConfig();

          class Inner {
            void m(Object o) {
              if (!(o instanceof Config c)) {
                return;
              }
              c.setMaximumPoolSize(1);
              Config.this.c.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            }
          }
        }
        """);
  }

  @Test
  void shadowingVariablesAreDifferentObjects() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;

        class Config {
          void m() {
            {
              HikariConfig c = new HikariConfig();
              c.setMaximumPoolSize(5);
            }
            {
              HikariConfig c = new HikariConfig();
              c.setMinimumIdle(10);
            }
            for (HikariConfig c : new HikariConfig[0]) {
              c.setMinimumIdle(10);
            }
          }
        }
        """);
  }

  // ------------------------------------------------------------------ values

  @Test
  void constantsOfTheFileAndConstantExpressions() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;
        import static java.time.Duration.ofSeconds;

        class Config {
          static final int ONE = 1;
          static final int TWO = ONE + 1;
          static final long BIG = 0x7FFF_FFFFL;
          static int notFinal = 1;
          final int instance = 1;
          static final Integer BOXED = 1;
          static final int FROM_CALL = Integer.parseInt("1");
          static final int CYCLE_A = CYCLE_B;
          static final int CYCLE_B = CYCLE_A;

          interface Sizes {
            int HERMIT = 1;
          }

          static class Nested {
            void m() {
              HikariConfig c = new HikariConfig();
              c.setMaximumPoolSize(ONE); // POOL JdbcPoolSizeOutOfRange
            }
          }

          void expressions() {
            new HikariConfig().setMaximumPoolSize(TWO * 50 + 1); // POOL JdbcPoolSizeOutOfRange
            new HikariConfig().setMaximumPoolSize(-TWO); // POOL JdbcPoolSizeOutOfRange
            new HikariConfig().setMaximumPoolSize((int) BIG); // POOL JdbcPoolSizeOutOfRange
            new HikariConfig().setMaximumPoolSize(Config.ONE); // POOL JdbcPoolSizeOutOfRange
            new HikariConfig().setMaximumPoolSize(Sizes.HERMIT); // POOL JdbcPoolSizeOutOfRange
            new HikariConfig().setMaximumPoolSize(true ? 1 : 2); // POOL JdbcPoolSizeOutOfRange
            new HikariConfig().setMaximumPoolSize(1 << 10); // POOL JdbcPoolSizeOutOfRange
            new HikariConfig().setConnectionTimeout(0b0); // POOL JdbcPoolUnboundedWait
            new HikariConfig().setMaxLifetime(ofSeconds(10).toMillis());
            new HikariConfig().setMaxLifetime(java.time.Duration.ofSeconds(10).toMillis());
            new HikariConfig().setMaximumPoolSize(2 - 1); // POOL JdbcPoolSizeOutOfRange
            new HikariConfig().setMaximumPoolSize(1 / 0);
            new HikariConfig().setMaximumPoolSize(Integer.MAX_VALUE);
          }

          void constantVariables() {
            new HikariConfig().setMaximumPoolSize(instance); // POOL JdbcPoolSizeOutOfRange
            final int local = 1;
            new HikariConfig().setMaximumPoolSize(local); // POOL JdbcPoolSizeOutOfRange
            final var inferred = ONE;
            new HikariConfig().setMaximumPoolSize(inferred); // POOL JdbcPoolSizeOutOfRange
            final long fromLocal = local * 500L;
            new HikariConfig().setConnectionTimeout(fromLocal - 500); // POOL JdbcPoolUnboundedWait
          }

          void unknowns(int ONE) {
            new HikariConfig().setMaximumPoolSize(ONE);
            new HikariConfig().setMaximumPoolSize(notFinal);
            new HikariConfig().setMaximumPoolSize(BOXED);
            new HikariConfig().setMaximumPoolSize(FROM_CALL);
            new HikariConfig().setMaximumPoolSize(CYCLE_A);
            int effectivelyFinal = 1;
            new HikariConfig().setMaximumPoolSize(effectivelyFinal);
            final int fromCall = Math.max(1, 0);
            new HikariConfig().setMaximumPoolSize(fromCall);
            final Integer boxedLocal = 1;
            new HikariConfig().setMaximumPoolSize(boxedLocal);
            new HikariConfig().setMaximumPoolSize(Math.max(1, 0));
            new HikariConfig().setMaximumPoolSize(1.0);
          }
        }
        """);
  }

  @Test
  void durationsOnlyOfJavaTime() throws Exception {
    assertMarked(
        """
        package shop;

        import static java.time.Duration.ofMillis;

        import com.acme.time.Duration;
        import org.apache.commons.dbcp2.BasicDataSource;

        class Config {
          static final long FOREVER = -1;

          void m() {
            new BasicDataSource().setMaxWait(Duration.ofMillis(-1));
            new BasicDataSource().setMaxWait(java.time.Duration.ofMillis(-1)); // POOL JdbcPoolUnboundedWait
            new BasicDataSource().setMaxWait(ofMillis(FOREVER)); // POOL JdbcPoolUnboundedWait
            new BasicDataSource().setMaxWait(java.time.Duration.ofMillis(1));
            new BasicDataSource().setMaxWait(java.time.Duration.ofMillis(-1).plusMillis(1));
            new BasicDataSource().setMaxWait(java.time.Duration.ofDays(Long.MAX_VALUE));
            new BasicDataSource().setMaxWait(java.time.Duration.ofDays(0x7FFF_FFFF_FFFF_FFFFL));
          }
        }
        """);
  }

  @Test
  void branchesThatDisagreeAndUnknownValuesAreSilent() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;

        class Config {
          HikariConfig m(boolean production, int size) {
            HikariConfig c = new HikariConfig();
            if (production) {
              c.setMaximumPoolSize(50);
            } else {
              c.setMaximumPoolSize(1);
            }
            c.setMinimumIdle(size);
            c.setMinimumIdle(100);
            return c;
          }
        }
        """);
  }

  // ------------------------------------------------------------------ units

  @Test
  void aLambdaAndAnAnonymousClassAreUnitsOfTheirOwn() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;
        import java.util.function.Supplier;

        class Config {
          void m() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(5);
            Runnable r = () -> c.setMinimumIdle(10);
            Runnable s = new Runnable() {
              @Override
              public void run() {
                c.setMinimumIdle(10);
              }
            };
            Supplier<Runnable> nested = () -> () -> {
              c.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            };
            class Local {
              void run() {
                c.setConnectionTimeout(0); // POOL JdbcPoolUnboundedWait
              }
            }
          }
        }
        """);
  }

  // ------------------------------------------------------------------ annotations

  @Test
  void profilesOnTheMethodOrItsClass() throws Exception {
    assertMarked(
        """
        package shop;

        import org.apache.commons.dbcp2.BasicDataSource;
        import org.springframework.context.annotation.Profile;

        @Profile("prod")
        class Config {
          static final String LIVE = "live";

          void onTheClass() {
            new BasicDataSource().setLogAbandoned(true); // POOL JdbcPoolAbandonedMisconfigured
          }

          @Profile({"test", "dev"})
          void onTheMethod() {
            new BasicDataSource().setLogAbandoned(true);
          }

          @org.springframework.context.annotation.Profile(value = {"dev", LIVE})
          void byConstant() {
            new BasicDataSource().setLogAbandoned(true); // POOL JdbcPoolAbandonedMisconfigured
          }
        }

        class NoProfile {
          void m() {
            new BasicDataSource().setLogAbandoned(true);
          }
        }
        """);
    List<ReportedFinding> found = poolSettings(scan(
        """
        import org.apache.commons.dbcp2.BasicDataSource;
        class Config {
          @Profile({"eu-prod", "us-prod"})
          void m() {
            new BasicDataSource().setLogAbandoned(true);
          }
        }
        """));
    assertEquals(1, found.size());
    assertTrue(found.get(0).message().contains("in Config.m (profile 'eu-prod,us-prod')"), found.get(0).message());
  }

  @Test
  void configurationPropertiesOnTheMethodOrItsClassIsNotChecked() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;
        import org.springframework.boot.context.properties.ConfigurationProperties;

        class Config {
          @ConfigurationProperties("app.pool")
          HikariConfig bound() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1);
            Runnable r = () -> c.setConnectionTimeout(0);
            return c;
          }

          HikariConfig notBound() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            return c;
          }

          @ConfigurationProperties(prefix = "app.other")
          static class Bound extends HikariConfig {
            Bound() {
              setMaximumPoolSize(1);
            }
          }
        }
        """);
  }

  @Test
  void suppressWarningsOnTheMethodOrAClassAroundIt() throws Exception {
    assertMarked(
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;

        class Config {
          @SuppressWarnings("JdbcPoolSizeOutOfRange")
          void sized() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1);
            c.setConnectionTimeout(0); // POOL JdbcPoolUnboundedWait
          }

          @SuppressWarnings({"unused", "JdbcPoolUnboundedWait"})
          void waits() {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
            c.setConnectionTimeout(0);
          }

          @SuppressWarnings("JdbcPoolLifetimeMisconfigured")
          static class Quiet {
            void m() {
              new HikariConfig().setMaxLifetime(1);
            }
          }
        }
        """);
  }

  // ------------------------------------------------------------------ options, fingerprints

  @Test
  void theCeilingIsAnOption() throws Exception {
    String source =
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;

        class Config {
          void m() {
            new HikariConfig().setMaximumPoolSize(60);
          }
        }
        """;
    Map<String, String> files = Map.of("src/shop/Config.java", source);
    assertEquals(List.of(), ids(scan(SourceEngine.Options.defaults(), files)));
    List<ReportedFinding> found = scan(SourceEngine.Options.defaults().withPoolSizeCeiling(50), files);
    assertEquals(List.of("JdbcPoolSizeOutOfRange@7"), ids(found));
    assertTrue(found.get(0).message().contains("above the ceiling of 50"), found.get(0).message());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SourceEngine.Options.defaults().withPoolSizeCeiling(1));
    assertEquals("the pool size ceiling must be at least 2, not 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SourceEngine.Options.defaults().withMaxFileBytes(0));
    assertThrows(IllegalArgumentException.class, () -> SourceEngine.Options.defaults().withThreads(0));
    assertEquals(SourceEngine.Options.defaultThreads(), SourceEngine.Options.defaults().threads());
    assertEquals(2, SourceEngine.Options.defaults().withThreads(2).withPoolSizeCeiling(50).threads());
    assertEquals(100, SourceEngine.Options.defaults().poolSizeCeiling());
  }

  @Test
  void fingerprintsNameTheIdTheMethodAndTheSettingNotTheLine() throws Exception {
    String source =
        """
        package shop;

        import com.zaxxer.hikari.HikariConfig;

        class Config {
          void m(String url) {
            HikariConfig c = new HikariConfig();
            c.setMaximumPoolSize(1);
          }
        }
        """;
    ReportedFinding f = scan(source).get(0);
    assertEquals(
        ReportedFinding.fingerprintOf(
            CheckId.JdbcPoolSizeOutOfRange, "shop.Config.m(java.lang.String)", "pool", "maximumPoolSize"),
        f.fingerprint());
    ReportedFinding moved = scan(source.replace("  void m(", "\n\n  int x;\n  void m(")).get(0);
    assertEquals(f.fingerprint(), moved.fingerprint());
    assertNotEquals(f.line(), moved.line());
  }
}
