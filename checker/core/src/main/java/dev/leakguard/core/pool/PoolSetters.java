package dev.leakguard.core.pool;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Java API of the connection pools whose settings are checked: the classes that carry a
 * pool's settings and the setters the checks read, each mapped to the setting it sets (the name
 * {@link PoolRules} reads, in the unit the rules expect of a bare number).
 */
public final class PoolSetters {
  /**
   * What one setter sets.
   *
   * @param pool the pool
   * @param setting the setting, as the pool's own API spells it ({@code maximumPoolSize})
   */
  public record Setter(Pool pool, String setting) {}

  /** Class (binary name, '.'-separated) to pool. */
  private static final Map<String, Pool> TYPES = new LinkedHashMap<>();

  /** Pool to setter name to setting. */
  private static final Map<Pool, Map<String, String>> SETTERS = new HashMap<>();

  static {
    types(Pool.HIKARI,
        "com.zaxxer.hikari.HikariConfig",
        "com.zaxxer.hikari.HikariDataSource",
        "com.zaxxer.hikari.HikariConfigMXBean");
    setters(Pool.HIKARI,
        "maximumPoolSize", "minimumIdle", "connectionTimeout", "idleTimeout", "maxLifetime",
        "keepaliveTime", "leakDetectionThreshold", "jdbcUrl");
    types(Pool.DBCP2,
        "org.apache.commons.dbcp2.BasicDataSource",
        "org.apache.commons.dbcp2.managed.BasicManagedDataSource");
    setters(Pool.DBCP2,
        "maxTotal", "minIdle", "maxWaitMillis", "maxWait", "removeAbandonedOnBorrow",
        "removeAbandonedOnMaintenance", "removeAbandonedTimeout", "logAbandoned", "url");
    types(Pool.TOMCAT,
        "org.apache.tomcat.jdbc.pool.PoolConfiguration",
        "org.apache.tomcat.jdbc.pool.PoolProperties",
        "org.apache.tomcat.jdbc.pool.DataSourceProxy",
        "org.apache.tomcat.jdbc.pool.DataSource",
        "org.apache.tomcat.jdbc.pool.XADataSource");
    setters(Pool.TOMCAT,
        "maxActive", "minIdle", "maxWait", "removeAbandoned", "removeAbandonedTimeout",
        "logAbandoned", "url");
    types(Pool.C3P0,
        "com.mchange.v2.c3p0.ComboPooledDataSource",
        "com.mchange.v2.c3p0.AbstractComboPooledDataSource");
    setters(Pool.C3P0, "maxPoolSize", "minPoolSize", "checkoutTimeout", "jdbcUrl");
  }

  /** The simple name of Spring's {@code @Profile}: its value is the profile a method's settings apply in. */
  public static final String PROFILE_ANNOTATION = "Profile";

  /**
   * The simple name of Spring Boot's {@code @ConfigurationProperties}: properties bound after the
   * method override what it sets, so such a method or class is not checked.
   */
  public static final String CONFIGURATION_PROPERTIES_ANNOTATION = "ConfigurationProperties";

  private PoolSetters() {}

  /** Whether {@code name} is one of {@code java.time.Duration}'s factories of one amount ({@code ofSeconds}...). */
  public static boolean isDurationFactory(String name) {
    return durationOf(name, 0) != null;
  }

  /**
   * {@code java.time.Duration.<factory>(amount)}; null when {@code factory} is not {@code ofNanos},
   * {@code ofMillis}, {@code ofSeconds}, {@code ofMinutes}, {@code ofHours} or {@code ofDays}, or
   * when the amount is too large for a Duration (no pool could be given it either).
   */
  public static Duration durationOf(String factory, long amount) {
    try {
      return switch (factory) {
        case "ofNanos" -> Duration.ofNanos(amount);
        case "ofMillis" -> Duration.ofMillis(amount);
        case "ofSeconds" -> Duration.ofSeconds(amount);
        case "ofMinutes" -> Duration.ofMinutes(amount);
        case "ofHours" -> Duration.ofHours(amount);
        case "ofDays" -> Duration.ofDays(amount);
        default -> null;
      };
    } catch (ArithmeticException tooLong) {
      return null;
    }
  }

  private static void types(Pool pool, String... names) {
    for (String n : names) {
      TYPES.put(n, pool);
    }
  }

  private static void setters(Pool pool, String... settings) {
    Map<String, String> byMethod = new HashMap<>();
    for (String s : settings) {
      byMethod.put("set" + Character.toUpperCase(s.charAt(0)) + s.substring(1), s);
    }
    SETTERS.put(pool, byMethod);
  }

  /** The classes that carry a pool's settings, by binary name ('.'-separated). */
  public static Set<String> types() {
    return TYPES.keySet();
  }

  /** The pool whose settings {@code className} (binary name, '.' or '/' separated) carries, or null. */
  public static Pool poolOf(String className) {
    return className == null ? null : TYPES.get(className.replace('/', '.'));
  }

  /** The pool of the class whose simple name is {@code simpleName}, or null: for code without types. */
  public static Pool poolOfSimpleName(String simpleName) {
    for (Map.Entry<String, Pool> e : TYPES.entrySet()) {
      String n = e.getKey();
      if (n.substring(n.lastIndexOf('.') + 1).equals(simpleName)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Whether some pool has a checked setter of this name: a cheap first filter for engines. */
  public static boolean isSetterName(String methodName) {
    if (!methodName.startsWith("set")) {
      return false;
    }
    for (Map<String, String> m : SETTERS.values()) {
      if (m.containsKey(methodName)) {
        return true;
      }
    }
    return false;
  }

  /** What {@code methodName} sets on an object of {@code pool}, or null when no check reads it. */
  public static Setter setter(Pool pool, String methodName) {
    if (pool == null) {
      return null;
    }
    String setting = SETTERS.get(pool).get(methodName);
    return setting == null ? null : new Setter(pool, setting);
  }

  /** What {@code methodName} of class {@code className} sets, or null. */
  public static Setter setter(String className, String methodName) {
    return setter(poolOf(className), methodName);
  }
}
