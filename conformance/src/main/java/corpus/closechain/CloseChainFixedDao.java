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
 * Correct twins of the close chains: each close in its own try/catch, try-with-resources, quiet
 * DbUtils closes (one and three arguments), nested finally blocks, and a throwing close only in
 * last position.
 */
public class CloseChainFixedDao {
  private static final String NAMES = "SELECT name FROM vendors ORDER BY name";
  private static final String SET_RATING = "UPDATE vendors SET rating = ? WHERE id = ?";
  private static final String COUNT = "SELECT COUNT(*) FROM vendors";

  private final DataSource dataSource;

  public CloseChainFixedDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<String> namesEachCloseCaught() throws SQLException {
    Connection con = null;
    Statement st = null;
    ResultSet rs = null;
    try {
      con = dataSource.getConnection();
      st = con.createStatement();
      rs = st.executeQuery(NAMES);
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    } finally {
      if (rs != null) {
        try {
          rs.close();
        } catch (SQLException ignored) {
          // the statement and connection are still closed below
        }
      }
      if (st != null) {
        try {
          st.close();
        } catch (SQLException ignored) {
          // the connection is still closed below
        }
      }
      if (con != null) {
        try {
          con.close();
        } catch (SQLException ignored) {
          // nothing left to close
        }
      }
    }
  }

  public List<String> namesTryWithResources() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(NAMES)) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  public void setRatingQuietCloses(long vendorId, int rating) throws SQLException {
    Connection con = null;
    PreparedStatement ps = null;
    try {
      con = dataSource.getConnection();
      ps = con.prepareStatement(SET_RATING);
      ps.setInt(1, rating);
      ps.setLong(2, vendorId);
      ps.executeUpdate();
    } finally {
      DbUtils.closeQuietly(ps);
      DbUtils.closeQuietly(con);
    }
  }

  public List<String> namesQuietThreeArgs() throws SQLException {
    Connection con = null;
    Statement st = null;
    ResultSet rs = null;
    try {
      con = dataSource.getConnection();
      st = con.createStatement();
      rs = st.executeQuery(NAMES);
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    } finally {
      DbUtils.closeQuietly(con, st, rs);
    }
  }

  public void setRatingNestedFinally(long vendorId, int rating) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      PreparedStatement ps = con.prepareStatement(SET_RATING);
      try {
        ps.setInt(1, rating);
        ps.setLong(2, vendorId);
        ps.executeUpdate();
      } finally {
        ps.close();
      }
    } finally {
      con.close();
    }
  }

  /** The earlier closes are quiet; only the last close can throw, and nothing comes after it. */
  public long countThrowingCloseLast(Connection con) throws SQLException {
    Statement st = null;
    ResultSet rs = null;
    try {
      st = con.createStatement();
      rs = st.executeQuery(COUNT);
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      DbUtils.closeQuietly(rs);
      if (st != null) {
        st.close();
      }
    }
  }
}
