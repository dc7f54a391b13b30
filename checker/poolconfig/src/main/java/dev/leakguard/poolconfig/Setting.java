package dev.leakguard.poolconfig;

/**
 * One key of a configuration file, as written.
 *
 * @param key the full key as written, e.g. {@code spring.datasource.hikari.maximum-pool-size}
 * @param value the value as written (placeholders with a default, {@code ${X:10}}, resolved to it)
 * @param line 1-based line of the key
 */
record Setting(String key, String value, int line) {}
