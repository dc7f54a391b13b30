package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Resources passed to helper methods of this file. A helper that closes its parameter on every
 * path releases the caller's resource; a helper that only reads from it does not, and the caller
 * still leaks it.
 */
public class HelperCloseDao {
  private static final String INSERT_NOTE = "INSERT INTO notes (body) VALUES (?)";
  private static final String COUNT_NOTES = "SELECT COUNT(*) FROM notes";

  private final DataSource dataSource;

  public HelperCloseDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Closes any resource, logging instead of throwing. */
  private static void closeSilently(AutoCloseable resource) {
    if (resource == null) {
      return;
    }
    try {
      resource.close();
    } catch (Exception e) {
      System.err.println("close failed: " + e.getMessage());
    }
  }

  /** Commits and closes; the close runs even when the commit fails. */
  private static void commitAndRelease(Connection con) throws SQLException {
    try {
      con.commit();
    } finally {
      con.close();
    }
  }

  /** Only reads from the connection. */
  private static String describe(Connection con) throws SQLException {
    return con.getCatalog() + "/" + con.getSchema();
  }

  /** Only reads from the statement. */
  private static int updateCount(Statement st, String sql) throws SQLException {
    return st.executeUpdate(sql);
  }

  public String describeClosedByHelper() throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      return describe(con);
    } finally {
      closeSilently(con);
    }
  }

  /** The helper only reads; nobody closes the connection. */
  public String describeHelperOnlyReads() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    return describe(con);
  }

  public void addNoteCommitAndRelease(String body) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      con.setAutoCommit(false);
      try (PreparedStatement ps = con.prepareStatement(INSERT_NOTE)) {
        ps.setString(1, body);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      closeSilently(con);
      throw e;
    }
    commitAndRelease(con);
  }

  public int purgeStatementClosedByHelper(Connection con, String sql) throws SQLException {
    Statement st = con.createStatement();
    try {
      return updateCount(st, sql);
    } finally {
      closeSilently(st);
    }
  }

  /** The statement is handed to a helper that uses it but does not close it. */
  public int purgeStatementHelperOnlyReads(Connection con, String sql) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    return updateCount(st, sql);
  }

  public long countNotesAllClosedByHelper() throws SQLException {
    Connection con = null;
    Statement st = null;
    ResultSet rs = null;
    try {
      con = dataSource.getConnection();
      st = con.createStatement();
      rs = st.executeQuery(COUNT_NOTES);
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      closeSilently(rs);
      closeSilently(st);
      closeSilently(con);
    }
  }

  /** Prints the rows, then closes the result set and its statement, even when printing fails. */
  private static long printAndCloseBoth(ResultSet rs, Statement st) throws SQLException {
    try {
      long n = 0;
      while (rs.next()) {
        System.out.println(rs.getString(1));
        n++;
      }
      return n;
    } finally {
      try {
        rs.close();
      } finally {
        st.close();
      }
    }
  }

  /** Prints the rows, then closes both; when printing fails, neither is closed. */
  private static long printThenCloseBoth(ResultSet rs, Statement st) throws SQLException {
    long n = 0;
    while (rs.next()) {
      System.out.println(rs.getString(1));
      n++;
    }
    rs.close();
    st.close();
    return n;
  }

  /** The helper closes both arguments on every path, its exception included. */
  public long printNotes(Connection con) throws SQLException {
    Statement st = con.createStatement();
    ResultSet rs;
    try {
      rs = st.executeQuery(COUNT_NOTES);
    } catch (SQLException e) {
      st.close();
      throw e;
    }
    return printAndCloseBoth(rs, st);
  }

  /** The helper closes both only when it returns: its exception leaves them open. */
  public long printNotesClosedOnReturn(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    ResultSet rs;
    try {
      rs = st.executeQuery(COUNT_NOTES); // closed with its statement, which is reported
    } catch (SQLException e) {
      st.close();
      throw e;
    }
    return printThenCloseBoth(rs, st);
  }
}
