package corpus.ownership;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Helpers that take over a result set and close it: one closes it in a finally (on every path),
 * the other only once it got going, so its early failure leaves the caller's result set open. And
 * a release helper that closes either the connection or the one it wraps.
 */
public class HelperClosesOnReturn {
  private final DataSource dataSource;

  public HelperClosesOnReturn(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Closes the connection, or the connection it wraps: either way the caller's is released. */
  static void release(Connection con, boolean wrapped) {
    try {
      if (wrapped) {
        con.unwrap(Connection.class).close();
        return;
      }
      con.close();
    } catch (SQLException e) {
      System.err.println("close failed: " + e.getMessage());
    }
  }

  public String catalog(boolean wrapped) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      return con.getCatalog();
    } finally {
      release(con, wrapped);
    }
  }

  static int countClosingAlways(ResultSet rs) throws SQLException {
    int n = 0;
    try {
      while (rs.next()) {
        n++;
      }
    } finally {
      rs.close();
    }
    return n;
  }

  static int countClosingOnceStarted(ResultSet rs, int limit) throws SQLException {
    if (limit < 0) {
      throw new SQLException("negative limit " + limit);
    }
    int n = 0;
    try {
      while (n < limit && rs.next()) {
        n++;
      }
    } finally {
      rs.close();
    }
    return n;
  }

  public int tables(DatabaseMetaData md) throws SQLException {
    ResultSet rs = md.getTables(null, null, "%", null);
    return countClosingAlways(rs);
  }

  public int someTables(DatabaseMetaData md, int limit) throws SQLException {
    ResultSet rs = md.getTables(null, null, "%", null); // LEAK JdbcResultSetLeak
    return countClosingOnceStarted(rs, limit);
  }
}
