package dev.leakguard.core.pool;

import dev.leakguard.core.finding.CheckId;

/**
 * Builds every message of the pool-configuration checks, in one shape: the setting and its value,
 * where it is set, what the pool does with it under load, and the fix.
 */
public final class PoolMessages {
  private PoolMessages() {}

  /** Where a file's settings apply: {@code in application.yml} or {@code in application.yml (profile 'prod')}. */
  public record Where(String path, String profile) {
    public String text() {
      return "in " + path + (profile == null ? "" : " (profile '" + profile + "')");
    }
  }

  private static String set(Setting s, Where where) {
    return s.shown() + " " + where.text();
  }

  private static Issue issue(CheckId id, Setting at, String key, String text) {
    return new Issue(id, at.line(), key, text);
  }

  // ------------------------------------------------------------------ JdbcPoolSizeOutOfRange

  static Issue maxTooSmall(Pool pool, Setting s, long value, Where where) {
    String effect;
    if (value == 1) {
      effect = "lets " + pool.label() + " open a single connection: under load every request but one"
          + " waits for it until the connection timeout and then fails, and code that needs two"
          + " connections at once (a nested transaction, a second DAO call) can never get them";
    } else if (pool == Pool.HIKARI || pool == Pool.TOMCAT) {
      effect = "is not a usable pool size; " + pool.label() + " ignores it and silently uses its"
          + " default of " + pool.defaultMaxSize() + ", so the configured size is not the size in production";
    } else if (value == 0 && pool == Pool.DBCP2) {
      effect = "lets " + pool.label() + " open no connection at all: every borrow waits and fails";
    } else if (pool == Pool.DBCP2) {
      effect = "removes " + pool.label() + "'s upper bound: under load it opens a connection per"
          + " request until the database refuses new sessions, and then every service on that database fails";
    } else {
      effect = "is not a usable pool size: " + pool.label() + " cannot serve concurrent requests with it";
    }
    String fix = value < 0 && pool == Pool.DBCP2
        ? "set a bound sized to the concurrent database work, e.g. 10 to 20"
        : "set it to at least 2, sized to the concurrent database work (typically 10 to 20)";
    return issue(CheckId.JdbcPoolSizeOutOfRange, s, s.key(), set(s, where) + " " + effect + "; " + fix + ".");
  }

  static Issue maxTooLarge(Pool pool, Setting s, long value, int ceiling, Where where) {
    return issue(
        CheckId.JdbcPoolSizeOutOfRange,
        s,
        s.key(),
        set(s, where) + " lets " + pool.label() + " open up to " + value + " connections, above the"
            + " ceiling of " + ceiling + ": under load every instance opens that many sessions, the"
            + " database runs out of sessions or memory and refuses connections for every service; size"
            + " the pool to the concurrent database work (typically 10 to 20) and keep instances x size"
            + " below the database's connection limit.");
  }

  static Issue minAboveMax(Pool pool, Setting min, long minValue, Setting max, long maxValue, Where where) {
    return issue(
        CheckId.JdbcPoolSizeOutOfRange,
        min,
        min.key(),
        set(min, where) + " is above " + max.shown() + " (line " + max.line() + "): "
            + pool.label() + " cannot keep " + minValue + " idle connections in a pool of " + maxValue
            + " and silently caps or rejects one of them, so the pool's size is not what either"
            + " setting says; set " + min.key() + " at or below the maximum (or leave it out for a fixed-size pool).");
  }

  // ------------------------------------------------------------------ JdbcPoolUnboundedWait

  static Issue waitForever(Pool pool, Setting s, Where where) {
    return issue(
        CheckId.JdbcPoolUnboundedWait,
        s,
        s.key(),
        set(s, where) + " makes a borrower wait for a free " + pool.label() + " connection forever:"
            + " when the pool runs dry (a leak, a slow query, a traffic spike) request threads pile up"
            + " blocked, the server stops answering even health checks and nothing in the logs names the"
            + " pool; set a timeout of a few seconds (e.g. 5000 ms) so requests fail fast with a pool"
            + " error.");
  }

  static Issue waitInvalid(Pool pool, Setting s, Where where) {
    return issue(
        CheckId.JdbcPoolUnboundedWait,
        s,
        s.key(),
        set(s, where) + " is not a valid wait: " + pool.label() + " refuses a negative connection"
            + " timeout and the data source does not start; set a timeout of a few seconds (e.g. 5000 ms).");
  }

  static Issue waitMissing(Pool pool, Setting first, String key, Where where) {
    return issue(
        CheckId.JdbcPoolUnboundedWait,
        first,
        key,
        key + " is not set " + where.text() + " (the " + pool.label() + " settings start at line "
            + first.line() + "), and " + pool.label() + "'s default is to wait for a free connection"
            + " forever: when the pool runs dry request threads pile up blocked and the server stops"
            + " answering; set " + key + " to a few seconds (e.g. 5000 ms) so requests fail fast.");
  }

  // ------------------------------------------------------------------ JdbcPoolLifetimeMisconfigured

