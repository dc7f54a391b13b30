package dev.leakguard.source.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a unified diff (git's, with or without context lines, or {@code diff -u}'s) and keeps the
 * line numbers of the new files that were added or changed.
 *
 * <p>Hunk bodies are consumed by their line counts, so a removed line that starts with
 * {@code "-- "} or an added line that starts with {@code "++ "} is never mistaken for a file
 * header. The new path comes from the {@code +++} header, without git's {@code b/} prefix (and
 * unquoted when git quoted it); {@code +++ /dev/null} marks a deleted file.
 */
final class UnifiedDiff {
  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

  private UnifiedDiff() {}

  /**
   * Parses {@code diff}.
   *
   * @throws CliException naming the diff line of a malformed hunk header
   */
  static ChangedLines parse(String diff) throws CliException {
    ChangedLines.Builder out = ChangedLines.builder();
    String newPath = null;
    int oldLeft = 0;
    int newLeft = 0;
    int newLine = 0;
    String[] lines = diff.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (oldLeft > 0 || newLeft > 0) {
        char c = line.isEmpty() ? ' ' : line.charAt(0);
        switch (c) {
          case '+' -> {
            if (newPath != null) {
              out.add(newPath, newLine);
            }
            newLine++;
            newLeft--;
            continue;
          }
          case '-' -> {
            oldLeft--;
            continue;
          }
          case ' ' -> {
            newLine++;
            newLeft--;
            oldLeft--;
            continue;
          }
          case '\\' -> {
            continue; // "\ No newline at end of file"
          }
          default -> {
            // a hunk shorter than its header said: read the line as a header
            oldLeft = 0;
            newLeft = 0;
          }
        }
      }
      if (line.startsWith("diff ")) {
        newPath = null;
      } else if (line.startsWith("+++ ")) {
        newPath = newPathOf(line.substring(4));
      } else if (line.startsWith("@@ ")) {
        Matcher m = HUNK.matcher(line);
        if (!m.matches()) {
          throw new CliException("diff line " + (i + 1) + ": malformed hunk header '" + line + "'");
        }
        oldLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        newLine = Integer.parseInt(m.group(3));
        newLeft = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      }
    }
    return out.build();
  }

  /** The path of a {@code +++} header: unquoted, without a timestamp or git's {@code b/}. */
  static String newPathOf(String header) {
    String path;
    if (header.startsWith("\"")) {
      path = unquote(header);
    } else {
      int tab = header.indexOf('\t');
      path = tab >= 0 ? header.substring(0, tab) : header;
      path = path.stripTrailing();
    }
    if (path.equals("/dev/null")) {
      return null;
    }
    if (path.startsWith("b/")) {
      path = path.substring(2);
    }
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    return path;
  }

  /** Git's C-style quoting: {@code "caf\303\251 \"x\".java"}, octal escapes being UTF-8 bytes. */
  static String unquote(String quoted) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 1;
    while (i < quoted.length()) {
      char c = quoted.charAt(i);
      if (c == '"') {
        break;
      }
      if (c != '\\' || i + 1 >= quoted.length()) {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        i++;
        continue;
      }
      char e = quoted.charAt(i + 1);
      if (e >= '0' && e <= '7') {
        int end = i + 1;
        int value = 0;
        while (end < quoted.length() && end < i + 4 && quoted.charAt(end) >= '0' && quoted.charAt(end) <= '7') {
          value = value * 8 + (quoted.charAt(end) - '0');
          end++;
        }
        bytes.write(value);
        i = end;
        continue;
      }
      bytes.write(
          switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'a' -> 7;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'v' -> 11;
            default -> e; // \" and \\
          });
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
