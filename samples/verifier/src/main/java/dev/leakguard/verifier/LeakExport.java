package dev.leakguard.verifier;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The machine-readable export of runtime leaks: one UTF-8 TSV file per test run, which a
 * confirmation step joins with static findings on (check id, file, line), or on (check id,
 * class, method) when line numbers moved.
 *
 * <pre>
 * # leakguard-runtime-leaks 2
 * check_id  resource  file  line  class  method  app_stack  closed_at  thread  test  parent
 * JdbcConnectionLeak  Connection  LoginDao.java  42  com.acme.LoginDao  login  com.acme.LoginDao.login(LoginDao.java:42);com.acme.LoginTest.locksOut(LoginTest.java:30)    main  com.acme.LoginTest#locksOut
 * </pre>
 *
 * <ul>
 *   <li>Line 1 is the format marker and version; line 2 the column names; then one row per leak,
 *       tab-separated, in the order the leaks were found. A run without leaks has the two header
 *       lines only.
 *   <li>{@code check_id}: the LeakGuard check id ({@link LeakKind#checkId()}).
 *   <li>{@code resource}: Connection, Statement, PreparedStatement, CallableStatement, ResultSet.
 *   <li>{@code file}, {@code line}, {@code class}, {@code method}: the acquisition site, the file
 *       name exactly as in the stack frame (no directory). Empty when unknown.
 *   <li>{@code app_stack}: the first application frames, innermost first, separated by {@code ;};
 *       the first is the site. When a helper acquires for its caller, static analysis may report
 *       the caller: match any frame.
 *   <li>{@code closed_at}: for a resource closed only by its Connection's close, where that close
 *       happened; empty otherwise.
 *   <li>{@code thread}: the acquiring thread's name.
 *   <li>{@code test}: the test that leaked it, {@code fully.qualified.TestClass#method} (or the
 *       class alone for class-level resources); empty outside JUnit.
 *   <li>{@code parent}: where the resource it came from was acquired, as one frame (a Statement's
 *       Connection, a ResultSet's Statement); empty for none. Version 1 exports, which lack the
 *       column, are still read.
 * </ul>
 *
 * Values are escaped so a row stays one line: backslash, tab, newline and carriage return are
 * written as {@code \\}, {@code \t}, {@code \n} and {@code \r}.
 */
public final class LeakExport {

  /** The first line of every export. */
  public static final String MARKER = "# leakguard-runtime-leaks 2";

  /** The first line of an export before the {@code parent} column. */
  static final String MARKER_V1 = "# leakguard-runtime-leaks 1";

  /** The column names, the second line of every export. */
  public static final List<String> COLUMNS =
      List.of(
          "check_id",
          "resource",
          "file",
          "line",
          "class",
          "method",
          "app_stack",
          "closed_at",
          "thread",
          "test",
          "parent");

  private LeakExport() {}

  /** One exported leak. {@code line} is -1 when unknown; other unknowns are empty strings. */
  public record Row(
      String checkId,
      String resource,
      String file,
      int line,
      String className,
      String methodName,
      String appStack,
      String closedAt,
      String thread,
      String test,
      String parent) {

    /** The row for {@code leak}, found by {@code test} (may be empty). */
    public static Row of(LeakRecord leak, String test) {
      ResourceRecord resource = leak.resource();
      Site site = resource.acquiredAt();
      StringJoiner stack = new StringJoiner(";");
      for (Site frame : resource.appStack()) {
        stack.add(frame.toString());
      }
      Site closedAt = resource.closeReason() == CloseReason.CONNECTION_CLOSED ? resource.closedAt() : null;
      Site parent = resource.parentSite();
      return new Row(
          leak.checkId(),
          resource.type().displayName(),
          site.fileName() == null ? "" : site.fileName(),
          site.lineNumber(),
          site.isKnown() ? site.className() : "",
          site.isKnown() ? site.methodName() : "",
          stack.toString(),
          closedAt == null || !closedAt.isKnown() ? "" : closedAt.toString(),
          resource.thread(),
          test == null ? "" : test,
          parent == null || !parent.isKnown() ? "" : parent.toString());
    }

    private String toLine() {
      StringJoiner line = new StringJoiner("\t");
      line.add(escape(checkId))
          .add(escape(resource))
          .add(escape(file))
          .add(this.line < 0 ? "" : Integer.toString(this.line))
          .add(escape(className))
          .add(escape(methodName))
          .add(escape(appStack))
          .add(escape(closedAt))
          .add(escape(thread))
          .add(escape(test))
          .add(escape(parent));
      return line.toString();
    }

    private static Row parse(String line, Path file, int lineNumber, int columns) {
      String[] cells = line.split("\t", -1);
      if (cells.length != columns) {
        throw new IllegalArgumentException(
            file + ":" + lineNumber + ": expected " + columns + " columns, found " + cells.length);
      }
      return new Row(
          unescape(cells[0]),
          unescape(cells[1]),
          unescape(cells[2]),
          cells[3].isEmpty() ? -1 : Integer.parseInt(cells[3]),
          unescape(cells[4]),
          unescape(cells[5]),
          unescape(cells[6]),
          unescape(cells[7]),
          unescape(cells[8]),
          unescape(cells[9]),
          columns > 10 ? unescape(cells[10]) : "");
    }
  }

  /** Writes the header and {@code rows}, creating parent directories, replacing the file. */
  public static void write(Path file, List<Row> rows) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(MARKER);
      out.newLine();
      out.write(String.join("\t", COLUMNS));
      out.newLine();
      for (Row row : rows) {
        out.write(row.toLine());
        out.newLine();
      }
    }
  }

  /** Reads an export written by {@link #write}. */
  public static List<Row> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean v1 = !lines.isEmpty() && lines.get(0).equals(MARKER_V1);
    if (lines.size() < 2 || !(v1 || lines.get(0).equals(MARKER))) {
      throw new IllegalArgumentException(file + ": not a LeakGuard runtime export");
    }
    List<String> columns = v1 ? COLUMNS.subList(0, COLUMNS.size() - 1) : COLUMNS;
    if (!lines.get(1).equals(String.join("\t", columns))) {
      throw new IllegalArgumentException(file + ":2: unexpected columns: " + lines.get(1));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 2; i < lines.size(); i++) {
      if (!lines.get(i).isEmpty()) {
        rows.add(Row.parse(lines.get(i), file, i + 1, columns.size()));
      }
    }
    return rows;
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\':
          out.append("\\\\");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        switch (next) {
          case 't':
            out.append('\t');
            break;
          case 'n':
            out.append('\n');
            break;
          case 'r':
            out.append('\r');
            break;
          default:
            out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
