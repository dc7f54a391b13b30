package dev.leakguard.core.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolCallsTest {
  private static final PoolSetters.Setter MAX = PoolSetters.setter("com.zaxxer.hikari.HikariConfig", "setMaximumPoolSize");

  private static void set(PoolCalls calls, String receiver, String cls, String method, Object value, int line) {
    calls.add(receiver, receiver, PoolSetters.setter(cls, method), method, value, String.valueOf(value), line);
  }

  private static List<String> ids(List<Issue> issues) {
    return issues.stream().map(i -> i.id() + "@" + i.line()).toList();
  }

  @Test
  void setterTableKnowsEachPoolsClassesAndSetters() {
    assertEquals(new PoolSetters.Setter(Pool.HIKARI, "maximumPoolSize"), MAX);
    assertEquals(Pool.HIKARI, PoolSetters.setter("com/zaxxer/hikari/HikariDataSource", "setMaximumPoolSize").pool());
    assertEquals("maxTotal", PoolSetters.setter("org.apache.commons.dbcp2.BasicDataSource", "setMaxTotal").setting());
    assertEquals("maxActive", PoolSetters.setter("org.apache.tomcat.jdbc.pool.PoolProperties", "setMaxActive").setting());
    assertEquals("checkoutTimeout", PoolSetters.setter("com.mchange.v2.c3p0.ComboPooledDataSource", "setCheckoutTimeout").setting());
    assertNull(PoolSetters.setter("com.zaxxer.hikari.HikariConfig", "setMaxTotal"), "a DBCP2 setter on HikariCP");
    assertNull(PoolSetters.setter("com.example.MyConfig", "setMaximumPoolSize"), "an unknown class");
    assertEquals(Pool.DBCP2, PoolSetters.poolOfSimpleName("BasicDataSource"));
    assertNull(PoolSetters.poolOfSimpleName("DataSourceBuilder"));
    assertTrue(PoolSetters.isSetterName("setLeakDetectionThreshold"));
    assertFalse(PoolSetters.isSetterName("setPoolName"));
  }

  @Test
  void durationFactoriesAreReadOnceForEveryEngine() {
    assertEquals(Duration.ofSeconds(5), PoolSetters.durationOf("ofSeconds", 5));
    assertEquals(Duration.ofMillis(-1), PoolSetters.durationOf("ofMillis", -1));
    assertEquals(Duration.ofDays(2), PoolSetters.durationOf("ofDays", 2));
    assertNull(PoolSetters.durationOf("parse", 5), "not a factory of one amount");
    assertNull(PoolSetters.durationOf("ofDays", Long.MAX_VALUE), "too long for a Duration");
    assertTrue(PoolSetters.isDurationFactory("ofNanos"));
    assertFalse(PoolSetters.isDurationFactory("of"));
  }

  @Test
  void hermitPoolInCodeIsReportedAtTheCallWithTheCallQuoted() {
    PoolCalls calls = new PoolCalls("PoolConfigHermit.create", null);
    calls.add("config", "config", MAX, "setMaximumPoolSize", 1, "1", 18);
    List<Issue> issues = calls.check(100);
    assertEquals(List.of("JdbcPoolSizeOutOfRange@18"), ids(issues));
    assertTrue(issues.get(0).message().startsWith(
        "config.setMaximumPoolSize(1) in PoolConfigHermit.create lets HikariCP open a single connection"),
        issues.get(0).message());
    assertEquals("maximumPoolSize", issues.get(0).key());
  }

  @Test
  void placesAreNamedTheSameWayByEveryEngine() {
    assertEquals("PoolConfig.dataSource", PoolCalls.place("PoolConfig", "dataSource", false));
    assertEquals("the ShopPool constructor", PoolCalls.place("ShopPool", "<init>", false));
    assertEquals("a lambda in PoolConfig.lazily", PoolCalls.place("PoolConfig", "lazily", true));
    assertEquals("the static initializer of Pools", PoolCalls.place("Pools", "<clinit>", false));
  }

  @Test
  void sizesInRangeAndTheCeilingAreSilent() {
    PoolCalls calls = new PoolCalls("A.m", null);
    calls.add("a", "a", MAX, "setMaximumPoolSize", 2, "2", 1);
    calls.add("b", "b", MAX, "setMaximumPoolSize", 100, "100", 2);
    assertEquals(List.of(), calls.check(100));
    assertEquals(List.of("JdbcPoolSizeOutOfRange@2"), ids(calls.check(50)));
  }

  @Test
  void unknownOrConflictingValuesAreNotChecked() {
    PoolCalls calls = new PoolCalls("A.m", null);
    calls.add("a", "a", MAX, "setMaximumPoolSize", null, "size", 1);
    calls.add("a", "a", MAX, "setMaximumPoolSize", 1, "1", 2); // after an unknown value: still unknown
    calls.add("b", "b", MAX, "setMaximumPoolSize", 1, "1", 3);
    calls.add("b", "b", MAX, "setMaximumPoolSize", 10, "10", 4); // two branches, two values
    calls.add("c", "c", MAX, "setMaximumPoolSize", 1.0, "1.0", 5);
    assertEquals(List.of(), calls.check(100));
  }

  @Test
  void objectsAreCheckedSeparately() {
    PoolCalls calls = new PoolCalls("A.m", null);
    String hikari = "com.zaxxer.hikari.HikariConfig";
    set(calls, "a", hikari, "setMinimumIdle", 20, 1);
    set(calls, "b", hikari, "setMaximumPoolSize", 10, 2);
    assertEquals(List.of(), calls.check(100), "minimumIdle of one object against the maximum of another");
    set(calls, "a", hikari, "setMaximumPoolSize", 10, 3);
    assertEquals(List.of("JdbcPoolSizeOutOfRange@1"), ids(calls.check(100)));
  }

  @Test
  void rulesThatNeedAMissingSettingOrADefaultDoNotApplyToCode() {
    PoolCalls calls = new PoolCalls("A.m", null);
    String dbcp = "org.apache.commons.dbcp2.BasicDataSource";
    set(calls, "ds", dbcp, "setMaxTotal", 20, 1); // no maxWait: the file rule would report it
    String hikari = "com.zaxxer.hikari.HikariConfig";
    set(calls, "h", hikari, "setIdleTimeout", 3_600_000L, 2); // above the default lifetime only
    set(calls, "h", hikari, "setLeakDetectionThreshold", 3_600_000L, 3);
    set(calls, "h", hikari, "setJdbcUrl", "jdbc:mysql://db/app?sessionVariables=wait_timeout=60", 4);
    assertEquals(List.of(), calls.check(100));
  }

  @Test
  void durationsAndUnitsAreRead() {
    PoolCalls calls = new PoolCalls("A.m", "prod");
    String dbcp = "org.apache.commons.dbcp2.BasicDataSource";
    set(calls, "ds", dbcp, "setMaxWait", Duration.ofMillis(-1), 1);
    set(calls, "ds", dbcp, "setRemoveAbandonedOnBorrow", true, 2);
    set(calls, "ds", dbcp, "setRemoveAbandonedTimeout", 5, 3); // seconds
    set(calls, "ds", dbcp, "setLogAbandoned", true, 4);
    String hikari = "com.zaxxer.hikari.HikariConfig";
    set(calls, "h", hikari, "setMaxLifetime", Duration.ofSeconds(10), 5);
    set(calls, "h", hikari, "setLeakDetectionThreshold", 500L, 6);
    set(calls, "h", hikari, "setConnectionTimeout", 0L, 7);
    assertEquals(
        List.of("JdbcPoolUnboundedWait@1", "JdbcPoolAbandonedMisconfigured@3", "JdbcPoolAbandonedMisconfigured@4",
            "JdbcPoolUnboundedWait@7", "JdbcPoolLifetimeMisconfigured@5", "JdbcPoolLeakDetectionIgnored@6"),
        ids(calls.check(100)));
  }

  @Test
  void productionProfilesAreReadFromSpringProfileExpressions() {
    for (String p : List.of("prod", "production", "eu-prod", "live", "prod & eu", "staging | prod", "cloud,prod")) {
      assertTrue(PoolRules.isProduction(p), p);
    }
    for (String p : List.of("!prod", "! prod", "!(prod | live)", "staging & !prod", "product", "test", "preprod")) {
      assertFalse(PoolRules.isProduction(p), p);
    }
    assertFalse(PoolRules.isProduction(null));
  }

  @Test
  void nearMissValuesAreSilent() {
    PoolCalls calls = new PoolCalls("A.m", "staging");
    String dbcp = "org.apache.commons.dbcp2.BasicDataSource";
    set(calls, "ds", dbcp, "setMaxWait", Duration.ofSeconds(5), 1);
    set(calls, "ds", dbcp, "setRemoveAbandonedOnBorrow", true, 2);
    set(calls, "ds", dbcp, "setRemoveAbandonedTimeout", 300, 3);
    set(calls, "ds", dbcp, "setLogAbandoned", true, 4); // not a production profile
    String hikari = "com.zaxxer.hikari.HikariConfig";
    set(calls, "h", hikari, "setMaxLifetime", 30_000L, 5);
    set(calls, "h", hikari, "setLeakDetectionThreshold", 2_000L, 6);
    set(calls, "h", hikari, "setIdleTimeout", 10_000L, 7);
    set(calls, "h", hikari, "setConnectionTimeout", 250L, 8);
    assertEquals(List.of(), calls.check(100));
    assertEquals(CheckId.JdbcPoolLeakDetectionIgnored.category(), CheckId.Category.POOL_CONFIG);
  }
}
