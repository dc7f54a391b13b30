package dev.leakguard.sampleapp.demo;

import com.zaxxer.hikari.HikariConfig;
import dev.leakguard.verifier.VerifierPools;
import dev.leakguard.verifier.VerifyingDataSource;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * One way of driving the sample app, run on a fresh verifier pool with the shop's tables.
 *
 * @param name what it does, as the tables show it
 * @param pool the settings of its HikariCP pool (a new in-memory H2 database each time)
 * @param body the run; it prints what a reader of the demo should see to {@code out}
 * @param configuredBy the application class whose code configured the pool, or null for the
 *     samples' test pool: if the pool runs dry, that is runtime evidence about its settings
 */
record Scenario(String name, Supplier<HikariConfig> pool, Body body, Class<?> configuredBy) {

  Scenario(String name, Supplier<HikariConfig> pool, Body body) {
    this(name, pool, body, null);
  }

  /** The code of a scenario. */
  @FunctionalInterface
  interface Body {
    void run(VerifyingDataSource db, PrintStream out) throws Exception;
  }

  /** A scenario on the samples' pool: 3 connections, 250 ms connection timeout. */
  static Scenario of(String name, Body body) {
    return new Scenario(
        name,
        () -> VerifierPools.h2HikariConfig(SampleScenarios.POOL_SIZE, SampleScenarios.CONNECTION_TIMEOUT),
        body);
  }
}
