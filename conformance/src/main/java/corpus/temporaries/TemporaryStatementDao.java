package corpus.temporaries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements and result sets that are never bound to a variable, on a connection the caller
 * owns: {@code con.createStatement().executeUpdate(sql)} leaks the statement, {@code
 * con.prepareStatement(sql).executeQuery()} leaks the statement and, unless it is closed, the
 * result set. A chained call split over two lines is labelled on the line of each acquiring
 * method.
 */
public class TemporaryStatementDao {
  private static final String DELETE_EXPIRED = "DELETE FROM tokens WHERE expires_at < CURRENT_TIMESTAMP";
  private static final String COUNT = "SELECT COUNT(*) FROM tokens";
  private static final String EXISTS = "SELECT 1 FROM tokens WHERE revoked";
  private static final String OWNERS = "SELECT DISTINCT owner FROM tokens";

  public int deleteExpiredTemporaryStatement(Connection con) throws SQLException {
    return con.createStatement().executeUpdate(DELETE_EXPIRED); // LEAK JdbcStatementLeak
  }

  public int deleteExpiredFixed(Connection con) throws SQLException {
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(DELETE_EXPIRED);
    }
  }

  /** The result set is closed by the header; its statement is not. */
  public int countResultClosedStatementLost(Connection con) throws SQLException {
    try (ResultSet rs = con.prepareStatement(COUNT).executeQuery()) { // LEAK JdbcStatementLeak
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  public int countFixed(Connection con) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(COUNT);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Statement and result set both lost in one expression. */
  public boolean anyRevokedAllTemporary(Connection con) throws SQLException {
    return con.prepareStatement(EXISTS).executeQuery().next(); // LEAK JdbcStatementLeak
  }

  public boolean anyRevokedFixed(Connection con) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(EXISTS);
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  /** The same chain split over two lines: each acquisition is labelled on its own line. */
  public List<String> ownersSplitChain(Connection con) throws SQLException {
    ResultSet rs = con.createStatement() // LEAK JdbcStatementLeak
        .executeQuery(OWNERS); // closed with its statement, which is reported
    List<String> owners = new ArrayList<>();
    while (rs.next()) {
      owners.add(rs.getString(1));
    }
    return owners;
  }

  public List<String> ownersFixed(Connection con) throws SQLException {
    List<String> owners = new ArrayList<>();
    try (Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(OWNERS)) {
      while (rs.next()) {
        owners.add(rs.getString(1));
      }
    }
    return owners;
  }
}
