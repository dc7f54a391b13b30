package corpus.basic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A user DAO with the basic ways to forget a close: never closing, closing only on the happy path
 * (an SQLException from executeQuery, next, getString or executeUpdate skips the close) and
 * closing only in a catch block. Each leaky method sits next to a correct twin that uses
 * try-with-resources or try/finally.
 */
public class UserDao {
  private static final String FIND_EMAIL = "SELECT email FROM users WHERE id = ?";
  private static final String FIND_NAME = "SELECT name FROM users WHERE id = ?";
  private static final String COUNT_EMAIL = "SELECT COUNT(*) FROM users WHERE email = ?";
  private static final String COUNT_ACTIVE = "SELECT COUNT(*) FROM users WHERE active";
  private static final String RENAME = "UPDATE users SET name = ? WHERE id = ?";
  private static final String DEACTIVATE = "UPDATE users SET active = FALSE WHERE id = ?";
  private static final String PURGE = "DELETE FROM users WHERE deleted_at IS NOT NULL";

  private final DataSource dataSource;

  public UserDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Nothing is ever closed. */
  public String findEmailNeverClosed(long id) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    PreparedStatement ps = con.prepareStatement(FIND_EMAIL); // LEAK JdbcStatementLeak
    ps.setLong(1, id);
    ResultSet rs = ps.executeQuery(); // closed with its statement, which is reported
    return rs.next() ? rs.getString(1) : null;
  }

  public String findEmailFixed(long id) throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(FIND_EMAIL)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** All three closes run only when nothing throws. */
  public String findNameHappyPathOnly(long id) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    PreparedStatement ps = con.prepareStatement(FIND_NAME); // LEAK JdbcStatementLeak
    ps.setLong(1, id);
    ResultSet rs = ps.executeQuery(); // closed with its statement, which is reported
    String name = null;
    if (rs.next()) {
      name = rs.getString("name");
    }
    rs.close();
    ps.close();
    con.close();
    return name;
  }

  public String findNameTryFinally(long id) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      PreparedStatement ps = con.prepareStatement(FIND_NAME);
      try {
        ps.setLong(1, id);
        ResultSet rs = ps.executeQuery();
        try {
          return rs.next() ? rs.getString("name") : null;
        } finally {
          rs.close();
        }
      } finally {
        ps.close();
      }
    } finally {
      con.close();
    }
  }

  /** The statement and result set are handled; only the connection close is on the happy path. */
  public boolean emailTakenHappyPathOnly(String email) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    boolean taken;
    try (PreparedStatement ps = con.prepareStatement(COUNT_EMAIL)) {
      ps.setString(1, email);
      try (ResultSet rs = ps.executeQuery()) {
        taken = rs.next() && rs.getInt(1) > 0;
      }
    }
    con.close();
    return taken;
  }

  public boolean emailTakenFixed(String email) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      try (PreparedStatement ps = con.prepareStatement(COUNT_EMAIL)) {
        ps.setString(1, email);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getInt(1) > 0;
        }
      }
    } finally {
      con.close();
    }
  }

  /** Runs on the caller's connection; the statement is closed only if nothing throws. */
  public int countActiveHappyPathOnly(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    int count;
    try (ResultSet rs = st.executeQuery(COUNT_ACTIVE)) {
      count = rs.next() ? rs.getInt(1) : 0;
    }
    st.close();
    return count;
  }

  public int countActiveFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(COUNT_ACTIVE)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** The connection is closed when the update fails, never when it succeeds. */
  public void renameClosedInCatchOnly(long id, String name) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try (PreparedStatement ps = con.prepareStatement(RENAME)) {
      ps.setString(1, name);
      ps.setLong(2, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      con.close();
      throw e;
    }
  }

  public void renameFixed(long id, String name) throws SQLException {
    Connection con = dataSource.getConnection();
    try (PreparedStatement ps = con.prepareStatement(RENAME)) {
      ps.setString(1, name);
      ps.setLong(2, id);
      ps.executeUpdate();
    } finally {
      con.close();
    }
  }

  public void deactivateClosedInCatchOnly(Connection con, long id) throws SQLException {
    PreparedStatement ps = con.prepareStatement(DEACTIVATE); // LEAK JdbcStatementLeak
    try {
      ps.setLong(1, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  public void deactivateFixed(Connection con, long id) throws SQLException {
    PreparedStatement ps = con.prepareStatement(DEACTIVATE);
    try {
      ps.setLong(1, id);
      ps.executeUpdate();
    } finally {
      ps.close();
    }
  }

  public int purgeNeverClosed(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    return st.executeUpdate(PURGE);
  }

  public int purgeFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(PURGE);
    }
  }
}
