package dev.leakguard.spotbugs;

import dev.leakguard.core.pool.PoolRules;
import edu.umd.cs.findbugs.SystemProperties;

/**
 * The largest maximum pool size accepted without a {@code JdbcPoolSizeOutOfRange} finding: the
 * property {@value #PROPERTY}, read like {@code leakguard.modelFile} from SpotBugs' own properties
 * ({@link SystemProperties}: the JVM's system properties plus a file given with {@code
 * -Dfindbugs.loadPropertiesFrom=<url>}). A value that is not a whole number of at least 2 is
 * reported once as an analysis error naming the property and the value; the analysis then goes on
 * with the default of {@value PoolRules#DEFAULT_MAX_POOL_SIZE_CEILING}.
 */
final class PoolCeiling {
  static final String PROPERTY = "leakguard.poolSizeCeiling";

  /** The ceiling to use and, if the configured value could not be used, why. */
  record Loaded(int value, String error) {}

  private PoolCeiling() {}

  static Loaded load() {
    return load(SystemProperties.getProperty(PROPERTY));
  }

  static Loaded load(String value) {
    int fallback = PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING;
    if (value == null || value.isBlank()) {
      return new Loaded(fallback, null);
    }
    String v = value.strip();
    String why;
    if (!v.matches("[+-]?\\d+")) {
      why = "not a whole number";
    } else {
      try {
        int n = Integer.parseInt(v);
        if (n >= 2) {
          return new Loaded(n, null);
        }
        why = "the ceiling must be at least 2";
      } catch (NumberFormatException e) {
        why = "too large (at most " + Integer.MAX_VALUE + ")";
      }
    }
    return new Loaded(
        fallback,
        "LeakGuard: cannot use " + PROPERTY + "=" + value + ": " + why
            + "; checking pool sizes against the default ceiling of " + fallback);
  }
}
