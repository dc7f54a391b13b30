package dev.leakguard.verifier;

import java.util.List;

/**
 * The application frames of a call found by {@link StackWalker} at capture time, unresolved:
 * used when acquisition sites are recorded, since {@link AcquisitionIndex} keys on the frames'
 * classes, methods and bytecode indexes at every acquisition, which a {@link CallStack} cannot
 * give without resolving the whole stack.
 */
final class WalkedStack implements StackCapture {
  final StackWalker.StackFrame[] frames;
  private volatile List<Site> appStack; // resolved on first use

  WalkedStack(StackWalker.StackFrame[] frames) {
    this.frames = frames;
  }

  @Override
  public List<Site> appStack(SiteLocator locator) {
    List<Site> sites = appStack;
    if (sites == null) {
      sites = SiteLocator.resolve(frames);
      appStack = sites;
    }
    return sites;
  }
}
