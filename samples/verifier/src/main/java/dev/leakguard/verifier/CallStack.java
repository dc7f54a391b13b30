package dev.leakguard.verifier;

import java.util.List;

/**
 * A call stack taken as a {@link Throwable}'s backtrace, the cheapest capture Java offers: the
 * JVM records each frame's method and bytecode index in a few arrays, in one native call, with
 * no Java object per frame and no call back into Java. Names, files and lines are looked up
 * only when {@link #appStack} is asked, by {@link Throwable#getStackTrace()}, which is the
 * expensive part and is paid only for resources that are reported.
 *
 * <p>Compared with {@link StackWalker}, which fills a Java object per frame it hands out (about
 * 5 times the cost per frame), this records every frame of the thread rather than the first
 * few, so it wins unless the stack is several times deeper than the frames a walk would need;
 * the caller search below the site ({@link SiteLocator}) makes a walk need about 20 frames.
 *
 * <p>It is never thrown. The JVM option {@code -XX:-StackTraceInThrowable} leaves every
 * backtrace empty: {@link #SUPPORTED} is then false and the verifier walks the stack instead
 * ({@link SiteLocator#captureHere()}). A {@code -XX:MaxJavaStackTraceDepth} below the stack's
 * depth keeps only the innermost frames, where the site is.
 */
final class CallStack extends Throwable implements StackCapture {
  private static final long serialVersionUID = 1L;

  /** Whether this JVM records backtraces at all. */
  static final boolean SUPPORTED = new CallStack().getStackTrace().length > 0;

  private transient volatile List<Site> appStack; // resolved on first use

  /** Captures the current thread's stack; the constructor's own frames are left out. */
  CallStack() {
    super(null, null, false, true);
  }

  @Override
  public List<Site> appStack(SiteLocator locator) {
    List<Site> sites = appStack;
    if (sites == null) {
      sites = locator.appStack(getStackTrace());
      appStack = sites;
    }
    return sites;
  }

  @Override
  public String toString() {
    return "CallStack";
  }
}
