package dev.leakguard.conformance;

import java.util.Comparator;
import java.util.Objects;

/**
 * One expected (or reported) finding: the corpus file, the 1-based line of the acquiring call and
 * the check id.
 *
 * @param file path relative to the corpus root with '/' separators, e.g. {@code
 *     corpus/basic/UserDao.java}
 * @param line 1-based line number of the acquiring call
 * @param checkId check id, e.g. {@code JdbcConnectionLeak}, followed by the finding's level in
 *     parentheses where it is below the id's own: {@code JdbcConnectionLeak(warning)}
 */
public record Label(String file, int line, String checkId) implements Comparable<Label> {

  private static final Comparator<Label> ORDER =
      Comparator.comparing(Label::file).thenComparingInt(Label::line).thenComparing(Label::checkId);

  public Label {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(checkId, "checkId");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
  }

  /**
   * The label of a reported finding: {@code checkId}, with {@code level} in parentheses when it
   * differs from the id's own level {@code idLevel} (levels as SARIF names them: error, warning,
   * note).
   */
  public static Label reported(String file, int line, String checkId, String level, String idLevel) {
    return new Label(file, line, level.equals(idLevel) ? checkId : checkId + "(" + level + ")");
  }

  /** The check id without a level: {@code JdbcConnectionLeak} for {@code JdbcConnectionLeak(warning)}. */
  public static String baseId(String checkId) {
    int p = checkId.indexOf('(');
    return p < 0 ? checkId : checkId.substring(0, p);
  }

  @Override
  public int compareTo(Label other) {
    return ORDER.compare(this, other);
  }

  /** {@code file:line: checkId}, the form used in reports. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + checkId;
  }
}
