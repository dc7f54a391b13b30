package dev.leakguard.verifier.confirm;

import dev.leakguard.verifier.Site;

/**
 * How a finding's path and a stack frame's file are compared. A frame knows its class and the
 * file name the class file records (no directory); a SARIF report knows a path relative to some
 * root. They agree when one is a suffix of the other at a {@code /} boundary, after turning the
 * frame into {@code package/dirs/File.java}: {@code samples/app/src/main/java/com/acme/Dao.java}
 * and the frame {@code com.acme.Dao.find(Dao.java:12)} agree, {@code other/Dao.java} does not.
 */
final class SourcePaths {
  private SourcePaths() {}

  /** {@code com/acme/Dao.java} for a frame of {@code com.acme.Dao} in {@code Dao.java}; null if unknown. */
  static String sourcePath(Site frame) {
    if (frame.fileName() == null || !frame.isKnown()) {
      return null;
    }
    int dot = frame.className().lastIndexOf('.');
    return dot < 0
        ? frame.fileName()
        : frame.className().substring(0, dot).replace('.', '/') + "/" + frame.fileName();
  }

  /** Whether a finding at {@code path}:{@code line} is at {@code frame}. */
  static boolean at(String path, int line, Site frame) {
    if (line < 0 || frame.lineNumber() != line) {
      return false;
    }
    String source = sourcePath(frame);
    return source != null && agree(path, source);
  }

  /** Whether one path is the other or ends with it after a {@code /}. */
  static boolean agree(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    String longer = a.length() >= b.length() ? a : b;
    String shorter = longer == a ? b : a;
    return longer.equals(shorter) || longer.endsWith("/" + shorter);
  }
}
