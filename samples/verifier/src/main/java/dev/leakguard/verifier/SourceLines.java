package dev.leakguard.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds a line in a class's source file at test time, so a test can assert the exact line a
 * leak is reported at without hard-coding line numbers that move with every edit.
 *
 * <p>The source is looked up under {@code src/main/java} and {@code src/test/java} of the working
 * directory (Maven runs tests in the module directory), or under the roots given.
 */
public final class SourceLines {

  private static final List<String> DEFAULT_ROOTS = List.of("src/main/java", "src/test/java");

  private SourceLines() {}

  /** The source file of a top-level class. */
  public static Path sourceOf(Class<?> type, List<String> roots) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String relative = top.getName().replace('.', '/') + ".java";
    for (String root : roots) {
      Path candidate = Path.of(root, relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no source for " + top.getName() + " under " + roots);
  }

  /**
   * The 1-based line of the first occurrence of {@code code} after the declaration of {@code
   * method} in {@code type}'s source.
   *
   * @throws IllegalStateException if the method or the code is not found, or the code occurs
   *     twice in the method, so a test never silently checks the wrong line
   */
  public static int lineOf(Class<?> type, String method, String code) {
    return lineOf(type, method, code, DEFAULT_ROOTS);
  }

  /** {@link #lineOf(Class, String, String)} with explicit source roots. */
  public static int lineOf(Class<?> type, String method, String code, List<String> roots) {
    Path source = sourceOf(type, roots);
    List<String> lines;
    try {
      lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Pattern declaration =
        Pattern.compile(
            "^\\s*[\\w<>\\[\\],?.@][\\w<>\\[\\],?. @]*\\s+" + Pattern.quote(method) + "\\s*\\(.*");
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (declaration.matcher(line).matches()
          && !line.trim().startsWith("return")
          && !line.contains("=")
          && !line.trim().endsWith(";")) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw new IllegalStateException("no declaration of " + method + "(..) in " + source);
    }
    int found = -1;
    int depth = 0;
    boolean opened = false;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      if (containsAsCode(line, code)) {
        if (found >= 0) {
          throw new IllegalStateException(
              "'" + code + "' occurs twice in " + method + "(..) of " + source);
        }
        found = i + 1;
      }
      for (char c : line.toCharArray()) {
        if (c == '{') {
          depth++;
          opened = true;
        } else if (c == '}') {
          depth--;
        }
      }
      if (opened && depth == 0) {
        break;
      }
    }
    if (found < 0) {
      throw new IllegalStateException("'" + code + "' not found in " + method + "(..) of " + source);
    }
    return found;
  }

  /**
   * Whether {@code code} occurs in {@code line} outside a string literal, so the test's own
   * {@code lineOf(.., "code")} call does not count as an occurrence.
   */
  private static boolean containsAsCode(String line, String code) {
    for (int at = line.indexOf(code); at >= 0; at = line.indexOf(code, at + 1)) {
      if (!insideStringLiteral(line, at)) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideStringLiteral(String line, int index) {
    boolean inside = false;
    for (int i = 0; i < index; i++) {
      char c = line.charAt(i);
      if (c == '\\' && inside) {
        i++;
      } else if (c == '"') {
        inside = !inside;
      }
    }
    return inside;
  }
}
