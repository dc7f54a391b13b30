package bench.sanity;

/**
 * Compiled before the benchmark: the one built-in check of ways (b) and (c),
 * LongLiteralLowerCaseSuffix, must report this literal, or (b) is not the floor it claims to be.
 */
final class FloorCheck {
  static final long TIMEOUT_MILLIS = 30000l;
}
