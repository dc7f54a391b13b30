package dev.leakguard.maven.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The engines the plugin knows, in the order they run and in which their messages are preferred. */
public final class Engines {
  /** Every Java engine (the ones {@code engines} picks from); adding one is a class and a line here. */
  public static final List<Engine> ALL =
      List.of(new ErrorProneEngine(), new SpotBugsEngine(), new SourceCodeEngine());

  /** The pool-configuration checks of the configuration files: run after the Java engines, not picked. */
  public static final Engine CONFIG = new PoolConfigEngine();

  private Engines() {}

  public static List<String> names() {
    return ALL.stream().map(Engine::name).toList();
  }

  /** A Java engine, or {@link #CONFIG} by its name. */
  public static Engine byName(String name) {
    for (Engine e : ALL) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    if (CONFIG.name().equals(name)) {
      return CONFIG;
    }
    throw new IllegalArgumentException(unknown(name));
  }

  /**
   * Parses the {@code engines} parameter (comma- or space-separated, case-insensitive) into
   * engine names in run order, without duplicates.
   *
   * @throws IllegalArgumentException naming the bad entry and the valid names
   */
  public static List<String> parse(String text) {
    List<String> wanted = new ArrayList<>();
    for (String raw : text.split("[,\\s]+")) {
      String n = raw.trim().toLowerCase(Locale.ROOT);
      if (n.isEmpty()) {
        continue;
      }
      if (!names().contains(n)) {
        throw new IllegalArgumentException(unknown(raw.trim()));
      }
      if (!wanted.contains(n)) {
        wanted.add(n);
      }
    }
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException(
          "leakguard.engines is empty; valid engine names: " + String.join(", ", names()));
    }
    List<String> ordered = new ArrayList<>(names());
    ordered.retainAll(wanted);
    return ordered;
  }

  private static String unknown(String name) {
    return "unknown LeakGuard engine '" + name + "' in leakguard.engines; valid engine names: "
        + names().stream().collect(Collectors.joining(", "));
  }
}
