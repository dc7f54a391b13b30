package dev.leakguard.source;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Makes a file that the Java parser cannot read readable, one error at a time, keeping every line
 * where it was (findings name lines of the real file). What it repairs: a local enum (Java 16;
 * JavaParser reads local classes, records and interfaces, not local enums) becomes a local class:
 * its constants are blanked, and a constant's class body becomes a member class named after the
 * constant. The enum's methods, its constants' included, are analysed as written: nothing is lost.
 * Any other error is not repaired, and the file is skipped with it.
 */
final class ParseRepair {
  /** Repairs tried on one file before it is given up. */
  static final int MAX_REPAIRS = 64;

  private ParseRepair() {}

  /**
   * The parse of {@code text} after its repairs: {@code failed} (its parse) repaired one error at
   * a time, each time parsed again with {@code parser}. Successful if every error could be
   * repaired; otherwise the parse whose first error could not be.
   */
  static ParseResult<CompilationUnit> repair(
      String text,
      ParseResult<CompilationUnit> failed,
      Function<String, ParseResult<CompilationUnit>> parser) {
    String current = text;
    ParseResult<CompilationUnit> result = failed;
    for (int i = 0; i < MAX_REPAIRS && !(result.isSuccessful() && result.getResult().isPresent()); i++) {
      if (result.getProblems().isEmpty()) {
        return result;
      }
      Range at = result.getProblem(0).getLocation().flatMap(t -> t.getBegin().getRange()).orElse(null);
      int offset = at == null ? -1 : offsetOf(current, at.begin.line, at.begin.column);
      String next = offset < 0 ? null : localEnum(current, tokens(current), offset);
      if (next == null) {
        return result;
      }
      current = next;
      result = parser.apply(current);
    }
    return result;
  }

  /**
   * If the error is at the name of a local enum or just after it ({@code enum Name {} or {@code
   * enum Name implements}), the text with that enum turned into a local class; otherwise null.
   */
  private static String localEnum(String text, List<Token> tokens, int offset) {
    int k = tokenAt(tokens, offset);
    if (k >= tokens.size()) {
      return null;
    }
    int at = isEnumKeyword(text, tokens, k - 1) ? k - 1 : isEnumKeyword(text, tokens, k - 2) ? k - 2 : -1;
    if (at < 0 || tokens.get(at + 1).kind != 'w') {
      return null;
    }
    Token keyword = tokens.get(at);
    int open = at + 2;
    while (open < tokens.size() && tokens.get(open).kind != '{') {
      char c = tokens.get(open).kind;
      if (c == ';' || c == '}') {
        return null;
      }
      open++;
    }
    int close = matching(tokens, open);
    if (close < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    out.append(text, 0, keyword.start).append("class");
    out.append(text, keyword.end, tokens.get(open).end);
    int pos = tokens.get(open).end; // the text before pos is in out
    int i = open + 1;
    while (i < close) {
      // one constant, tokens [i, end): [annotations] name [(arguments)] [{class body}]
      int end = i;
      int depth = 0;
      int body = -1;
      while (end < close) {
        char c = tokens.get(end).kind;
        if (depth == 0 && (c == ',' || c == ';')) {
          break;
        }
        if (depth == 0 && c == '{' && body < 0) {
          body = end;
          end = matching(tokens, end);
        } else if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
        }
        end++;
      }
      if (body >= 0) {
        Token name = constantName(tokens, i, body);
        if (name == null) {
          return null;
        }
        int bodyEnd = matching(tokens, body);
        blank(out, text, pos, tokens.get(body).start);
        out.append(" class ").append(name.text(text)).append(' ');
        out.append(text, tokens.get(body).start, tokens.get(bodyEnd).end);
        pos = tokens.get(bodyEnd).end;
      }
      int stop = tokens.get(Math.min(end, close)).start;
      blank(out, text, pos, stop);
      pos = stop;
      if (end >= close || tokens.get(end).kind == ';') {
        break; // the members after the constants' ';' stay as they are
      }
      blank(out, text, pos, tokens.get(end).end); // the ','
      pos = tokens.get(end).end;
      i = end + 1;
    }
    out.append(text, pos, text.length());
    return out.toString();
  }

  private static boolean isEnumKeyword(String text, List<Token> tokens, int i) {
    return i >= 0 && tokens.get(i).kind == 'w' && tokens.get(i).text(text).equals("enum");
  }

  /** The constant's name among tokens [from, to): the first word that is not an annotation. */
  private static Token constantName(List<Token> tokens, int from, int to) {
    int i = from;
    while (i < to && tokens.get(i).kind == '@') {
      i += 2; // '@' and the annotation's name, then the rest of a qualified name
      while (i + 1 < to && tokens.get(i).kind == '.' && tokens.get(i + 1).kind == 'w') {
        i += 2;
      }
      if (i < to && tokens.get(i).kind == '(') {
        int depth = 0;
        do {
          char c = tokens.get(i).kind;
          depth += c == '(' ? 1 : c == ')' ? -1 : 0;
          i++;
        } while (i < to && depth > 0);
      }
    }
    return i < to && tokens.get(i).kind == 'w' ? tokens.get(i) : null;
  }

  /** Appends text[from, to) with everything but line breaks replaced by spaces. */
  private static void blank(StringBuilder out, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      out.append(c == '\n' || c == '\r' ? c : ' ');
    }
  }

  /** The index of the '}' that closes the '{' at {@code open}, or -1. */
  private static int matching(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      char c = tokens.get(i).kind;
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first token that ends after {@code offset} (the token the error is at). */
  private static int tokenAt(List<Token> tokens, int offset) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).end > offset) {
        return i;
      }
    }
    return tokens.size();
  }

  /** The offset of a 1-based line and column (a tab is one column), or -1. */
  static int offsetOf(String text, int line, int column) {
    int l = 1;
    int i = 0;
    while (l < line && i < text.length()) {
      char c = text.charAt(i++);
      if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
        l++;
      }
    }
    int offset = i + column - 1;
    return l == line && offset >= 0 && offset <= text.length() ? offset : -1;
  }

  /**
   * A token of the text: {@code kind} is 'w' for a word (identifier or keyword), 'l' for a
   * literal, otherwise the punctuation character itself. Comments and white space are not tokens.
   */
  private record Token(int start, int end, char kind) {
    String text(String source) {
      return source.substring(start, end);
    }
  }

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int e = s.indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        int j = i + 3;
        while (j < n && !s.startsWith("\"\"\"", j)) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(n, j + 3);
        out.add(new Token(i, j, 'l'));
        i = j;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(n, j + 1);
        out.add(new Token(i, j, 'l'));
        i = j;
      } else if (Character.isJavaIdentifierStart(c)) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
          j++;
        }
        out.add(new Token(i, j, 'w'));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
          j++;
        }
        out.add(new Token(i, j, 'l'));
        i = j;
      } else {
        out.add(new Token(i, i + 1, c));
        i++;
      }
    }
    return out;
  }
}
