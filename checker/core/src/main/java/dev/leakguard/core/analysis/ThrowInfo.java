package dev.leakguard.core.analysis;

/**
 * Why control left a node exceptionally: the call (or throw statement) and the exception type.
 *
 * @param what the call as shown to users, e.g. {@code executeQuery} or {@code rs.close()}, or
 *     {@code null} for an explicit {@code throw}
 * @param exceptionType the exception's simple or qualified name
 * @param line 1-based line
 * @param isClose true if the throwing call is a close of another resource (close chain)
 */
public record ThrowInfo(String what, String exceptionType, int line, boolean isClose) {

  /** The "when" phrase of a message, e.g. "when executeQuery throws SQLException at line 42". */
  public String describe() {
    String type = exceptionType;
    int dot = type.lastIndexOf('.');
    if (dot >= 0) {
      type = type.substring(dot + 1);
    }
    if (what == null) {
      return "when the " + type + " thrown at line " + line + " leaves the method";
    }
    return "when " + what + " throws " + type + " at line " + line;
  }
}
