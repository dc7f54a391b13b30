package corpus.ownership;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Borrowed versus owned results of methods that return a Connection. A getter of this file,
 * {@code getConnection()}, returns a field: its callers borrow the connection and must not be
 * told to close it. A method with no body in the corpus ({@code ConnectionSource.open()}) hands
 * its caller a connection the caller owns: not closing it is a leak.
 */
public class BorrowedConnectionDao {
  private static final String COUNT = "SELECT COUNT(*) FROM devices";

  /** Opens connections; implemented outside the corpus. */
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private final Connection connection;
  private final ConnectionSource source;

  /** The connection belongs to whoever created this DAO; it is only used here. */
  public BorrowedConnectionDao(Connection connection, ConnectionSource source) {
    this.connection = connection;
    this.source = source;
  }

  public Connection getConnection() {
    return connection;
  }

  public String catalogFromGetter() throws SQLException {
    Connection con = getConnection();
    return con.getCatalog();
  }

  public long countFromGetter() throws SQLException {
    try (Statement st = getConnection().createStatement();
        ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /** open() has no body here, so its connection is owned by this caller, which drops it. */
  public String catalogFromSourceNotClosed() throws SQLException {
    Connection con = source.open(); // LEAK JdbcConnectionLeak
    return con.getCatalog();
  }

  public String catalogFromSourceClosed() throws SQLException {
    try (Connection con = source.open()) {
      return con.getCatalog();
    }
  }

  public long countFromSourceNotClosed() throws SQLException {
    Connection con = source.open(); // LEAK JdbcConnectionLeak
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }
}
