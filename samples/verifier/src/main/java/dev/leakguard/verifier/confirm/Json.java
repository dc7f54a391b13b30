package dev.leakguard.verifier.confirm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (RFC 8259), enough to read SARIF without a library: objects become {@link
 * Map}s in document order, arrays {@link List}s, numbers {@link Long} or {@link Double}, and
 * {@code null} null. Errors name the offset.
 */
final class Json {
  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** Parses one JSON value filling the whole text. */
  static Object parse(String text) {
    Json json = new Json(text);
    json.skipSpace();
    Object value = json.value();
    json.skipSpace();
    if (json.at != text.length()) {
      throw json.error("unexpected text after the value");
    }
    return value;
  }

  /** The member {@code name} of {@code object} if it is an object, else null. */
  static Object member(Object object, String name) {
    return object instanceof Map<?, ?> map ? map.get(name) : null;
  }

  /** {@code object.a.b.c...}, or null if any step is missing or not an object. */
  static Object path(Object object, String... names) {
    Object current = object;
    for (String name : names) {
      current = member(current, name);
    }
    return current;
  }

  /** The elements of {@code value} if it is an array, else an empty list. */
  static List<?> array(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  private Object value() {
    if (at >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new LinkedHashMap<>();
    at++; // {
    skipSpace();
    if (peek('}')) {
      at++;
      return members;
    }
    while (true) {
      skipSpace();
      if (!peek('"')) {
        throw error("expected a member name");
      }
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      members.put(name, value());
      skipSpace();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return members;
      }
    }
  }

  private List<Object> array() {
    List<Object> elements = new ArrayList<>();
    at++; // [
    skipSpace();
    if (peek(']')) {
      at++;
      return elements;
    }
    while (true) {
      skipSpace();
      elements.add(value());
      skipSpace();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return elements;
      }
    }
  }

  private String string() {
    at++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          at += 4;
        }
        default -> throw error("bad escape '\\" + e + "'");
      }
    }
  }

  private Object number() {
    int start = at;
    if (peek('-')) {
      at++;
    }
    boolean integral = true;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c >= '0' && c <= '9') {
        at++;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        integral = false;
        at++;
      } else {
        break;
      }
    }
    String digits = text.substring(start, at);
    try {
      if (integral) {
        try {
          return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
          return Double.parseDouble(digits);
        }
      }
      return Double.parseDouble(digits);
    } catch (NumberFormatException e) {
      at = start;
      throw error("bad number '" + digits + "'");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected character '" + text.charAt(at) + "'");
    }
    at += word.length();
    return value;
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        at++;
      } else {
        return;
      }
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("JSON: " + message + " at offset " + at);
  }
}
