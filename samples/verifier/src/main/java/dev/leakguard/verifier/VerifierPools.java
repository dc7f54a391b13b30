package dev.leakguard.verifier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Ready-made verifier pools: HikariCP over an embedded in-memory H2 database, which needs no
 * setup on a fresh machine. Each pool gets its own database, dropped when the verifier closes.
 */
public final class VerifierPools {

  /** HikariCP rejects a smaller connection timeout (it silently falls back to 30 s). */
  public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private VerifierPools() {}

  /**
   * A verifier over a new HikariCP pool of {@code maximumPoolSize} connections to a new
   * in-memory H2 database; a borrow waits at most {@code connectionTimeout} and then fails with
   * HikariCP's {@link java.sql.SQLTransientConnectionException}.
   */
  public static VerifyingDataSource h2Hikari(int maximumPoolSize, Duration connectionTimeout) {
    return hikari(h2HikariConfig(maximumPoolSize, connectionTimeout), builder -> {});
  }

  /**
   * The HikariCP settings {@link #h2Hikari(int, Duration)} uses, to adjust before building with
   * {@link #hikari}. The pool is filled to its maximum size at start, so a test sees exhaustion
   * after exactly {@code maximumPoolSize} leaked connections.
   */
  public static HikariConfig h2HikariConfig(int maximumPoolSize, Duration connectionTimeout) {
    if (maximumPoolSize < 1) {
      throw new IllegalArgumentException("maximumPoolSize must be at least 1");
    }
    if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "HikariCP needs a connectionTimeout of at least 250 ms, got " + connectionTimeout);
    }
    int n = COUNTER.incrementAndGet();
    HikariConfig config = new HikariConfig();
    config.setPoolName("leakguard-h2-" + n);
    config.setJdbcUrl("jdbc:h2:mem:leakguard-" + n + ";DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(maximumPoolSize);
    config.setMinimumIdle(maximumPoolSize);
    config.setConnectionTimeout(connectionTimeout.toMillis());
    return config;
  }

  /**
   * A verifier over a new HikariCP pool built from {@code config}. Closing the verifier closes
   * the pool and, for an in-memory H2 database, drops the database.
   */
  public static VerifyingDataSource hikari(
      HikariConfig config, Consumer<VerifyingDataSource.Builder> settings) {
    HikariDataSource pool = new HikariDataSource(config);
    String url = config.getJdbcUrl();
    String user = config.getUsername();
    String password = config.getPassword();
    VerifyingDataSource.Builder builder =
        VerifyingDataSource.builder(pool)
            .name(config.getPoolName())
            .onClose(
                () -> {
                  pool.close();
                  if (url != null && url.startsWith("jdbc:h2:mem:")) {
                    dropInMemoryDatabase(url, user, password);
                  }
                });
    settings.accept(builder);
    return builder.build();
  }

  private static void dropInMemoryDatabase(String url, String user, String password)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }
}
