package dev.leakguard.core.pool;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one pool in one effective document (a later key wins, as in Spring), or of one
 * pool object configured in a Java method.
 *
 * @param pool the pool
 * @param prefix the key prefix the settings share ({@code spring.datasource.hikari.}, {@code c3p0.}
 *     or empty), used to name a setting that is not there
 * @param kebab whether keys of this file are usually written in kebab case (Spring Boot files)
 * @param complete whether a setting that is not here is at the pool's default. True for a file,
 *     which is the whole configuration of its pool; false for settings found in Java code, where
 *     the object may be configured elsewhere too, so rules about missing settings or defaults do
 *     not apply
 * @param byName the settings by relaxed name
 */
public record PoolSettings(
    Pool pool, String prefix, boolean kebab, boolean complete, Map<String, Setting> byName) {
  /** The settings of a configuration file. */
  public PoolSettings(Pool pool, String prefix, boolean kebab) {
    this(pool, prefix, kebab, true, new LinkedHashMap<>());
  }

  public Setting get(String name) {
    return byName.get(Pool.relaxed(name));
  }

  /** The first setting of the pool in the file, where a finding about a missing setting goes. */
  Setting first() {
    Setting first = null;
    for (Setting s : byName.values()) {
      if (first == null || s.line() < first.line()) {
        first = s;
      }
    }
    return first;
  }

  /** The key a missing setting would have in this file. */
  String keyOf(String camelName) {
    if (!kebab) {
      return prefix + camelName;
    }
    StringBuilder sb = new StringBuilder(prefix);
    for (char c : camelName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('-').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
