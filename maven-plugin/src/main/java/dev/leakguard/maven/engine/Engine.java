package dev.leakguard.maven.engine;

import dev.leakguard.maven.AnalysisRequest;

/**
 * One way of analysing the module: finding leaks in Java code (javac + Error Prone, bytecode +
 * SpotBugs, JavaParser) or checking its configuration files ({@link PoolConfigEngine}). An engine
 * turns a request into findings and never fails the build itself: what keeps it from running is
 * an {@link EngineResult#unavailable} result with a one-line reason, and the other engines go on.
 * To add a Java engine, implement this interface and list it in {@link Engines#ALL}.
 */
public interface Engine {
  /** The name users write in {@code engines} (Java engines) and that findings carry. */
  String name();

  /** Whether the engine can run in this build at all (for the default engine list). */
  default boolean isAvailable(EngineContext context) {
    return true;
  }

  EngineResult run(AnalysisRequest request, EngineContext context) throws InterruptedException;
}
