package corpus.basic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Closes that depend on a condition: a flag, the outcome of a query, or a guard on the wrong
 * variable; with near-misses that close on both branches of the condition.
 */
public class ConditionalCloseDao {
  private static final String LATEST = "SELECT title FROM notes ORDER BY created_at DESC";
  private static final String ARCHIVE = "UPDATE notes SET archived = TRUE WHERE id = ?";
  private static final String DELETE = "DELETE FROM notes WHERE id = ?";
  private static final String PIN = "UPDATE notes SET pinned = TRUE WHERE id = ?";

  private final DataSource dataSource;

  public ConditionalCloseDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Keeps the connection open in batch mode, so the caller never gets it back to close. */
  public void archiveConditionalClose(long noteId, boolean batchMode) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try (PreparedStatement ps = con.prepareStatement(ARCHIVE)) {
      ps.setLong(1, noteId);
      ps.executeUpdate();
    } finally {
      if (!batchMode) {
        con.close();
      }
    }
  }

  public void archiveFixed(long noteId) throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(ARCHIVE)) {
      ps.setLong(1, noteId);
      ps.executeUpdate();
    }
  }

  /**
   * Everything is closed only if the result set was created: when createStatement or
   * executeQuery throws, the finally closes nothing.
   */
  public String latestTitleConditionalClose() throws SQLException {
    Connection con = null;
    Statement st = null;
    ResultSet rs = null;
    try {
      con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      st = con.createStatement(); // LEAK JdbcStatementLeak
      rs = st.executeQuery(LATEST);
      return rs.next() ? rs.getString(1) : null;
    } finally {
      if (rs != null) {
        rs.close();
        st.close();
        con.close();
      }
    }
  }

  public String latestTitleFixed() throws SQLException {
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(LATEST)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Closes the statement only when a row was deleted. */
  public boolean deleteClosedWhenFound(Connection con, long noteId) throws SQLException {
    PreparedStatement ps = con.prepareStatement(DELETE); // LEAK JdbcStatementLeak
    int deleted;
    try {
      ps.setLong(1, noteId);
      deleted = ps.executeUpdate();
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
    if (deleted > 0) {
      ps.close();
      return true;
    }
    return false;
  }

  /** Near-miss: the close is conditional, but each branch closes. */
  public boolean deleteClosedOnBothBranches(Connection con, long noteId) throws SQLException {
    PreparedStatement ps = con.prepareStatement(DELETE);
    int deleted;
    try {
      ps.setLong(1, noteId);
      deleted = ps.executeUpdate();
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
    if (deleted > 0) {
      ps.close();
      return true;
    } else {
      ps.close();
      return false;
    }
  }

  /** Near-miss: two branches with different statements, each closed by its own try. */
  public void pinOrDelete(long noteId, boolean delete) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      if (delete) {
        try (PreparedStatement ps = con.prepareStatement(DELETE)) {
          ps.setLong(1, noteId);
          ps.executeUpdate();
        }
      } else {
        try (PreparedStatement ps = con.prepareStatement(PIN)) {
          ps.setLong(1, noteId);
          ps.executeUpdate();
        }
      }
    } finally {
      con.close();
    }
  }
}
