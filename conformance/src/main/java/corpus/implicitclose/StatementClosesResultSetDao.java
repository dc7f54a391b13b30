package corpus.implicitclose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.dbutils.DbUtils;

/**
 * Closing a Statement closes its ResultSet (JDBC): a result set that is not closed itself but
 * whose statement is closed on every path is not reported. When neither is closed, the statement
 * is, naming the result set: closing it is the one fix. A result set returned to the caller is
 * the caller's; its statement, left open, is reported.
 */
public class StatementClosesResultSetDao {
  private static final String NAMES = "SELECT name FROM suppliers ORDER BY name";
  private static final String BY_COUNTRY = "SELECT name FROM suppliers WHERE country = ?";
  private static final String COUNT = "SELECT COUNT(*) FROM suppliers";

  public List<String> namesStatementInHeader(Connection con) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement st = con.createStatement()) {
      ResultSet rs = st.executeQuery(NAMES);
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  public List<String> byCountryStatementInFinally(Connection con, String country)
      throws SQLException {
    List<String> names = new ArrayList<>();
    PreparedStatement ps = con.prepareStatement(BY_COUNTRY);
    try {
      ps.setString(1, country);
      ResultSet rs = ps.executeQuery();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    } finally {
      ps.close();
    }
    return names;
  }

  public long countStatementClosedQuietly(Connection con) throws SQLException {
    Statement st = con.createStatement();
    try {
      ResultSet rs = st.executeQuery(COUNT);
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      DbUtils.closeQuietly(st);
    }
  }

  /** Neither the statement nor its result set is closed: the statement alone is reported. */
  public List<String> namesNothingClosed(Connection con) throws SQLException {
    List<String> names = new ArrayList<>();
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    ResultSet rs = st.executeQuery(NAMES); // closed with its statement, which is reported
    while (rs.next()) {
      names.add(rs.getString(1));
    }
    return names;
  }

  /**
   * Both are closed only when nothing throws: a failing next() leaves both open, and the
   * statement alone is reported.
   */
  public long countClosedOnHappyPath(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    ResultSet rs = st.executeQuery(COUNT); // closed with its statement, which is reported
    long n = rs.next() ? rs.getLong(1) : 0L;
    rs.close();
    st.close();
    return n;
  }

  /** The same with the statement closed in a finally: the result set goes with it. */
  public long countStatementClosedInFinally(Connection con) throws SQLException {
    Statement st = con.createStatement();
    try {
      ResultSet rs = st.executeQuery(COUNT);
      long n = rs.next() ? rs.getLong(1) : 0L;
      rs.close();
      return n;
    } finally {
      st.close();
    }
  }

  /** The result set is closed; its statement is not. */
  public long countOnlyResultClosed(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    try (ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /** The result set goes to the caller; the statement behind it is never closed. */
  public ResultSet openByCountryCursor(Connection con, String country) throws SQLException {
    PreparedStatement ps = con.prepareStatement(BY_COUNTRY); // LEAK JdbcStatementLeak
    ps.setString(1, country);
    return ps.executeQuery();
  }
}
