package dev.leakguard.core.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pool-configuration checks, over the settings of one pool in one effective document. */
public final class PoolRules {
  /** The largest maximum pool size accepted without a finding, unless configured otherwise. */
  public static final int DEFAULT_MAX_POOL_SIZE_CEILING = 100;

  /** HikariCP's default maxLifetime, and the shortest it accepts. */
  static final long HIKARI_DEFAULT_LIFETIME_MS = TimeUnit.MINUTES.toMillis(30);

  static final long HIKARI_MIN_LIFETIME_MS = TimeUnit.SECONDS.toMillis(30);
  static final long HIKARI_MIN_LEAK_THRESHOLD_MS = TimeUnit.SECONDS.toMillis(2);
  static final long MIN_ABANDONED_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(60);

  /** The property naming the database's idle cut-off, relaxed. */
  static final String DATABASE_IDLE_TIMEOUT = "leakguard.database.idletimeout";

  private static final Pattern MYSQL_WAIT_TIMEOUT =
      Pattern.compile("\\bwait_timeout\\s*=\\s*(\\d{1,9})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern PRODUCTION_PROFILE =
      Pattern.compile("(^|[^a-z])(prod|production|live)([^a-z]|$)");

  private static final Pattern NEGATED_TERM = Pattern.compile("!\\s*(?:\\([^)]*\\)|[^\\s&|,()!]+)");

  private PoolRules() {}

  /** A database idle cut-off found in the document: the setting that gives it and its length. */
  record Cutoff(Setting setting, long millis) {}

  public static List<Issue> check(
      PoolSettings p, List<Setting> all, PoolMessages.Where where, int ceiling) {
    List<Issue> out = new ArrayList<>();
    size(p, where, ceiling, out);
    waiting(p, where, out);
    if (p.pool() == Pool.HIKARI) {
      hikariLifetime(p, cutoff(all), where, out);
      hikariLeakDetection(p, where, out);
    }
    if (p.pool() == Pool.DBCP2 || p.pool() == Pool.TOMCAT) {
      abandoned(p, where, out);
    }
    return out;
  }

  // ------------------------------------------------------------------ size

  private static void size(PoolSettings p, PoolMessages.Where where, int ceiling, List<Issue> out) {
    Setting max = p.get(p.pool().maxSize());
    Long maxValue = max == null ? null : Values.integer(max.value());
    if (maxValue != null) {
      if (maxValue < 2) {
        out.add(PoolMessages.maxTooSmall(p.pool(), max, maxValue, where));
      } else if (maxValue > ceiling) {
        out.add(PoolMessages.maxTooLarge(p.pool(), max, maxValue, ceiling, where));
      }
    }
    Setting min = p.get(p.pool().minSize());
    Long minValue = min == null ? null : Values.integer(min.value());
    if (minValue != null && maxValue != null && maxValue >= 1 && minValue > maxValue) {
      out.add(PoolMessages.minAboveMax(p.pool(), min, minValue, max, maxValue, where));
    }
  }

  // ------------------------------------------------------------------ wait

  private static void waiting(PoolSettings p, PoolMessages.Where where, List<Issue> out) {
    Setting wait = p.get(p.pool().waitSetting());
    if (wait == null && p.pool() == Pool.DBCP2) {
      wait = p.get("maxWait"); // Spring Boot 3 binds DBCP2's Duration setter
    }
    if (wait == null) {
      if (p.complete() && (p.pool() == Pool.DBCP2 || p.pool() == Pool.C3P0)) {
        Setting first = p.first();
        if (first != null) {
          out.add(PoolMessages.waitMissing(p.pool(), first, p.keyOf(p.pool().waitSetting()), where));
        }
      }
      return;
    }
    Long ms = Values.millis(wait.value(), TimeUnit.MILLISECONDS);
    if (ms == null) {
      return;
    }
    switch (p.pool()) {
      case HIKARI -> {
        if (ms == 0) {
          out.add(PoolMessages.waitForever(p.pool(), wait, where));
        } else if (ms < 0) {
          out.add(PoolMessages.waitInvalid(p.pool(), wait, where));
        }
      }
      case DBCP2 -> {
        if (ms < 0) {
          out.add(PoolMessages.waitForever(p.pool(), wait, where));
        }
      }
      case TOMCAT, C3P0 -> {
        if (ms <= 0) {
          out.add(PoolMessages.waitForever(p.pool(), wait, where));
        }
      }
    }
  }

  // ------------------------------------------------------------------ HikariCP lifetime

  static Cutoff cutoff(List<Setting> all) {
    Cutoff found = null;
    for (Setting s : all) {
      if (Pool.relaxed(s.key()).equals(DATABASE_IDLE_TIMEOUT)) {
        Long ms = Values.millis(s.value(), TimeUnit.MILLISECONDS);
        if (ms != null && ms > 0) {
          found = new Cutoff(s, ms);
        }
        continue;
      }
      if (found == null || !Pool.relaxed(found.setting().key()).equals(DATABASE_IDLE_TIMEOUT)) {
        Matcher m = MYSQL_WAIT_TIMEOUT.matcher(s.value());
        if (m.find()) {
          long ms = TimeUnit.SECONDS.toMillis(Long.parseLong(m.group(1)));
          if (ms > 0 && (found == null || ms < found.millis())) {
            found = new Cutoff(s, ms);
          }
        }
      }
    }
    return found;
  }

  private static void hikariLifetime(
      PoolSettings p, Cutoff cutoff, PoolMessages.Where where, List<Issue> out) {
    Setting lifetime = p.get("maxLifetime");
    Long set = lifetime == null ? null : Values.millis(lifetime.value(), TimeUnit.MILLISECONDS);
    long effective = HIKARI_DEFAULT_LIFETIME_MS;
    if (set != null) {
      if (set > 0 && set < HIKARI_MIN_LIFETIME_MS) {
        out.add(PoolMessages.lifetimeReset(lifetime, set, where));
      } else if (set >= 0) {
        effective = set;
      }
    }
    if (cutoff != null) {
      if (effective == 0 || effective >= cutoff.millis()) {
        if (set != null && (set == 0 || set >= HIKARI_MIN_LIFETIME_MS)) {
          String text = effective == 0 ? "open forever" : "for " + Values.human(effective);
          out.add(PoolMessages.lifetimeNotBelowCutoff(lifetime, text, cutoff.setting(), cutoff.millis(), where));
        } else if (lifetime == null && p.complete()) {
          out.add(PoolMessages.lifetimeMissingBelowCutoff(p, cutoff.setting(), cutoff.millis(), where));
        }
      }
    }
    if (effective <= 0 || (lifetime == null && !p.complete())) {
      return; // no lifetime, or only the default, which code elsewhere may have changed
    }
    Setting idle = p.get("idleTimeout");
    Long idleMs = idle == null ? null : Values.millis(idle.value(), TimeUnit.MILLISECONDS);
    if (idleMs != null && idleMs > 0 && idleMs >= effective) {
      out.add(PoolMessages.notBelowLifetime(idle, "idleTimeout", effective, set == null ? null : lifetime, where));
    }
    Setting keepalive = p.get("keepaliveTime");
    Long keepMs = keepalive == null ? null : Values.millis(keepalive.value(), TimeUnit.MILLISECONDS);
    if (keepMs != null && keepMs > 0 && keepMs >= effective) {
      out.add(PoolMessages.notBelowLifetime(
          keepalive, "keepaliveTime", effective, set == null ? null : lifetime, where));
    }
  }

  private static void hikariLeakDetection(PoolSettings p, PoolMessages.Where where, List<Issue> out) {
    Setting threshold = p.get("leakDetectionThreshold");
    Long ms = threshold == null ? null : Values.millis(threshold.value(), TimeUnit.MILLISECONDS);
    if (ms == null || ms <= 0) {
      return;
    }
    if (ms < HIKARI_MIN_LEAK_THRESHOLD_MS) {
      out.add(PoolMessages.leakThresholdTooShort(threshold, ms, where));
      return;
    }
    Setting lifetime = p.get("maxLifetime");
    Long set = lifetime == null ? null : Values.millis(lifetime.value(), TimeUnit.MILLISECONDS);
    if (set == null && !p.complete()) {
      return;
    }
    long effective = set == null || (set > 0 && set < HIKARI_MIN_LIFETIME_MS) || set < 0
        ? HIKARI_DEFAULT_LIFETIME_MS : set;
    if (effective > 0 && ms > effective) {
      out.add(PoolMessages.leakThresholdAboveLifetime(
          threshold, ms, effective, set == null ? null : lifetime, where));
    }
  }

  // ------------------------------------------------------------------ abandoned connections

  private static void abandoned(PoolSettings p, PoolMessages.Where where, List<Issue> out) {
    boolean removes =
        p.pool() == Pool.DBCP2
            ? isTrue(p, "removeAbandonedOnBorrow") || isTrue(p, "removeAbandonedOnMaintenance")
                || isTrue(p, "removeAbandoned")
            : isTrue(p, "removeAbandoned");
    Setting timeout = p.get("removeAbandonedTimeout");
    if (removes && timeout != null) {
      Long ms = Values.millis(timeout.value(), TimeUnit.SECONDS);
      if (ms != null && ms >= 0 && ms < MIN_ABANDONED_TIMEOUT_MS) {
        out.add(PoolMessages.abandonedTooSoon(p.pool(), timeout, ms, where));
      }
    }
    Setting log = p.get("logAbandoned");
    if (log != null && Values.isTrue(log.value()) && isProduction(where.profile())) {
      out.add(PoolMessages.logAbandonedInProduction(p.pool(), log, where));
    }
  }

  private static boolean isTrue(PoolSettings p, String name) {
    Setting s = p.get(name);
    return s != null && Values.isTrue(s.value());
  }

  /** A profile expression that names production: {@code prod}, {@code production}, {@code live}, {@code eu-prod}. */
  public static boolean isProduction(String profile) {
    if (profile == null) {
      return false;
    }
    // a negated term ("!prod", "!(prod | live)") says where the setting is NOT active
    String positive = NEGATED_TERM.matcher(profile.toLowerCase(Locale.ROOT)).replaceAll(" ");
    return PRODUCTION_PROFILE.matcher(positive).find();
  }
}
