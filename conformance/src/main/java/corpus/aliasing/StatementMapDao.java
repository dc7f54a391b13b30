package corpus.aliasing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements kept in a map: a local map closed by a loop over its values, and a field map (a
 * statement cache) that the class closes when it is closed.
 */
public class StatementMapDao implements AutoCloseable {
  private final Map<String, PreparedStatement> cache = new HashMap<>();
  private final Connection con;

  public StatementMapDao(Connection con) {
    this.con = con;
  }

  public void runAll(List<String> script) throws SQLException {
    Map<String, PreparedStatement> prepared = new HashMap<>();
    try {
      for (String sql : script) {
        PreparedStatement ps = con.prepareStatement(sql);
        prepared.put(sql, ps);
        ps.execute();
      }
    } finally {
      for (PreparedStatement ps : prepared.values()) {
        try {
          ps.close();
        } catch (SQLException e) {
          System.err.println("closing a script statement failed: " + e.getMessage());
        }
      }
    }
  }

  public void runAllNeverClosed(List<String> script) throws SQLException {
    Map<String, PreparedStatement> prepared = new HashMap<>();
    for (String sql : script) {
      PreparedStatement ps = con.prepareStatement(sql); // LEAK JdbcStatementLeak
      prepared.put(sql, ps);
      ps.execute();
    }
  }

  /** The cache owns the statement as soon as it is put there, before execute() can throw. */
  public boolean runCached(String sql) throws SQLException {
    PreparedStatement ps = cache.get(sql);
    if (ps == null) {
      ps = con.prepareStatement(sql);
      cache.put(sql, ps);
    }
    return ps.execute();
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : cache.values()) {
      ps.close();
    }
    cache.clear();
  }
}
