package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A field the class closes, refreshed in a loop: each new statement overwrites the previous one,
 * which nothing closes any more.
 */
public final class FieldOverwritten implements AutoCloseable {
  private final Connection con;
  private PreparedStatement current;

  public FieldOverwritten(Connection con) {
    this.con = con;
  }

  public void runAll(List<String> script) throws SQLException {
    for (String sql : script) {
      current = con.prepareStatement(sql); // LEAK JdbcStatementLeak
      current.execute();
    }
  }

  public void runAllClosingThePrevious(List<String> script) throws SQLException {
    for (String sql : script) {
      if (current != null) {
        current.close();
      }
      current = con.prepareStatement(sql);
      current.execute();
    }
  }

  /** Opened once, when there is none yet. */
  public boolean runLazily(String sql) throws SQLException {
    if (current == null) {
      current = con.prepareStatement(sql);
    }
    return current.execute();
  }

  @Override
  public void close() throws SQLException {
    if (current != null) {
      current.close();
    }
  }
}
