package dev.leakguard.core.pool;

/**
 * One pool setting, as written: a key of a configuration file or a setter call in Java code.
 *
 * @param key the setting's name in reports and fingerprints: the full key of a file ({@code
 *     spring.datasource.hikari.maximum-pool-size}) or the setting a setter sets ({@code
 *     maximumPoolSize})
 * @param value the value in a form {@link Values} reads (placeholders with a default, {@code
 *     ${X:10}}, resolved to it; a {@code Duration} argument as {@code <n>ms})
 * @param line 1-based line of the key or of the setter call
 * @param shown how a message quotes the setting: {@code key=value} for a file, the call for code
 */
public record Setting(String key, String value, int line, String shown) {
  /** A key of a configuration file, quoted as {@code key=value}. */
  public Setting(String key, String value, int line) {
    this(key, value, line, key + "=" + value);
  }
}
