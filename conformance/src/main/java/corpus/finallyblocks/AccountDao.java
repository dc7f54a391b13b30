package corpus.finallyblocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.dbutils.DbUtils;

/**
 * Closing in finally blocks: without a null guard (acquired before the try), with a null guard
 * and a {@code Connection con = null;} initialiser (acquired inside the try), and the mistakes
 * around them: a second acquisition before the try, a finally that closes only the statement.
 */
public class AccountDao {
  private static final String BALANCE = "SELECT balance FROM accounts WHERE id = ?";
  private static final String DEPOSIT = "UPDATE accounts SET balance = balance + ? WHERE id = ?";
  private static final String WITHDRAW = "UPDATE accounts SET balance = balance - ? WHERE id = ?";
  private static final String FREEZE = "UPDATE accounts SET frozen = TRUE WHERE id = ?";

  private final DataSource dataSource;

  public AccountDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Acquired before the try, closed in the finally without a guard. */
  public long balanceFinallyNoGuard(long id) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      PreparedStatement ps = con.prepareStatement(BALANCE);
      try {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      } finally {
        ps.close();
      }
    } finally {
      con.close();
    }
  }

  /** A null initialiser, acquisition inside the try, a null guard in the finally. */
  public long balanceNullInitialiser(long id) throws SQLException {
    Connection con = null;
    try {
      con = dataSource.getConnection();
      try (PreparedStatement ps = con.prepareStatement(BALANCE)) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    } finally {
      if (con != null) {
        con.close();
      }
    }
  }

  /** Two null initialisers, each resource closed in its own finally. */
  public void depositNullInitialisers(long id, long cents) throws SQLException {
    Connection con = null;
    try {
      con = dataSource.getConnection();
      PreparedStatement ps = null;
      try {
        ps = con.prepareStatement(DEPOSIT);
        ps.setLong(1, cents);
        ps.setLong(2, id);
        ps.executeUpdate();
      } finally {
        if (ps != null) {
          ps.close();
        }
      }
    } finally {
      if (con != null) {
        con.close();
      }
    }
  }

  /** The statement is prepared before the try: if that throws, the connection stays open. */
  public void withdrawAcquiredBeforeTry(long id, long cents) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    PreparedStatement ps = con.prepareStatement(WITHDRAW);
    try {
      ps.setLong(1, cents);
      ps.setLong(2, id);
      ps.executeUpdate();
    } finally {
      DbUtils.closeQuietly(ps);
      DbUtils.closeQuietly(con);
    }
  }

  public void withdrawFixed(long id, long cents) throws SQLException {
    Connection con = null;
    PreparedStatement ps = null;
    try {
      con = dataSource.getConnection();
      ps = con.prepareStatement(WITHDRAW);
      ps.setLong(1, cents);
      ps.setLong(2, id);
      ps.executeUpdate();
    } finally {
      DbUtils.closeQuietly(ps);
      DbUtils.closeQuietly(con);
    }
  }

  /** The finally closes the statement and forgets the connection. */
  public void freezeFinallyClosesStatementOnly(long id) throws SQLException {
    Connection con = null;
    PreparedStatement ps = null;
    try {
      con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      ps = con.prepareStatement(FREEZE);
      ps.setLong(1, id);
      ps.executeUpdate();
    } finally {
      if (ps != null) {
        ps.close();
      }
    }
  }

  /** The finally closes the connection in a nested try, so a failing close is swallowed. */
  public void freezeFixed(long id) throws SQLException {
    Connection con = null;
    try {
      con = dataSource.getConnection();
      try (PreparedStatement ps = con.prepareStatement(FREEZE)) {
        ps.setLong(1, id);
        ps.executeUpdate();
      }
    } finally {
      if (con != null) {
        try {
          con.close();
        } catch (SQLException ignored) {
          // nothing useful to do; the pool discards the connection
        }
      }
    }
  }
}
