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
 * CallStack}, what the verifier takes at each acquisition, resolved by {@link
 * #appStack(StackTraceElement[])} only when a report needs it) and {@link StackWalker} frames
 * ({@link #captureFrames()}, walked at capture time when acquisition sites are indexed). Both
 * show the same frames, reflection frames included and hidden frames left out, so both give the
 * same sites.
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
    // One batch usually holds the verifier's own frames, the proxy and the application frames.
    // Reflection frames are shown because filtering them is the walker's most expensive step per
    // frame, and they are java.* and jdk.* frames that the skip list drops anyway.
    this.walker =
        StackWalker.getInstance(
            Set.of(
                StackWalker.Option.RETAIN_CLASS_REFERENCE,
                StackWalker.Option.SHOW_REFLECT_FRAMES),
            8 + appFrames);
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
   * The current call's stack, unresolved: a {@link CallStack}, or walked frames on a JVM that
   * records no backtraces.
   */
  StackCapture captureHere() {
    return CallStack.SUPPORTED ? new CallStack() : new WalkedStack(captureFrames());
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
    return walker.walk(this::collect);
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
