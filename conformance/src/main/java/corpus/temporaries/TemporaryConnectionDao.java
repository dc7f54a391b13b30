package corpus.temporaries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Connections that are never bound to a variable: {@code dataSource.getConnection().method(..)}
 * leaves the connection unreachable, so nothing can close it, even when the statement made from
 * it is closed.
 */
public class TemporaryConnectionDao {
  private static final String COUNT = "SELECT COUNT(*) FROM invoices";
  private static final String TOUCH = "UPDATE invoices SET checked_at = CURRENT_TIMESTAMP";

  private final DataSource dataSource;

  public TemporaryConnectionDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The statement and result set are closed by the header; the connection is lost. */
  public int countTemporaryConnection() throws SQLException {
    try (PreparedStatement ps = dataSource.getConnection().prepareStatement(COUNT); // LEAK JdbcConnectionLeak
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  public int countFixed() throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(COUNT);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Neither the connection nor the statement is ever bound to a variable. */
  public int touchAllTemporaries() throws SQLException {
    return dataSource.getConnection().createStatement().executeUpdate(TOUCH); // LEAK JdbcConnectionLeak, JdbcStatementLeak
  }

  public int touchAllFixed() throws SQLException {
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement()) {
      return st.executeUpdate(TOUCH);
    }
  }

  public boolean pingTemporaryConnection() throws SQLException {
    return dataSource.getConnection().isValid(2); // LEAK JdbcConnectionLeak
  }

  public boolean pingFixed() throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      return con.isValid(2);
    }
  }
}
