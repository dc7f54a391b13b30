package corpus.closechain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.dbutils.DbUtils;

/**
 * Close chains: one finally block closes several resources in sequence, and an earlier close()
 * can throw SQLException, skipping the later ones. A connection closed after a throwing close is
 * reported as JdbcCloseChain at its acquisition, but only when nothing else leaks it; the first
 * resource of the chain is always closed. A JDBC close throws only on a database access error (a
 * broken connection), whose statements and result sets go with it: a statement skipped by the
 * failing close of its own result set is not reported, but its connection must still be closed
 * (to go back to its pool), so a skipped connection is. A finally that calls something other than
 * a close before the close (commit) is an ordinary leak.
 */
public class ClassicFinallyDao {
  private static final String NAMES = "SELECT name FROM vendors ORDER BY name";
  private static final String SET_RATING = "UPDATE vendors SET rating = ? WHERE id = ?";
  private static final String COUNT = "SELECT COUNT(*) FROM vendors";

  private final DataSource dataSource;

  public ClassicFinallyDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * rs.close() can skip st.close() and con.close(); st.close() can skip con.close(). Only the
   * connection matters: the statement dies with the broken connection the failing close means.
   */
  public List<String> namesThreeResourceChain() throws SQLException {
    Connection con = null;
    Statement st = null;
    ResultSet rs = null;
    try {
      con = dataSource.getConnection(); // LEAK JdbcCloseChain
      st = con.createStatement();
      rs = st.executeQuery(NAMES);
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    } finally {
      if (rs != null) {
        rs.close();
      }
      if (st != null) {
        st.close();
      }
      if (con != null) {
        con.close();
      }
    }
  }

  /** ps.close() can skip con.close(). */
  public void setRatingTwoResourceChain(long vendorId, int rating) throws SQLException {
    Connection con = null;
    PreparedStatement ps = null;
    try {
      con = dataSource.getConnection(); // LEAK JdbcCloseChain
      ps = con.prepareStatement(SET_RATING);
      ps.setInt(1, rating);
      ps.setLong(2, vendorId);
      ps.executeUpdate();
    } finally {
      if (ps != null) {
        ps.close();
      }
      if (con != null) {
        con.close();
      }
    }
  }

  /**
   * On the caller's connection: rs.close() can skip st.close(), but only when the connection is
   * broken, and the statement goes with it. Not reported.
   */
  public long countStatementChain(Connection con) throws SQLException {
    Statement st = null;
    ResultSet rs = null;
    try {
      st = con.createStatement();
      rs = st.executeQuery(COUNT);
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      if (rs != null) {
        rs.close();
      }
      if (st != null) {
        st.close();
      }
    }
  }

  /**
   * Two connections: the failing close of a result set of {@code source} says nothing of {@code
   * target}, so the statement on {@code target} it skips still leaks; and {@code read}, on the
   * source, is skipped by the failing close of {@code write}, on the target.
   */
  public void copyNamesTwoConnectionChain(Connection source, Connection target) throws SQLException {
    Statement read = null;
    PreparedStatement write = null;
    ResultSet rs = null;
    try {
      read = source.createStatement(); // LEAK JdbcCloseChain
      write = target.prepareStatement(SET_RATING); // LEAK JdbcCloseChain
      rs = read.executeQuery(NAMES);
      while (rs.next()) {
        write.setInt(1, rs.getString(1).length());
        write.setLong(2, 0L);
        write.executeUpdate();
      }
    } finally {
      if (rs != null) {
        rs.close();
      }
      if (write != null) {
        write.close();
      }
      if (read != null) {
        read.close();
      }
    }
  }

  /** DbUtils.close can throw like close() itself, so the same chain forms. */
  public List<String> namesDbUtilsCloseChain() throws SQLException {
    Connection con = null;
    Statement st = null;
    ResultSet rs = null;
    try {
      con = dataSource.getConnection(); // LEAK JdbcCloseChain
      st = con.createStatement();
      rs = st.executeQuery(NAMES);
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    } finally {
      DbUtils.close(rs);
      DbUtils.close(st);
      DbUtils.close(con);
    }
  }

  /**
   * The connection also leaks when createStatement throws (before the try), so it is an ordinary
   * connection leak; the statement is lost only through the chain, with its broken connection.
   */
  public long countChainAndOrdinaryLeak() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    Statement st = con.createStatement();
    ResultSet rs = null;
    try {
      rs = st.executeQuery(COUNT);
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      if (rs != null) {
        rs.close();
      }
      st.close();
      con.close();
    }
  }

  /** commit() in the finally can throw before the close: not a close chain, a plain leak. */
  public void setRatingCommitInFinally(long vendorId, int rating) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try {
      con.setAutoCommit(false);
      try (PreparedStatement ps = con.prepareStatement(SET_RATING)) {
        ps.setInt(1, rating);
        ps.setLong(2, vendorId);
        ps.executeUpdate();
      }
    } finally {
      con.commit();
      con.close();
    }
  }
}
