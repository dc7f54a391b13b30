package corpus.inference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Two acquisitions in one chain ({@code getConnection().prepareStatement(sql)}) are two sites: a
 * try-with-resources that closes the statement says nothing about who closes the connection. Had
 * the two calls been taken for one site, that close would count as evidence that callers close
 * what {@code getConnection()} returns, and every other caller of it would be told to close a
 * borrowed connection.
 */
public class ChainedAcquisitions {
  /** A context that lends its connection; no body: names and callers decide. */
  public interface Context {
    Connection getConnection();

    default long count(String sql) throws SQLException {
      try (PreparedStatement ps = getConnection().prepareStatement(sql);
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  public String schema(Context context) throws SQLException {
    return context.getConnection().getSchema();
  }

  public long rows(Context context) throws SQLException {
    try (PreparedStatement ps = context.getConnection().prepareStatement("select count(*) from t")) {
      ps.execute();
      return ps.getUpdateCount();
    }
  }

  /** The near miss: a chain whose first call opens a connection leaves that connection open. */
  public interface Source {
    Connection openConnection() throws SQLException;
  }

  public long opened(Source source) throws SQLException {
    try (PreparedStatement ps = source.openConnection().prepareStatement("select 1")) { // LEAK JdbcConnectionLeak
      ps.execute();
      return ps.getUpdateCount();
    }
  }
}
