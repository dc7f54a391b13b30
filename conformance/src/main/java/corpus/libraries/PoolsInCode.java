package corpus.libraries;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * Connection pools created in code: one created per call and dropped keeps its connections and
 * threads open. A pool that is returned (a bean factory method), kept in a field closed on
 * shutdown, or closed is fine.
 */
public class PoolsInCode implements AutoCloseable {
  private final HikariDataSource shared;

  public PoolsInCode(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(10);
    this.shared = new HikariDataSource(config);
  }

  /** A pool per call, never closed: each call leaves a pool with open connections behind. */
  public boolean pingWithNewPool(String url) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(10);
    HikariDataSource pool = new HikariDataSource(config); // LEAK ConnectionPoolLeak
    try (Connection con = pool.getConnection()) {
      return con.isValid(1);
    }
  }

  public int countWithNewBasicPool(String url) throws SQLException {
    BasicDataSource pool = new BasicDataSource(); // LEAK ConnectionPoolLeak
    pool.setUrl(url);
    pool.setMaxTotal(10);
    try (Connection con = pool.getConnection()) {
      return con.getTransactionIsolation();
    }
  }

  /** A bean factory method: the container owns the pool it returns. */
  public DataSource dataSource(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(10);
    return new HikariDataSource(config);
  }

  /**
   * A factory whose configuration can fail after the pool object exists: DBCP2 opens nothing
   * before the first getConnection(), so the failing path leaks no connection.
   */
  public BasicDataSource configuredPool(String url, String initSql) throws SQLException {
    BasicDataSource pool = new BasicDataSource();
    pool.setUrl(url);
    if (initSql.isBlank()) {
      throw new SQLException("no initialisation statement");
    }
    pool.setConnectionInitSqls(java.util.List.of(initSql));
    return pool;
  }

  public boolean pingWithClosedPool(String url) throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(10);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection con = pool.getConnection()) {
      return con.isValid(1);
    }
  }

  public boolean pingShared() throws SQLException {
    try (Connection con = shared.getConnection()) {
      return con.isValid(1);
    }
  }

  @Override
  public void close() {
    shared.close();
  }
}
