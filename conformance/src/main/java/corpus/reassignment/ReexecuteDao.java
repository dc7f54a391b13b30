package corpus.reassignment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-executing one statement in a loop: each executeQuery implicitly closes the statement's
 * previous result set (JDBC), and closing the statement closes the last one, so no result set is
 * reported when the statement is closed. When the statement itself is never closed, the last
 * result set stays open with it.
 */
public class ReexecuteDao {
  private static final String FIND_NAME = "SELECT name FROM customers WHERE id = ?";
  private static final String ROW_COUNT = "SELECT COUNT(*) FROM ";

  public Map<Long, String> namesByIdReexecuted(Connection con, List<Long> ids)
      throws SQLException {
    Map<Long, String> names = new HashMap<>();
    try (PreparedStatement ps = con.prepareStatement(FIND_NAME)) {
      for (long id : ids) {
        ps.setLong(1, id);
        ResultSet rs = ps.executeQuery();
        if (rs.next()) {
          names.put(id, rs.getString(1));
        }
      }
    }
    return names;
  }

  /** The result set variable lives outside the loop and is overwritten by each execution. */
  public Map<String, Long> rowCountsSharedVariable(Connection con, List<String> tables)
      throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    Statement st = con.createStatement();
    try {
      ResultSet rs = null;
      for (String table : tables) {
        rs = st.executeQuery(ROW_COUNT + table);
        counts.put(table, rs.next() ? rs.getLong(1) : 0L);
      }
    } finally {
      st.close();
    }
    return counts;
  }

  /** Nothing is closed: the statement leaks, with the result set of the last query, which it closes. */
  public Map<Long, String> namesByIdNeverClosed(Connection con, List<Long> ids)
      throws SQLException {
    Map<Long, String> names = new HashMap<>();
    PreparedStatement ps = con.prepareStatement(FIND_NAME); // LEAK JdbcStatementLeak
    for (long id : ids) {
      ps.setLong(1, id);
      ResultSet rs = ps.executeQuery(); // closed with its statement, which is reported
      if (rs.next()) {
        names.put(id, rs.getString(1));
      }
    }
    return names;
  }
}
