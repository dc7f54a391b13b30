package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.dbutils.DbUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Library helpers that close JDBC resources: Commons DbUtils closeQuietly (one and three
 * arguments), close, commitAndClose and rollbackAndCloseQuietly; Spring
 * DataSourceUtils.releaseConnection and JdbcUtils.closeConnection / closeStatement /
 * closeResultSet. A few leaks where a helper is called for some resources and not others.
 */
public class LibraryCloseDao {
  private static final String NAMES = "SELECT name FROM teams ORDER BY name";
  private static final String RENAME = "UPDATE teams SET name = ? WHERE id = ?";
  private static final String COUNT = "SELECT COUNT(*) FROM teams";

  private final DataSource dataSource;

  public LibraryCloseDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<String> namesDbUtilsCloseQuietly() throws SQLException {
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
      DbUtils.closeQuietly(rs);
      DbUtils.closeQuietly(st);
      DbUtils.closeQuietly(con);
    }
  }

  public List<String> namesDbUtilsCloseQuietlyThreeArgs() throws SQLException {
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

  /** Quietly closes the statement, forgets the connection. */
  public long countDbUtilsForgetsConnection() throws SQLException {
    Connection con = null;
    Statement st = null;
    try {
      con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      st = con.createStatement();
      try (ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    } finally {
      DbUtils.closeQuietly(st);
    }
  }

  /** DbUtils.close may throw, but it is the only close in its finally. */
  public long countDbUtilsClose() throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    } finally {
      DbUtils.close(con);
    }
  }

  public void renameCommitAndClose(long id, String name) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      con.setAutoCommit(false);
      try (PreparedStatement ps = con.prepareStatement(RENAME)) {
        ps.setString(1, name);
        ps.setLong(2, id);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      DbUtils.rollbackAndCloseQuietly(con);
      throw e;
    }
    DbUtils.commitAndClose(con);
  }

  /** commitAndClose runs only when the update succeeds; a failure leaves the connection open. */
  public void renameCommitAndCloseNoCatch(long id, String name) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    con.setAutoCommit(false);
    try (PreparedStatement ps = con.prepareStatement(RENAME)) {
      ps.setString(1, name);
      ps.setLong(2, id);
      ps.executeUpdate();
    }
    DbUtils.commitAndClose(con);
  }

  public long countSpringReleaseConnection() throws SQLException {
    Connection con = DataSourceUtils.getConnection(dataSource);
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      DataSourceUtils.releaseConnection(con, dataSource);
    }
  }

  /** A connection bound through Spring's DataSourceUtils that is never released. */
  public long countSpringNeverReleased() throws SQLException {
    Connection con = DataSourceUtils.getConnection(dataSource); // LEAK JdbcConnectionLeak
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public List<String> namesSpringJdbcUtils() throws SQLException {
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
      JdbcUtils.closeResultSet(rs);
      JdbcUtils.closeStatement(st);
      JdbcUtils.closeConnection(con);
    }
  }

  /** JdbcUtils closes the result set; the statement is never closed. */
  public List<String> namesSpringJdbcUtilsForgetsStatement(Connection con) throws SQLException {
    Statement st = null;
    ResultSet rs = null;
    try {
      st = con.createStatement(); // LEAK JdbcStatementLeak
      rs = st.executeQuery(NAMES);
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    } finally {
      JdbcUtils.closeResultSet(rs);
    }
  }
}
