package dev.leakguard.sampleapp;

import dev.leakguard.verifier.LeakRecord;
import dev.leakguard.verifier.SourceLines;
import java.util.List;

/**
 * Leaks written as {@code <checkId> <File>:<line> <Class>.<method>}, the expected ones with the
 * line found in the source at test time, so the assertions say exactly which line leaks.
 */
final class ExpectedLeaks {

  private ExpectedLeaks() {}

  /** The expected leak of the resource acquired by {@code code} in {@code type.method}. */
  static String at(String checkId, Class<?> type, String method, String code) {
    int line = SourceLines.lineOf(type, method, code);
    return checkId + " " + type.getSimpleName() + ".java:" + line + " " + type.getSimpleName() + "." + method;
  }

  /** The same expectation {@code times} times. */
  static List<String> times(int times, String leak) {
    return java.util.Collections.nCopies(times, leak);
  }

  /** The actual leaks in the same form, in acquisition order. */
  static List<String> of(List<LeakRecord> leaks) {
    return leaks.stream()
        .map(leak -> leak.checkId() + " " + leak.fileName() + ":" + leak.lineNumber() + " "
            + leak.site().simpleClassName() + "." + leak.methodName())
        .toList();
  }
}
