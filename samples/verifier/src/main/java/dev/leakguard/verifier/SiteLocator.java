package dev.leakguard.verifier;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds the application frames of the current call: the first frames whose class is neither the
 * verifier's own code nor in a skipped package (the JDK, the pool, the driver, the test
 * framework). The first such frame is the acquisition site; static analysis reports the same
 * line, because that is where the fix goes.
 *
 * <p>The verifier's own classes are recognised by where they were loaded from (the verifier's
 * jar or classes directory) rather than by package, so tests that live in the verifier's package
 * still count as application code. Each class's decision is computed once and cached.
 *
 * <p>The same rules apply to two forms of a stack: a {@link Throwable}'s backtrace ({@link
 * CallStack}, resolved by {@link #appStack(StackTraceElement[])} only when a report needs it) and
 * {@link StackWalker} frames, found when the stack is walked. Both show the same frames,
 * reflection frames included and hidden frames left out, so both give the same sites; which one
 * a capture takes is a matter of cost ({@link #chosenWalker()}), or of what the acquisition-site
 * index keys on ({@link #captureFrames()}).
 */
public final class SiteLocator {

  /**
   * Packages whose frames are never the acquisition site. The JDK, the pool, the driver and the
   * test framework are the brief's list; {@code com.sun.} covers older proxy classes, and the
   * Spring JDBC and DbUtils helpers are the release and acquire helpers of the LeakGuard model,
   * whose caller is where static analysis reports.
   */
  public static final List<String> DEFAULT_SKIPPED_PREFIXES =
      List.of(
          "java.",
          "javax.",
          "jdk.",
          "sun.",
          "com.sun.",
          "com.zaxxer.",
          "org.h2.",
          "org.junit.",
          "org.apache.maven.surefire.",
          "org.springframework.jdbc.",
          "org.apache.commons.dbutils.");

  /** System property with extra comma-separated prefixes added to the defaults. */
  public static final String SKIP_PROPERTY = "leakguard.verifier.skip";

  private static final String OWN_PACKAGE = "dev.leakguard.verifier.";
  private static final String OWN_LOCATION = location(SiteLocator.class);

  private final List<String> skippedPrefixes;
  private final int appFrames;
  private final StackWalker walker;
  // walkers whose first batch holds exactly the frames a thread's walks need, by that number
  private final StackWalker[] sizedWalkers = new StackWalker[MAX_FIRST_BATCH + 1];
  private final ThreadLocal<Plan> plans = ThreadLocal.withInitial(Plan::new);
  private final ClassValue<Boolean> skipped =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return decideSkipped(type);
        }
      };
  private final ConcurrentHashMap<String, Boolean> ownByName = new ConcurrentHashMap<>();

  /**
   * @param skippedPrefixes class-name prefixes whose frames are skipped (a package needs its
   *     trailing dot)
   * @param appFrames how many application frames to keep per acquisition (at least 1); the
   *     extra ones show the callers, which helps when a helper method acquires for its caller
   */
  public SiteLocator(List<String> skippedPrefixes, int appFrames) {
    if (appFrames < 1) {
      throw new IllegalArgumentException("appFrames must be at least 1, got " + appFrames);
    }
    this.skippedPrefixes = List.copyOf(skippedPrefixes);
    this.appFrames = appFrames;
    // One batch usually holds the verifier's own frames and the application frames, when they
    // come one after another.
    this.walker = walker(8 + appFrames);
  }

  /**
   * Reflection frames are shown because filtering them is the walker's most expensive step per
   * frame, and they are java.* and jdk.* frames that the skip list drops anyway; a backtrace
   * shows them too.
   */
  private static StackWalker walker(int estimateDepth) {
    return StackWalker.getInstance(
        Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_REFLECT_FRAMES),
        estimateDepth);
  }

  /** The defaults plus the prefixes of the {@value #SKIP_PROPERTY} system property. */
  public static List<String> defaultPrefixesWithSystemProperty() {
    List<String> prefixes = new ArrayList<>(DEFAULT_SKIPPED_PREFIXES);
    String extra = System.getProperty(SKIP_PROPERTY, "");
    for (String prefix : extra.split(",")) {
      if (!prefix.isBlank()) {
        prefixes.add(prefix.trim());
      }
    }
    return prefixes;
  }

  public List<String> skippedPrefixes() {
    return skippedPrefixes;
  }

  public int appFrames() {
    return appFrames;
  }

  /** Whether frames of this class are skipped. */
  public boolean isSkipped(Class<?> type) {
    return skipped.get(type);
  }

  /**
   * Whether frames of the class with this name are skipped, as {@link #isSkipped(Class)} decides
   * for the class of that name the verifier's class loader sees (the verifier's own classes are
   * all visible to it; a class it cannot load is not the verifier's).
   */
  public boolean isSkipped(String className) {
    if (hasSkippedPrefix(className)) {
      return true;
    }
    if (!className.startsWith(OWN_PACKAGE) || OWN_LOCATION == null) {
      return false;
    }
    Boolean own = ownByName.get(className);
    if (own == null) {
      own = isOwnClass(className);
      ownByName.putIfAbsent(className, own);
    }
    return own;
  }

  /** Up to {@link #appFrames()} application frames of the current call, innermost first. */
  public List<Site> capture() {
    return captureHere().appStack(this);
  }

  /**
   * The current call's stack, unresolved: a {@link CallStack}, or the frames a {@link
   * StackWalker} finds, as {@link #chosenWalker()} decides (both give the same sites).
   */
  StackCapture captureHere() {
    StackWalker chosen = chosenWalker();
    return chosen == null ? new CallStack() : new WalkedStack(walk(chosen));
  }

  /**
   * The walker this thread's captures use now, or null to take a {@link CallStack}: whichever
   * costs this thread less.
   *
   * <p>A backtrace costs little per frame but records every frame of the thread; a walk costs
   * several times more per frame but stops at the last frame the site and the caller search
   * need. So a backtrace is cheaper on the stacks of tests and most applications, and a walk on
   * very deep ones, or when only the site is kept ({@code appFrames} 1) below a deep framework.
   * Each thread decides from a stack it resolves once every {@value #REVIEW_INTERVAL} captures:
   * its depth, and how many frames a walk would need there. A JVM that records no backtraces
   * always walks.
   *
   * <p>The caller takes the backtrace itself when this returns null, so that the capture holds
   * no frame of this method.
   */
  StackWalker chosenWalker() {
    if (!CallStack.SUPPORTED) {
      return walker;
    }
    Plan plan = plans.get();
    if (plan.untilReview-- > 0) {
      return plan.walker;
    }
    StackTraceElement[] trace = new CallStack().getStackTrace();
    plan.walker = cheaperWalker(trace.length, framesWalked(trace));
    plan.untilReview = REVIEW_INTERVAL;
    return plan.walker;
  }

  /** The application frames of the current call found by {@code chosen}, unresolved. */
  StackWalker.StackFrame[] walk(StackWalker chosen) {
    return chosen.walk(this::collect);
  }

  /** How many captures a thread takes the way it chose before it looks again. */
  static final int REVIEW_INTERVAL = 1024;

  /** A thread's choice of capture, reviewed every {@link #REVIEW_INTERVAL} captures. */
  private static final class Plan {
    int untilReview; // captures left before the next review: the first one reviews
    StackWalker walker; // null: take a backtrace
  }

  // What each capture costs, measured on JDK 17 (nanoseconds): a backtrace, per frame of the
  // thread; a walk, per frame its batches fill. Only their proportions matter: they choose
  // between two captures that give the same sites.
  private static final int BACKTRACE_FIXED = 100;
  private static final int BACKTRACE_PER_FRAME = 20;
  private static final int WALK_FIXED = 350;
  private static final int WALK_PER_FRAME = 95;

  /** The largest first batch asked of a walker; deeper searches take further batches. */
  private static final int MAX_FIRST_BATCH = 64;

  /**
   * A walker that captures a stack of {@code depth} frames more cheaply than a backtrace, when
   * the site and caller search need its first {@code needed} frames; null if a backtrace is
   * cheaper. Its first batch is sized to {@code needed}.
   */
  StackWalker cheaperWalker(int depth, int needed) {
    int firstBatch = Math.min(Math.max(needed, 8), MAX_FIRST_BATCH);
    long walk = WALK_FIXED + (long) WALK_PER_FRAME * framesFilled(firstBatch, needed, depth);
    long backtrace = BACKTRACE_FIXED + (long) BACKTRACE_PER_FRAME * depth;
    if (backtrace <= walk) {
      return null;
    }
    StackWalker sized = sizedWalkers[firstBatch];
    if (sized == null) {
      sized = walker(firstBatch); // a race builds two equal walkers: either will do
      sizedWalkers[firstBatch] = sized;
    }
    return sized;
  }

  /**
   * How many frames a walk fills to hand out its first {@code needed} frames of a stack of
   * {@code depth}, batch by batch: the first batch the walker's estimate (at least 8, at most
   * 256), then twice the last up to 32, as JDK 17's {@code StackStreamFactory} sizes them.
   */
  static int framesFilled(int estimate, int needed, int depth) {
    int batch = Math.min(Math.max(estimate, 8), 256);
    int filled = batch;
    while (filled < needed && filled < depth) {
      batch = batch > 32 ? batch : Math.min(batch * 2, 32);
      filled += batch;
    }
    return Math.min(filled, depth);
  }

  /**
   * How many frames of {@code trace} a walk hands out before it has the application frames it
   * keeps, searching as {@link #appStack(StackTraceElement[])} does.
   */
  int framesWalked(StackTraceElement[] trace) {
    int found = 0;
    int searched = 0;
    for (int i = 0; i < trace.length; i++) {
      if (found > 0 && ++searched > CALLER_SEARCH_LIMIT) {
        return i + 1;
      }
      if (!isSkipped(trace[i].getClassName()) && ++found == appFrames) {
        return i + 1;
      }
    }
    return trace.length;
  }

  /**
   * Up to {@link #appFrames()} application frames of a stack trace, innermost first: the first
   * frame that is not skipped, then the next ones that are not, searched at most 16 frames
   * past the first ({@link #CALLER_SEARCH_LIMIT}).
   */
  List<Site> appStack(StackTraceElement[] trace) {
    Site[] found = null;
    int count = 0;
    int searched = 0;
    for (StackTraceElement element : trace) {
      if (found != null && ++searched > CALLER_SEARCH_LIMIT) {
        break;
      }
      if (isSkipped(element.getClassName())) {
        continue;
      }
      if (found == null) {
        found = new Site[appFrames];
      }
      found[count++] = toSite(element);
      if (count == appFrames) {
        break;
      }
    }
    return found == null ? List.of() : List.of(Arrays.copyOf(found, count));
  }

  /**
   * The application frames of the current call found by {@link StackWalker}, unresolved: what
   * {@link AcquisitionIndex} keys on when acquisition sites are recorded. Resolving a frame to
   * file and line costs more than finding it, so that waits for {@link #resolve}.
   */
  StackWalker.StackFrame[] captureFrames() {
    return walk(walker);
  }

  /** The walker of {@link #captureFrames()}. */
  StackWalker indexWalker() {
    return walker;
  }

  /** The sites of frames from {@link #captureFrames()}. */
  static List<Site> resolve(StackWalker.StackFrame[] frames) {
    if (frames.length == 1) {
      return List.of(toSite(frames[0]));
    }
    Site[] sites = new Site[frames.length];
    for (int i = 0; i < frames.length; i++) {
      sites[i] = toSite(frames[i]);
    }
    return List.of(sites);
  }

  /** The first application frame of the current call, or {@link Site#UNKNOWN}. */
  public Site firstAppFrame() {
    return captureHere().site(this);
  }

  private static final StackWalker.StackFrame[] NO_FRAMES = new StackWalker.StackFrame[0];

  /**
   * How many frames past the acquisition site are searched for callers. Beyond the first few
   * callers a stack is mostly framework (servlet container, test runner): callers found further
   * down would say little, and a walk that searched for them would cost more with every frame.
   */
  private static final int CALLER_SEARCH_LIMIT = 16;

  private StackWalker.StackFrame[] collect(Stream<StackWalker.StackFrame> frames) {
    StackWalker.StackFrame[] found = null;
    int count = 0;
    int searched = 0;
    Iterator<StackWalker.StackFrame> it = frames.iterator();
    while (it.hasNext()) {
      StackWalker.StackFrame frame = it.next();
      if (found != null && ++searched > CALLER_SEARCH_LIMIT) {
        break;
      }
      if (skipped.get(frame.getDeclaringClass())) {
        continue;
      }
      if (found == null) {
        found = new StackWalker.StackFrame[appFrames];
      }
      found[count++] = frame;
      if (count == appFrames) {
        return found;
      }
    }
    return found == null ? NO_FRAMES : Arrays.copyOf(found, count);
  }

  private static Site toSite(StackWalker.StackFrame frame) {
    return new Site(
        frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
  }

  private static Site toSite(StackTraceElement element) {
    return new Site(
        element.getClassName(),
        element.getMethodName(),
        element.getFileName(),
        element.getLineNumber());
  }

  private boolean decideSkipped(Class<?> type) {
    String name = type.getName();
    return hasSkippedPrefix(name)
        || (name.startsWith(OWN_PACKAGE)
            && OWN_LOCATION != null
            && OWN_LOCATION.equals(location(type)));
  }

  private boolean hasSkippedPrefix(String className) {
    for (String prefix : skippedPrefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOwnClass(String className) {
    try {
      Class<?> type = Class.forName(className, false, SiteLocator.class.getClassLoader());
      return OWN_LOCATION.equals(location(type));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null
        ? null
        : source.getLocation().toString();
  }

  @Override
  public String toString() {
    return "SiteLocator" + Objects.toString(skippedPrefixes) + ", appFrames=" + appFrames;
  }
}
