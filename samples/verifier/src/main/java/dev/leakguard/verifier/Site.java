package dev.leakguard.verifier;

import java.util.Objects;

/**
 * One stack frame of application code: where a resource was acquired or closed. Printed like a
 * {@link StackTraceElement}, {@code com.acme.LoginDao.login(LoginDao.java:42)}, which IDEs and
 * CI logs turn into links.
 *
 * @param className the frame's fully qualified class name, {@code ?} when unknown
 * @param methodName the frame's method name, {@code ?} when unknown
 * @param fileName the source file name as the class file records it, or {@code null}
 * @param lineNumber the line, or a negative number when unknown
 */
public record Site(String className, String methodName, String fileName, int lineNumber) {

  /** The site of a resource acquired where no frame passed the skip list. */
  public static final Site UNKNOWN = new Site("?", "?", null, -1);

  public Site {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(methodName, "methodName");
  }

  /** The class name without its package: {@code LoginDao} for {@code com.acme.LoginDao}. */
  public String simpleClassName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Whether this is a real frame rather than {@link #UNKNOWN}. */
  public boolean isKnown() {
    return !this.equals(UNKNOWN);
  }

  /** Parses the form {@link #toString()} prints. */
  public static Site parse(String text) {
    int open = text.lastIndexOf('(');
    int close = text.lastIndexOf(')');
    int dot = open < 0 ? -1 : text.lastIndexOf('.', open);
    if (open < 0 || close < open || dot < 0) {
      throw new IllegalArgumentException("not a site: '" + text + "'");
    }
    String location = text.substring(open + 1, close);
    String file = null;
    int line = -1;
    int colon = location.lastIndexOf(':');
    if (colon >= 0) {
      file = location.substring(0, colon);
      line = Integer.parseInt(location.substring(colon + 1));
    } else if (!location.equals("Unknown Source")) {
      file = location;
    }
    return new Site(text.substring(0, dot), text.substring(dot + 1, open), file, line);
  }

  @Override
  public String toString() {
    String location;
    if (fileName == null) {
      location = "Unknown Source";
    } else if (lineNumber < 0) {
      location = fileName;
    } else {
      location = fileName + ":" + lineNumber;
    }
    return className + "." + methodName + "(" + location + ")";
  }
}
