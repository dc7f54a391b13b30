package dev.leakguard.core.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which methods of a class close what its fields own: a resource stored in a field is handed to
 * the object only if one of them closes that field. The front-ends find the closes; this class
 * says where to look.
 */
public final class Lifecycle {
  /** A method whose name contains one of these words closes what the object owns. */
  private static final List<String> WORDS =
      List.of(
          "close", "destroy", "shutdown", "dispose", "release", "cleanup", "teardown", "terminate",
          "disconnect", "stop", "finalize", "free");

  /** Annotations (by simple name) of container and test lifecycle callbacks. */
  private static final Set<String> ANNOTATIONS =
      Set.of("PreDestroy", "AfterEach", "AfterAll", "After", "AfterClass", "AfterMethod");

  private Lifecycle() {}

  /** True for close(), reallyClose(), closeInternal(), doShutdown(), end(), @PreDestroy ... */
  public static boolean isLifecycleMethod(String name, Set<String> annotationSimpleNames) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("end")) {
      return true;
    }
    for (String w : WORDS) {
      if (lower.contains(w)) {
        return true;
      }
    }
    for (String a : annotationSimpleNames) {
      if (ANNOTATIONS.contains(a)) {
        return true;
      }
    }
    return false;
  }
}
