package dev.leakguard.errorprone;

import com.google.errorprone.bugpatterns.BugChecker;
import java.util.List;

/** Every LeakGuard check, in check-id order. */
public final class Checks {
  public static final List<Class<? extends BugChecker>> ALL =
      List.of(
          JdbcConnectionLeak.class,
          JdbcStatementLeak.class,
          JdbcResultSetLeak.class,
          JdbcStatementLeftToConnectionClose.class,
          JdbcCloseChain.class,
          JdbcUnclosedOwningField.class,
          DbSessionLeak.class,
          DbCursorLeak.class,
          ConnectionPoolLeak.class,
          HttpResponseLeak.class,
          RedisConnectionLeak.class,
          JmsResourceLeak.class,
          JdbcPoolSizeOutOfRange.class,
          JdbcPoolUnboundedWait.class,
          JdbcPoolLifetimeMisconfigured.class,
          JdbcPoolLeakDetectionIgnored.class,
          JdbcPoolAbandonedMisconfigured.class);

  private Checks() {}
}
