package dev.leakguard.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code includes}/{@code excludes} parameters: Ant-style globs matched against a source file's
 * path below its source root ({@code com/acme/legacy/OldDao.java}) and against its path below the
 * module ({@code src/main/java/com/acme/legacy/OldDao.java}); either match counts. {@code **}
 * matches any number of directories (also none), {@code *} any characters but '/', {@code ?} one.
 * A file is kept if it matches an include (or there are none) and no exclude.
 */
public final class PathFilter {
  private final List<String> includeGlobs;
  private final List<String> excludeGlobs;
  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  public PathFilter(List<String> includes, List<String> excludes) {
    this.includeGlobs = clean(includes);
    this.excludeGlobs = clean(excludes);
    this.includes = compile(includeGlobs);
    this.excludes = compile(excludeGlobs);
  }

  /** True when no include or exclude is configured. */
  public boolean isEmpty() {
    return includes.isEmpty() && excludes.isEmpty();
  }

  /** Whether a file with these paths is analysed and reported. */
  public boolean accepts(String... paths) {
    boolean included = includes.isEmpty();
    for (Pattern p : includes) {
      included |= matchesAny(p, paths);
    }
    if (!included) {
      return false;
    }
    for (Pattern p : excludes) {
      if (matchesAny(p, paths)) {
        return false;
      }
    }
    return true;
  }

  public boolean accepts(InputFile f) {
    return accepts(f.rootRelative(), f.moduleRelative());
  }

  @Override
  public String toString() {
    return "includes=" + includeGlobs + " excludes=" + excludeGlobs;
  }

  private static boolean matchesAny(Pattern p, String... paths) {
    for (String s : paths) {
      if (s != null && p.matcher(s).matches()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> clean(List<String> globs) {
    List<String> out = new ArrayList<>();
    if (globs != null) {
      for (String g : globs) {
        if (g == null) {
          continue;
        }
        for (String part : g.split(",")) {
          String t = part.trim().replace('\\', '/');
          while (t.startsWith("./")) {
            t = t.substring(2);
          }
          if (!t.isEmpty()) {
            out.add(t);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<Pattern> compile(List<String> globs) {
    List<Pattern> out = new ArrayList<>();
    for (String g : globs) {
      out.add(toRegex(g));
    }
    return List.copyOf(out);
  }

  /** Translates one glob; a trailing '/' means everything below that directory. */
  static Pattern toRegex(String glob) {
    String g = glob.endsWith("/") ? glob + "**" : glob;
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*') {
        boolean twice = i + 1 < g.length() && g.charAt(i + 1) == '*';
        if (twice) {
          boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
          if (slashAfter) {
            re.append("(?:.*/)?");
            i += 2;
          } else {
            re.append(".*");
            i += 1;
          }
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
