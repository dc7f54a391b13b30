package dev.leakguard.conformance;

/**
 * A method or constructor with a body in a corpus file (lambdas are not methods here; methods of
 * anonymous and nested classes are).
 *
 * @param file corpus-relative file name, as in {@link Label#file()}
 * @param owner simple name of the declaring class, {@code <anonymous>} for an anonymous class
 * @param name method name, {@code <init>} for a constructor
 * @param startLine first line (annotations and modifiers included)
 * @param endLine last line (the closing brace)
 */
public record MethodSpan(String file, String owner, String name, int startLine, int endLine) {

  /** Whether {@code label} lies in this method's lines (nested methods and lambdas included). */
  public boolean contains(Label label) {
    return label.file().equals(file) && label.line() >= startLine && label.line() <= endLine;
  }

  @Override
  public String toString() {
    return file + ":" + startLine + ": " + owner + "." + name;
  }
}
