package corpus.aliasing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.dbutils.DbUtils;

/**
 * Resources collected in a local collection and closed by a loop over it in a finally block.
 * Each close in the loop is quiet (or in its own try/catch), so one failing close does not skip
 * the rest.
 */
public class StatementListDao {
  private static final String INSERT_AUDIT = "INSERT INTO audit (entry) VALUES (?)";

  public void runAllListClosedQuietly(Connection con, List<String> script) throws SQLException {
    List<Statement> statements = new ArrayList<>();
    try {
      for (String sql : script) {
        Statement st = con.createStatement();
        statements.add(st);
        st.execute(sql);
      }
    } finally {
      for (Statement st : statements) {
        DbUtils.closeQuietly(st);
      }
    }
  }

  public void runAllListClosedWithCatch(Connection con, List<String> script) throws SQLException {
    List<Statement> statements = new ArrayList<>();
    try {
      for (String sql : script) {
        Statement st = con.createStatement();
        statements.add(st);
        st.execute(sql);
      }
    } finally {
      for (Statement st : statements) {
        try {
          st.close();
        } catch (SQLException e) {
          System.err.println("closing a script statement failed: " + e.getMessage());
        }
      }
    }
  }

  /** Prepared statements kept per table in a deque, closed in reverse order of creation. */
  public void auditTablesDequeClosed(Connection con, List<String> tables) throws SQLException {
    Deque<PreparedStatement> open = new ArrayDeque<>();
    try {
      for (String table : tables) {
        PreparedStatement ps = con.prepareStatement(INSERT_AUDIT);
        open.push(ps);
        ps.setString(1, "checked " + table);
        ps.executeUpdate();
      }
    } finally {
      while (!open.isEmpty()) {
        DbUtils.closeQuietly(open.pop());
      }
    }
  }
}
