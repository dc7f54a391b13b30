package corpus.trywithresources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Java 9 try-with-resources on existing effectively final variables: {@code try (con)}, several
 * existing variables in one header, existing and declared resources mixed; and the mistake of
 * calling something that can throw between the acquisition and the try.
 */
public class ExistingVariableTwr {
  private static final String COUNT = "SELECT COUNT(*) FROM sessions";
  private static final String EXPIRE = "DELETE FROM sessions WHERE expires_at < CURRENT_TIMESTAMP";
  private static final String TOUCH = "UPDATE sessions SET seen_at = CURRENT_TIMESTAMP WHERE id = ?";

  private final DataSource dataSource;

  public ExistingVariableTwr(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long countExistingVariable() throws SQLException {
    Connection con = dataSource.getConnection();
    try (con) {
      try (Statement st = con.createStatement();
          ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  public int expireExistingVariables() throws SQLException {
    final Connection con = dataSource.getConnection();
    try (con) {
      Statement st = con.createStatement();
      try (st) {
        return st.executeUpdate(EXPIRE);
      }
    }
  }

  public long countMixedHeader() throws SQLException {
    Connection con = dataSource.getConnection();
    try (con; Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /** setReadOnly can throw before the try takes over the connection. */
  public long countCallBeforeTry() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    con.setReadOnly(true);
    try (con; Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public long countCallInsideTry() throws SQLException {
    Connection con = dataSource.getConnection();
    try (con) {
      con.setReadOnly(true);
      try (Statement st = con.createStatement();
          ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  /** setLong can throw before the try takes over the statement. */
  public int touchBindBeforeTry(Connection con, long sessionId) throws SQLException {
    PreparedStatement ps = con.prepareStatement(TOUCH); // LEAK JdbcStatementLeak
    ps.setLong(1, sessionId);
    try (ps) {
      return ps.executeUpdate();
    }
  }

  public int touchBindInsideTry(Connection con, long sessionId) throws SQLException {
    PreparedStatement ps = con.prepareStatement(TOUCH);
    try (ps) {
      ps.setLong(1, sessionId);
      return ps.executeUpdate();
    }
  }
}
