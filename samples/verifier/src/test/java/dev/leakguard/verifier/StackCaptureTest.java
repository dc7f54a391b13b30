package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A stack taken as a {@link Throwable}'s backtrace ({@link CallStack}, what the verifier keeps per
 * acquisition) and one walked by {@link StackWalker} ({@link WalkedStack}, what it keeps when
 * acquisition sites are indexed) resolve to the same sites under the same rules.
 */
class StackCaptureTest {

  private static final SiteLocator DEFAULTS =
      new SiteLocator(SiteLocator.DEFAULT_SKIPPED_PREFIXES, 3);

  /** Both captures of one call, taken on one line so that both see the same line. */
  static final class Probe {
    static List<List<Site>> both(SiteLocator locator) {
      StackCapture thrown = new CallStack(); StackCapture walked = new WalkedStack(locator.captureFrames());
      return List.of(thrown.appStack(locator), walked.appStack(locator));
    }
  }

  /** Stands for framework code between the test and the probe: skipped when asked. */
  static final class Framework {
    static List<List<Site>> descend(int depth, SiteLocator locator) {
      return depth == 0 ? Probe.both(locator) : descend(depth - 1, locator);
    }

    static <T> T at(int depth, Supplier<T> body) {
      return depth == 0 ? body.get() : at(depth - 1, body);
    }
  }

