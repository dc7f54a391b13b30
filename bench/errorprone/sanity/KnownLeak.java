package bench.sanity;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Compiled before the benchmark: LeakGuard must report the connection that is never closed. */
final class KnownLeak {
  int isolation(DataSource dataSource) throws SQLException {
    Connection connection = dataSource.getConnection();
    return connection.getTransactionIsolation();
  }
}