  static Issue lifetimeReset(Setting s, long ms, Where where) {
    return issue(
        CheckId.JdbcPoolLifetimeMisconfigured,
        s,
        s.key(),
        set(s, where) + " (" + Values.human(ms) + ") is below HikariCP's minimum of 30 s: HikariCP"
            + " silently replaces it with its default of 30 min, so connections live far longer than"
            + " intended and die at the database's idle cut-off while in the pool; set at least 30000"
            + " (30 s) and a few seconds below the database's connection time limit.");
  }

  static Issue lifetimeNotBelowCutoff(
      Setting at, String lifetimeText, Setting cutoff, long cutoffMs, Where where) {
    return issue(
        CheckId.JdbcPoolLifetimeMisconfigured,
        at,
        at.key(),
        at.shown() + " " + where.text() + " keeps connections " + lifetimeText
            + ", not below the database's idle cut-off of " + Values.human(cutoffMs) + " ("
            + cutoff.key() + " at line " + cutoff.line() + "): the database closes idle connections"
            + " the pool still holds, and under load requests get dead connections and fail with"
            + " 'communications link failure'; set maxLifetime a few seconds below the cut-off (e.g. "
            + Math.max(30_000, cutoffMs - 30_000) + ").");
  }

  static Issue lifetimeMissingBelowCutoff(
      PoolSettings hikari, Setting cutoff, long cutoffMs, Where where) {
    String key = hikari.keyOf("maxLifetime");
    return issue(
        CheckId.JdbcPoolLifetimeMisconfigured,
        cutoff,
        key,
        key + " is not set " + where.text() + ", so HikariCP keeps connections 30 min, not below the"
            + " database's idle cut-off of " + Values.human(cutoffMs) + " (" + cutoff.key()
            + " at line " + cutoff.line() + "): the database closes connections the pool still holds,"
            + " and under load requests get dead connections and fail; set " + key + " a few seconds"
            + " below the cut-off (e.g. " + Math.max(30_000, cutoffMs - 30_000) + ").");
  }

  static Issue notBelowLifetime(Setting s, String what, long lifetimeMs, Setting lifetime, Where where) {
    String consequence = what.equals("idleTimeout")
        ? "HikariCP disables idle retirement, so the pool keeps its peak size after a burst and holds"
            + " database sessions nobody uses"
        : "HikariCP disables keepalive, so idle connections are no longer kept alive and the network"
            + " or the database drops them while the pool still hands them out";
    return issue(
        CheckId.JdbcPoolLifetimeMisconfigured,
        s,
        s.key(),
        set(s, where) + " is not below maxLifetime (" + Values.human(lifetimeMs)
            + (lifetime == null ? ", the default" : ", line " + lifetime.line()) + "): " + consequence
            + "; set " + what + " well below maxLifetime.");
  }

  // ------------------------------------------------------------------ JdbcPoolLeakDetectionIgnored

  static Issue leakThresholdTooShort(Setting s, long ms, Where where) {
    return issue(
        CheckId.JdbcPoolLeakDetectionIgnored,
        s,
        s.key(),
        set(s, where) + " (" + Values.human(ms) + ") is below HikariCP's minimum of 2 s: HikariCP"
            + " silently turns leak detection off, so a leaking code path drains the pool under load"
            + " without a single leak report; set it to a few seconds above your slowest legitimate"
            + " borrow (e.g. 10000).");
  }

  static Issue leakThresholdAboveLifetime(Setting s, long ms, long lifetimeMs, Setting lifetime, Where where) {
    return issue(
        CheckId.JdbcPoolLeakDetectionIgnored,
        s,
        s.key(),
        set(s, where) + " (" + Values.human(ms) + ") is above maxLifetime (" + Values.human(lifetimeMs)
            + (lifetime == null ? ", the default" : ", line " + lifetime.line()) + "): HikariCP turns"
            + " leak detection off, so a leaking code path drains the pool under load without a leak"
            + " report; set it below maxLifetime, a few seconds above your slowest legitimate borrow.");
  }

  // ------------------------------------------------------------------ JdbcPoolAbandonedMisconfigured

  static Issue abandonedTooSoon(Pool pool, Setting s, long ms, Where where) {
    return issue(
        CheckId.JdbcPoolAbandonedMisconfigured,
        s,
        s.key(),
        set(s, where) + " lets " + pool.label() + " reclaim a borrowed connection as abandoned after "
            + Values.human(ms) + ": under load slow but legitimate queries and transactions take longer"
            + " than that, their connections are closed under them and requests fail with 'connection"
            + " closed'; set at least 60 (seconds), above your longest transaction, and fix leaks instead"
            + " of reclaiming them.");
  }

  static Issue logAbandonedInProduction(Pool pool, Setting s, Where where) {
    return issue(
        CheckId.JdbcPoolAbandonedMisconfigured,
        s,
        s.key(),
        set(s, where) + " makes " + pool.label() + " record a stack trace on every borrow in production:"
            + " under load that costs CPU and allocation on every request; turn it on in a test or"
            + " staging profile to find the leak, and off in production.");
  }
}