  /** Runs {@code body} on a new thread, whose stack is a few frames deep and whose plan is new. */
  private static <T> T onNewThread(Supplier<T> body) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.set(body.get());
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    return result.get();
  }

  private static SiteLocator skipping(Class<?> type) {
    List<String> prefixes = new ArrayList<>(SiteLocator.DEFAULT_SKIPPED_PREFIXES);
    prefixes.add(type.getName());
    return new SiteLocator(prefixes, 3);
  }

  private static List<Site> agreed(List<List<Site>> both) {
    assertEquals(both.get(1), both.get(0), "Throwable and StackWalker disagree");
    return both.get(0);
  }

  private static List<String> methods(List<Site> sites) {
    return sites.stream().map(Site::methodName).toList();
  }

  @Test
  void aDirectCallGivesTheSiteAndItsCallers() {
    List<Site> sites = agreed(Framework.descend(1, DEFAULTS));

    assertEquals(List.of("both", "descend", "descend"), methods(sites));
    Site site = sites.get(0);
    assertEquals(Probe.class.getName(), site.className());
    assertEquals("StackCaptureTest.java", site.fileName());
    assertEquals(
        SourceLines.lineOf(Probe.class, "both", "StackCapture thrown = new CallStack();"),
        site.lineNumber());
  }

  @Test
  void skippedFramesMoveTheCallersDown() {
    List<Site> sites = agreed(Framework.descend(3, skipping(Framework.class)));

    assertEquals(List.of("both", "skippedFramesMoveTheCallersDown"), methods(sites));
    assertEquals(
        SourceLines.lineOf(getClass(), "skippedFramesMoveTheCallersDown", "Framework.descend(3, "),
        sites.get(1).lineNumber());
  }

  @Test
  void callersBeyondTheSearchLimitAreNotReported() {
    // descend(n) is n + 1 skipped frames between the site and the test method
    List<Site> near = agreed(Framework.descend(14, skipping(Framework.class)));
    List<Site> far = agreed(Framework.descend(15, skipping(Framework.class)));

    // 15 skipped frames, then the test method: the 16th frame searched past the site
    assertEquals(List.of("both", "callersBeyondTheSearchLimitAreNotReported"), methods(near));
    // 16 skipped frames: the test method would be the 17th, past the limit
    assertEquals(List.of("both"), methods(far));
  }

  @Test
  void reflectionFramesAreSkippedAndCountedTheSameWay() throws Exception {
    Method both = Probe.class.getDeclaredMethod("both", SiteLocator.class);
    @SuppressWarnings("unchecked")
    List<List<Site>> captured = (List<List<Site>>) both.invoke(null, DEFAULTS);
    List<Site> sites = agreed(captured);

    assertEquals(List.of("both", "reflectionFramesAreSkippedAndCountedTheSameWay"), methods(sites).subList(0, 2));
  }

  @Test
  void lambdaFramesShowTheirBodyNotTheGeneratedClass() {
    AtomicReference<List<List<Site>>> captured = new AtomicReference<>();
    Runnable task = () -> captured.set(Probe.both(DEFAULTS));
    task.run();
    Supplier<List<List<Site>>> supplier = () -> Probe.both(DEFAULTS);

    List<Site> viaRunnable = agreed(captured.get());
    List<Site> viaSupplier = agreed(supplier.get());

    assertEquals("both", viaRunnable.get(0).methodName());
    assertTrue(viaRunnable.get(1).methodName().startsWith("lambda$"), viaRunnable.toString());
    assertEquals("lambdaFramesShowTheirBodyNotTheGeneratedClass", viaRunnable.get(2).methodName());
    assertEquals(getClass().getName(), viaRunnable.get(1).className());
    assertTrue(viaSupplier.get(1).methodName().startsWith("lambda$"), viaSupplier.toString());
  }

  @Test
  void oneAppFrameKeepsOnlyTheSite() {
    SiteLocator one = new SiteLocator(SiteLocator.DEFAULT_SKIPPED_PREFIXES, 1);
    assertEquals(List.of("both"), methods(agreed(Framework.descend(2, one))));
  }

  @Test
  void everythingSkippedGivesNoSite() {
    SiteLocator all = new SiteLocator(List.of(""), 3);
    List<List<Site>> both = Probe.both(all);

    assertEquals(List.of(), agreed(both));
    assertSame(Site.UNKNOWN, new CallStack().site(all));
  }

  @Test
  void aCaptureIsResolvedOnceAndKept() {
    CallStack stack = new CallStack();
    List<Site> first = stack.appStack(DEFAULTS);
    assertSame(first, stack.appStack(DEFAULTS));
    assertEquals("aCaptureIsResolvedOnceAndKept", stack.site(DEFAULTS).methodName());
  }

  @Test
  void classNamesAreSkippedAsTheirClassesAre() {
    for (Class<?> type :
        List.of(
            String.class,
            org.h2.Driver.class,
            com.zaxxer.hikari.HikariDataSource.class,
            Test.class,
            VerifyingDataSource.class,
            CallStack.class,
            TrackedResultSet.class,
            dev.leakguard.verifier.junit.LeakCheckExtension.class,
            StackCaptureTest.class,
            Probe.class)) {
      assertEquals(DEFAULTS.isSkipped(type), DEFAULTS.isSkipped(type.getName()), type.getName());
    }
    assertTrue(DEFAULTS.isSkipped(CallStack.class.getName()));
    assertFalse(DEFAULTS.isSkipped(getClass().getName()));
    assertFalse(DEFAULTS.isSkipped("dev.leakguard.verifier.NoSuchClass"), "not the verifier's");
    assertFalse(DEFAULTS.isSkipped("com.acme.Dao"));
  }

  /** The second capture at this point, after the first one chose: both of one line. */
  private static List<StackCapture> twoCaptures(SiteLocator locator) {
    locator.captureHere(); // the first capture of a thread reviews its plan
    return List.of(locator.captureHere(), new CallStack());
  }

  @Test
  void aShallowThreadKeepsBacktraces() throws Exception {
    SiteLocator one = new SiteLocator(SiteLocator.DEFAULT_SKIPPED_PREFIXES, 1);
    SiteLocator three = new SiteLocator(SiteLocator.DEFAULT_SKIPPED_PREFIXES, 3);

    assertInstanceOf(CallStack.class, onNewThread(() -> twoCaptures(one)).get(0));
    assertInstanceOf(CallStack.class, onNewThread(() -> twoCaptures(three)).get(0));
  }

  @Test
  void aDeepThreadWalksAndFindsTheSameSites() throws Exception {
    for (int appFrames : new int[] {1, 3}) {
      List<String> prefixes = new ArrayList<>(SiteLocator.DEFAULT_SKIPPED_PREFIXES);
      prefixes.add(Framework.class.getName());
      SiteLocator locator = new SiteLocator(prefixes, appFrames);

      List<StackCapture> deep = onNewThread(() -> Framework.at(300, () -> twoCaptures(locator)));

      assertInstanceOf(WalkedStack.class, deep.get(0), "appFrames " + appFrames);
      assertEquals(deep.get(1).appStack(locator), deep.get(0).appStack(locator));
      assertEquals("twoCaptures", deep.get(0).site(locator).methodName());
    }
  }

  @Test
  void onlyWhereTheSiteIsNearTheTopDoesAModeratelyDeepThreadWalk() throws Exception {
    List<String> prefixes = new ArrayList<>(SiteLocator.DEFAULT_SKIPPED_PREFIXES);
    prefixes.add(Framework.class.getName());
    SiteLocator one = new SiteLocator(prefixes, 1);
    SiteLocator three = new SiteLocator(prefixes, 3);

    // 60 framework frames: a walk to the site alone is cheaper than a backtrace of them all, a
    // walk through the 16 frames of the caller search is not
    assertInstanceOf(WalkedStack.class, onNewThread(() -> Framework.at(60, () -> twoCaptures(one))).get(0));
    assertInstanceOf(CallStack.class, onNewThread(() -> Framework.at(60, () -> twoCaptures(three))).get(0));
  }

  @Test
  void aWalkFillsFramesBatchByBatch() {
    assertEquals(11, SiteLocator.framesFilled(11, 5, 100));
    assertEquals(11 + 22, SiteLocator.framesFilled(11, 20, 100));
    assertEquals(11 + 22 + 32 + 32, SiteLocator.framesFilled(11, 90, 200));
    assertEquals(8, SiteLocator.framesFilled(2, 3, 100), "at least 8");
    assertEquals(27, SiteLocator.framesFilled(27, 20, 100));
    assertEquals(12, SiteLocator.framesFilled(11, 20, 12), "never more than the stack holds");
  }

  @Test
  void framesWalkedStopWhereTheSearchStops() {
    SiteLocator two = new SiteLocator(List.of("skip."), 2);
    StackTraceElement skipped = new StackTraceElement("skip.Frame", "m", "Frame.java", 1);
    StackTraceElement app = new StackTraceElement("app.Frame", "m", "Frame.java", 1);

    assertEquals(3, two.framesWalked(new StackTraceElement[] {skipped, app, app, skipped}));
    assertEquals(4, two.framesWalked(new StackTraceElement[] {skipped, skipped, skipped, skipped}));
    StackTraceElement[] farCaller = new StackTraceElement[30];
    java.util.Arrays.fill(farCaller, skipped);
    farCaller[0] = app;
    farCaller[25] = app;
    assertEquals(18, two.framesWalked(farCaller), "the site, 16 frames searched, and the one past them");
  }
}
