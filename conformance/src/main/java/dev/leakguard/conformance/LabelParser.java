package dev.leakguard.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code // LEAK} and {@code // POOL} labels and {@code // KNOWN} limits of one corpus file.
 *
 * <p>Syntax (a line comment, never a block comment):
 *
 * <pre>
 *   Connection c = ds.getConnection(); // LEAK JdbcConnectionLeak
 *   Statement st = ds.getConnection().createStatement(); // LEAK JdbcConnectionLeak, JdbcStatementLeak
 *   // KNOWN(spotbugs) missing JdbcCloseChain: reason in a few words
 *   Statement st = con.createStatement(); // LEAK JdbcCloseChain
 *   config.setMaximumPoolSize(1); // POOL JdbcPoolSizeOutOfRange
 *   Connection c = access.obtainConnection(); // LEAK JdbcConnectionLeak(warning)
 * </pre>
 *
 * <p>A level in parentheses after an id says the finding is reported below its id's own
 * severity ({@code warning} or {@code note}), with the reason in its message; see {@link
 * Label#reported}.
 *
 * <p>Anything that looks like a label but is not well formed is an error naming {@code
 * file:line}: a typo must never silently drop a case. A line comment whose text starts with the
 * word {@code LEAK} or {@code KNOWN}, or with {@code leak Jdbc} or {@code known(} in any case, is a
 * label attempt; a comment that contains {@code LEAK Jdbc} or {@code KNOWN(} elsewhere, or a block
 * comment that contains either, is a misplaced label.
 */
final class LabelParser {

  /** The check ids a {@code // LEAK} label may name. */
  static final Set<String> LEAK_IDS =
      Set.of(
          "JdbcConnectionLeak",
          "JdbcStatementLeak",
          "JdbcResultSetLeak",
          "JdbcStatementLeftToConnectionClose",
          "JdbcCloseChain",
          "JdbcUnclosedOwningField",
          "DbSessionLeak",
          "DbCursorLeak",
          "ConnectionPoolLeak",
          "HttpResponseLeak",
          "RedisConnectionLeak",
          "JmsResourceLeak");

  /** The check ids a {@code // POOL} label (a pool setting in Java code) may name. */
  static final Set<String> POOL_IDS =
      Set.of(
          "JdbcPoolSizeOutOfRange",
          "JdbcPoolUnboundedWait",
          "JdbcPoolLifetimeMisconfigured",
          "JdbcPoolLeakDetectionIgnored",
          "JdbcPoolAbandonedMisconfigured");

  /** Every id a label or a KNOWN line may name. */
  static final Set<String> CHECK_IDS = union(LEAK_IDS, POOL_IDS);

  /** The engines a KNOWN line may name. */
  static final Set<String> ENGINES = Set.of("errorprone", "spotbugs", "source", "source-classpath");

  private static final Pattern LABEL_ATTEMPT =
      Pattern.compile("^(?:LEAK\\b|POOL\\b|(?i:leak\\s*:?\\s*jdbc)).*", Pattern.DOTALL);
  private static final Pattern KNOWN_ATTEMPT =
      Pattern.compile("^(?:KNOWN\\b|(?i:known\\s*\\()).*", Pattern.DOTALL);
  private static final Pattern LABEL =
      Pattern.compile(
          "^(LEAK|POOL)\\s+([A-Za-z][A-Za-z0-9_]*(?:\\([a-z]+\\))?(?:\\s*,\\s*[A-Za-z][A-Za-z0-9_]*(?:\\([a-z]+\\))?)*)\\s*$");
  private static final Pattern KNOWN =
      Pattern.compile(
          "^KNOWN\\(([^)]*)\\)\\s+(\\S+)\\s+([A-Za-z][A-Za-z0-9_]*(?:\\([a-z]+\\))?)\\s*:\\s*(\\S.*?)\\s*$");
  private static final Pattern MISPLACED =
      Pattern.compile("\\b(?:LEAK|POOL)\\s+Jdbc|\\bKNOWN\\s*\\(|(?i)^\\s*\\*?\\s*leak\\s+jdbc");

  /** What one file contributes. */
  record Result(List<Label> labels, List<KnownLimit> knownLimits) {}

  private LabelParser() {}

  /**
   * Parses {@code source}; {@code file} is the corpus-relative name used in labels and errors.
   *
   * @throws IllegalArgumentException on any malformed label, naming {@code file:line}
   */
  static Result parse(String file, String source) {
    List<LineInfo> lines = JavaLines.split(source);
    List<Label> labels = new ArrayList<>();
    List<KnownLimit> known = new ArrayList<>();
    List<PendingKnown> pending = new ArrayList<>();

    for (LineInfo info : lines) {
      int lineNo = info.number();
      for (String block : info.blockComments()) {
        if (MISPLACED.matcher(block).find()) {
          throw error(file, lineNo, "labels must be // line comments, not block comments: '"
              + block.trim() + "'");
        }
      }
      String comment = info.lineComment() == null ? null : info.lineComment().trim();
      boolean isKnown = comment != null && KNOWN_ATTEMPT.matcher(comment).matches();
      boolean isLabel = comment != null && LABEL_ATTEMPT.matcher(comment).matches();
      if (comment != null && !isKnown && !isLabel && MISPLACED.matcher(comment).find()) {
        throw error(file, lineNo, "a LEAK or KNOWN label must be the whole // comment: '//"
            + info.lineComment() + "'");
      }

      if (isKnown) {
        if (info.hasCode()) {
          throw error(file, lineNo,
              "a KNOWN line must be a comment on its own line, directly above the code line");
        }
        pending.add(parseKnown(file, lineNo, comment));
        continue;
      }

      Set<String> ids = new LinkedHashSet<>();
      if (isLabel) {
        if (!info.hasCode()) {
          throw error(file, lineNo,
              "a LEAK label must end the line of the acquiring call, not stand on its own line");
        }
        ids = parseIds(file, lineNo, comment);
        for (String id : ids) {
          labels.add(new Label(file, lineNo, id));
        }
      }

      if (!pending.isEmpty()) {
        if (!info.hasCode()) {
          PendingKnown first = pending.get(0);
          throw error(file, first.line(),
              "KNOWN line is not directly followed by a code line (line " + lineNo
                  + " has no code)");
        }
        for (PendingKnown p : pending) {
          boolean labelled = ids.contains(p.checkId());
          if (p.kind().equals(KnownLimit.MISSING) && !labelled) {
            throw error(file, p.line(), "KNOWN(" + p.engine() + ") missing " + p.checkId()
                + ": line " + lineNo + " has no LEAK " + p.checkId() + " label");
          }
          if (p.kind().equals(KnownLimit.UNEXPECTED) && labelled) {
            throw error(file, p.line(), "KNOWN(" + p.engine() + ") unexpected " + p.checkId()
                + ": line " + lineNo + " is labelled LEAK " + p.checkId()
                + ", so the finding is expected");
          }
          known.add(new KnownLimit(p.engine(), p.kind(), new Label(file, lineNo, p.checkId()),
              p.reason()));
        }
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      throw error(file, pending.get(0).line(), "KNOWN line is not followed by a code line");
    }
    return new Result(List.copyOf(labels), List.copyOf(known));
  }

  private static Set<String> parseIds(String file, int lineNo, String comment) {
    Matcher m = LABEL.matcher(comment);
    if (!m.matches()) {
      throw error(file, lineNo, "malformed label '//" + comment
          + "'; expected '// LEAK <Id>' or '// LEAK <Id>, <Id>' with ids from " + sortedIds()
          + ", or '// POOL <Id>' for a pool setting");
    }
    boolean pool = m.group(1).equals("POOL");
    Set<String> ids = new LinkedHashSet<>();
    for (String raw : m.group(2).split(",")) {
      String id = raw.trim();
      checkId(file, lineNo, id);
      if (pool != POOL_IDS.contains(Label.baseId(id))) {
        throw error(file, lineNo, id + (pool
            ? " is not a pool configuration id; label a leak '// LEAK " + id + "'"
            : " is a pool configuration id; label the setter call '// POOL " + id + "'"));
      }
      if (!ids.add(id)) {
        throw error(file, lineNo, "check id " + id + " appears twice on one line; put each"
            + " leaking acquisition of the same kind on its own line");
      }
    }
    return ids;
  }

  private static PendingKnown parseKnown(String file, int lineNo, String comment) {
    Matcher m = KNOWN.matcher(comment);
    if (!m.matches()) {
      throw error(file, lineNo, "malformed KNOWN line '//" + comment
          + "'; expected '// KNOWN(<engine>) missing|unexpected <Id>: <reason>'");
    }
    String engine = m.group(1).trim();
    if (!ENGINES.contains(engine)) {
      throw error(file, lineNo, "unknown engine '" + engine + "' in KNOWN line; engines: "
          + String.join(", ", new java.util.TreeSet<>(ENGINES)));
    }
    String kind = m.group(2);
    if (!kind.equals(KnownLimit.MISSING) && !kind.equals(KnownLimit.UNEXPECTED)) {
      throw error(file, lineNo, "unknown kind '" + kind
          + "' in KNOWN line; expected 'missing' or 'unexpected'");
    }
    String id = m.group(3);
    checkId(file, lineNo, id);
    return new PendingKnown(lineNo, engine, kind, id, m.group(4));
  }

  private static void checkId(String file, int lineNo, String id) {
    String base = Label.baseId(id);
    if (!CHECK_IDS.contains(base)) {
      throw error(file, lineNo, "unknown check id '" + base + "'; known ids: " + sortedIds());
    }
    String level = id.substring(base.length());
    if (!level.isEmpty() && !level.equals("(warning)") && !level.equals("(note)")) {
      throw error(file, lineNo, "unknown level '" + level + "' after " + base
          + "; a label names a level only below the id's own: (warning) or (note)");
    }
  }

  private static String sortedIds() {
    return String.join(", ", new java.util.TreeSet<>(CHECK_IDS));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static IllegalArgumentException error(String file, int line, String message) {
    return new IllegalArgumentException(file + ":" + line + ": " + message);
  }

  private record PendingKnown(int line, String engine, String kind, String checkId,
      String reason) {}

  /** What the lexer learned about one source line. */
  record LineInfo(int number, boolean hasCode, String lineComment, List<String> blockComments) {}

  /**
   * A small Java lexer, enough to tell code, string and character literals, text blocks and
   * comments apart on each line (a JDBC URL such as {@code "jdbc:h2://db"} is not a comment).
   */
  static final class JavaLines {
    private JavaLines() {}

    static List<LineInfo> split(String src) {
      List<LineInfo> out = new ArrayList<>();
      int n = src.length();
      int i = 0;
      int lineNo = 1;
      boolean hasCode = false;
      String lineComment = null;
      List<String> blocks = new ArrayList<>();
      StringBuilder block = null; // open block comment text
      int state = CODE;
      while (i <= n) {
        char c = i < n ? src.charAt(i) : '\n';
        boolean eof = i == n;
        if (c == '\r' && i + 1 < n && src.charAt(i + 1) == '\n') {
          i++;
          continue;
        }
        if (c == '\n' || c == '\r') {
          if (block != null) {
            blocks.add(block.toString());
            block = new StringBuilder();
          }
          if (state == STRING || state == CHAR) {
            state = CODE; // unterminated literal: javac will reject the file anyway
          }
          out.add(new LineInfo(lineNo, hasCode, lineComment, List.copyOf(blocks)));
          lineNo++;
          hasCode = state == TEXT_BLOCK; // a text block line is code
          lineComment = null;
          blocks = new ArrayList<>();
          i++;
          if (eof) {
            break;
          }
          continue;
        }
        switch (state) {
          case CODE -> {
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
              int end = i + 2;
              while (end < n && src.charAt(end) != '\n' && src.charAt(end) != '\r') {
                end++;
              }
              lineComment = src.substring(i + 2, end);
              i = end;
              continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
              state = BLOCK;
              block = new StringBuilder();
              i += 2;
              continue;
            }
            if (c == '"') {
              hasCode = true;
              if (src.startsWith("\"\"\"", i)) {
                state = TEXT_BLOCK;
                i += 3;
              } else {
                state = STRING;
                i++;
              }
              continue;
            }
            if (c == '\'') {
              hasCode = true;
              state = CHAR;
              i++;
              continue;
            }
            if (!Character.isWhitespace(c)) {
              hasCode = true;
            }
            i++;
          }
          case BLOCK -> {
            if (c == '*' && i + 1 < n && src.charAt(i + 1) == '/') {
              blocks.add(block.toString());
              block = null;
              state = CODE;
              i += 2;
            } else {
              block.append(c);
              i++;
            }
          }
          case STRING, CHAR -> {
            hasCode = true;
            if (c == '\\') {
              i += escapeLength(src, i);
            } else {
              if ((state == STRING && c == '"') || (state == CHAR && c == '\'')) {
                state = CODE;
              }
              i++;
            }
          }
          case TEXT_BLOCK -> {
            hasCode = true;
            if (c == '\\') {
              i += escapeLength(src, i);
            } else if (src.startsWith("\"\"\"", i)) {
              state = CODE;
              i += 3;
            } else {
              i++;
            }
          }
          default -> throw new IllegalStateException("lexer state " + state);
        }
      }
      return out;
    }

    /** Skips a backslash and the character it escapes, but never a line break. */
    private static int escapeLength(String src, int i) {
      if (i + 1 < src.length() && src.charAt(i + 1) != '\n' && src.charAt(i + 1) != '\r') {
        return 2;
      }
      return 1;
    }

    private static final int CODE = 0;
    private static final int BLOCK = 1;
    private static final int STRING = 2;
    private static final int CHAR = 3;
    private static final int TEXT_BLOCK = 4;
  }
}
