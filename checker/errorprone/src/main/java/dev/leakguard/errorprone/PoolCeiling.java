package dev.leakguard.errorprone;

import com.google.errorprone.ErrorProneFlags;
import dev.leakguard.core.pool.PoolRules;
import java.util.Optional;

/**
 * The largest maximum pool size the pool checks accept, from {@code
 * -XepOpt:LeakGuard:PoolSizeCeiling=N} (default {@link PoolRules#DEFAULT_MAX_POOL_SIZE_CEILING}).
 * A value that is not a whole number of at least 2 is reported once as a compilation error, as a
 * bad model file is; the checks then run with the default.
 */
final class PoolCeiling {
  static final String FLAG = "LeakGuard:PoolSizeCeiling";

  private static final PoolCeiling DEFAULT = new PoolCeiling(PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING, null);

  final int value;
  final String error;

  private PoolCeiling(int value, String error) {
    this.value = value;
    this.error = error;
  }

  static PoolCeiling forFlags(ErrorProneFlags flags) {
    Optional<String> given = flags == null ? Optional.empty() : flags.get(FLAG);
    return given.isEmpty() ? DEFAULT : parse(given.get());
  }

  static PoolCeiling parse(String text) {
    String problem;
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= 2) {
        return new PoolCeiling(n, null);
      }
      problem = "a pool needs at least 2 connections, so the ceiling must be at least 2";
    } catch (NumberFormatException e) {
      problem = "it is not a whole number";
    }
    return new PoolCeiling(
        DEFAULT.value,
        "LeakGuard: cannot use -XepOpt:" + FLAG + "=" + text + ": " + problem
            + " (the largest maximum pool size accepted without a JdbcPoolSizeOutOfRange finding,"
            + " e.g. -XepOpt:" + FLAG + "=50); the pool checks use the default of " + DEFAULT.value);
  }
}
