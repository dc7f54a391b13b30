package corpus.java25;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Unnamed variables: {@code catch (SQLException _)} that swallows a failure with the connection
 * still open versus one whose connection is closed anyway; an unnamed try-with-resources
 * resource that only holds a row lock (closed by its try); unnamed locals, loop variables and
 * lambda parameters.
 */
public class UnnamedVariables {
  private static final String TOUCH = "UPDATE sessions SET seen_at = CURRENT_TIMESTAMP WHERE id = ?";
  private static final String LOCK = "SELECT id FROM accounts WHERE id = ? FOR UPDATE";
  private static final String DEBIT = "UPDATE accounts SET cents = cents - ? WHERE id = ?";
  private static final String COUNT = "SELECT COUNT(*) FROM sessions";

  private final DataSource dataSource;

  public UnnamedVariables(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Closes the connection on success only: the catch swallows the failure and keeps it open. */
  public boolean touchLeaky(long sessionId) {
    try {
      Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      try (PreparedStatement ps = con.prepareStatement(TOUCH)) {
        ps.setLong(1, sessionId);
        ps.executeUpdate();
      }
      con.close();
      return true;
    } catch (SQLException _) {
      return false;
    }
  }

  /** The same with try-with-resources: closed before the catch runs. */
  public boolean touch(long sessionId) {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(TOUCH)) {
      ps.setLong(1, sessionId);
      return ps.executeUpdate() > 0;
    } catch (SQLException _) {
      return false;
    }
  }

  /** Closed in a finally whose own failure is ignored. */
  public int countQuietly() {
    Connection con = null;
    try {
      con = dataSource.getConnection();
      try (Statement st = con.createStatement();
          ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException _) {
      return -1;
    } finally {
      if (con != null) {
        try {
          con.close();
        } catch (SQLException _) {
          // nothing more to do
        }
      }
    }
  }

  /** The row lock is held by a result set nobody reads, closed by its try. */
  public void debitLocked(Connection con, long accountId, long cents) throws SQLException {
    try (PreparedStatement lock = con.prepareStatement(LOCK)) {
      lock.setLong(1, accountId);
      try (var _ = lock.executeQuery();
          PreparedStatement debit = con.prepareStatement(DEBIT)) {
        debit.setLong(1, cents);
        debit.setLong(2, accountId);
        debit.executeUpdate();
      }
    }
  }

  /** The lock's statement, and with it the result set that holds the lock, is never closed. */
  public void debitLockedLeaky(Connection con, long accountId, long cents) throws SQLException {
    PreparedStatement lock = con.prepareStatement(LOCK); // LEAK JdbcStatementLeak
    lock.setLong(1, accountId);
    var _ = lock.executeQuery(); // closed with its statement, which is reported
    try (PreparedStatement debit = con.prepareStatement(DEBIT)) {
      debit.setLong(1, cents);
      debit.setLong(2, accountId);
      debit.executeUpdate();
    }
  }

  /** One connection per batch, each closed by its try; the loop variable is unnamed. */
  public void touchAll(List<List<Long>> batches) throws SQLException {
    for (var _ : batches) {
      try (Connection con = dataSource.getConnection();
          Statement st = con.createStatement()) {
        st.executeUpdate("DELETE FROM sessions WHERE expired");
      }
    }
  }

  /** A connection per retry that a failed attempt leaves open. */
  public void touchWithRetries(long sessionId, int attempts) throws SQLException {
    for (int i = 0; i < attempts; i++) {
      Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      try (PreparedStatement ps = con.prepareStatement(TOUCH)) {
        ps.setLong(1, sessionId);
        ps.executeUpdate();
        con.close();
        return;
      } catch (SQLException _) {
        // try again with a new connection
      }
    }
  }

  /** Unnamed lambda parameters; every statement is closed by its try. */
  public void touchEach(Connection con, Map<String, Long> sessions) {
    sessions.forEach(
        (_, id) -> {
          try (PreparedStatement ps = con.prepareStatement(TOUCH)) {
            ps.setLong(1, id);
            ps.executeUpdate();
          } catch (SQLException _) {
            // best effort
          }
        });
  }
}
