package dev.leakguard.poolconfig;

import dev.leakguard.core.pool.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .properties} text with the line of every key, which {@link java.util.Properties}
 * does not keep: comments ({@code #}, {@code !}), the separators {@code =}, {@code :} and blanks,
 * continuation lines and escapes; {@code #---} / {@code !---} split documents as in Spring Boot.
 */
final class PropertiesReader {
  private PropertiesReader() {}

  static List<ConfigDocument> read(String text) throws MalformedConfigException {
    List<ConfigDocument> docs = new ArrayList<>();
    List<Setting> current = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = stripLeading(lines[i]);
      if (line.equals("#---") || line.equals("!---")) {
        docs.add(document(current));
        current = new ArrayList<>();
        continue;
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      StringBuilder logical = new StringBuilder();
      String part = line;
      while (endsWithOddBackslashes(part) && i + 1 < lines.length) {
        logical.append(part, 0, part.length() - 1);
        i++;
        part = stripLeading(lines[i]);
      }
      logical.append(endsWithOddBackslashes(part) ? part.substring(0, part.length() - 1) : part);
      String raw = logical.toString();
      int sep = separator(raw);
      String rawKey = sep < 0 ? raw : raw.substring(0, sep);
      String rawValue = sep < 0 ? "" : skipSeparator(raw, sep);
      current.add(new Setting(unescape(rawKey, lineNo), unescape(rawValue, lineNo).strip(), lineNo));
    }
    docs.add(document(current));
    return docs;
  }

  private static ConfigDocument document(List<Setting> settings) {
    String profile = null;
    for (Setting s : settings) {
      if (s.key().equals("spring.config.activate.on-profile") || s.key().equals("spring.profiles")) {
        profile = s.value();
      }
    }
    return new ConfigDocument(profile, List.copyOf(settings));
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
      i++;
    }
    return s.substring(i);
  }

  private static boolean endsWithOddBackslashes(String s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** Index of the first unescaped {@code =}, {@code :} or blank, or -1. */
  private static int separator(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
        return i;
      }
    }
    return -1;
  }

  private static String skipSeparator(String s, int sep) {
    int i = sep;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
      i++;
    }
    if (i < s.length() && (s.charAt(i) == '=' || s.charAt(i) == ':')) {
      i++;
    }
    return s.substring(i);
  }

  private static String unescape(String s, int line) throws MalformedConfigException {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 'f' -> sb.append('\f');
        case 'u' -> {
          String hex = s.substring(i + 1, Math.min(i + 5, s.length()));
          if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw new MalformedConfigException(line, "malformed \\uxxxx escape '\\u" + hex + "'");
          }
          sb.append((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        default -> sb.append(n);
      }
    }
    return sb.toString();
  }
}
