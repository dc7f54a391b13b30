package corpus.implicitclose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A ResultSet variable reused after the statement that produced its previous value was closed:
 * closing a Statement closes its ResultSet (JDBC), so nothing is left open when the variable is
 * reassigned, whether the statement was opened here or handed in. A result set of a statement the
 * method does not own (handed in, read from a field) belongs to that statement.
 */
public class ReassignedAfterParentClosed {
  private static final String USERS = "SELECT COUNT(*) FROM users";
  private static final String ORDERS = "SELECT COUNT(*) FROM orders";

  public int countBoth(Connection con) throws SQLException {
    ResultSet rs;
    int total = 0;
    try (Statement st = con.createStatement()) {
      rs = st.executeQuery(USERS);
      total += rs.next() ? rs.getInt(1) : 0;
    }
    try (Statement st = con.createStatement()) {
      rs = st.executeQuery(ORDERS);
      total += rs.next() ? rs.getInt(1) : 0;
    }
    return total;
  }

  /**
   * The statement is handed in and closed here: executing it again closes its first result set,
   * and closing it closes the second.
   */
  public int countAndCloseGiven(Statement st) throws SQLException {
    try {
      ResultSet rs = st.executeQuery(USERS);
      int users = rs.next() ? rs.getInt(1) : 0;
      rs = st.executeQuery(ORDERS);
      return users + (rs.next() ? rs.getInt(1) : 0);
    } finally {
      st.close();
    }
  }

  /**
   * The caller's statements: each result set belongs to its statement, which the caller closes
   * (or executes again), and with it the result set.
   */
  public int countWithGiven(PreparedStatement users, PreparedStatement orders) throws SQLException {
    ResultSet rs = users.executeQuery();
    int total = rs.next() ? rs.getInt(1) : 0;
    rs = orders.executeQuery();
    total += rs.next() ? rs.getInt(1) : 0;
    return total;
  }

  /** A statement opened here and dropped with its result set: the statement is the leak. */
  public int countWithOwn(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    ResultSet rs = st.executeQuery(USERS); // closed with its statement, which is reported
    return rs.next() ? rs.getInt(1) : 0;
  }
}
