package corpus.basic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Early exits between acquisition and close: a return, a break, a continue and an explicit throw
 * of a checked exception. Where possible the exception paths are already handled, so the early
 * exit is the only path that skips the close. Each case has a twin that closes on every path.
 */
public class EarlyExitDao {
  private static final String FIND_CITY = "SELECT city FROM addresses WHERE customer_id = ?";
  private static final String FIND_TAGS = "SELECT tag FROM post_tags WHERE post_id = ? ORDER BY tag";
  private static final String FIND_BY_REF = "SELECT id FROM orders WHERE external_ref = ?";
  private static final String BALANCE = "SELECT balance FROM accounts WHERE id = ?";

  /** Thrown when an account cannot cover a payment. */
  public static final class InsufficientFundsException extends Exception {
    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(long accountId, long balance) {
      super("account " + accountId + " has only " + balance);
    }
  }

  private final DataSource dataSource;

  public EarlyExitDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** SQLExceptions close the connection in the catch; the early return does not. */
  public String findCityEarlyReturn(long customerId) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try {
      String city;
      try (PreparedStatement ps = con.prepareStatement(FIND_CITY)) {
        ps.setLong(1, customerId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          city = rs.getString(1);
        }
      }
      con.close();
      return city;
    } catch (SQLException e) {
      con.close();
      throw e;
    }
  }

  public String findCityFixed(long customerId) throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(FIND_CITY)) {
      ps.setLong(1, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return rs.getString(1);
      }
    }
  }

  /** Returns from inside the loop once the limit is reached, skipping ps.close(). */
  public List<String> firstTagsEarlyReturn(Connection con, long postId, int limit)
      throws SQLException {
    PreparedStatement ps = con.prepareStatement(FIND_TAGS); // LEAK JdbcStatementLeak
    List<String> tags = new ArrayList<>();
    try {
      ps.setLong(1, postId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tags.add(rs.getString(1));
          if (tags.size() == limit) {
            return tags;
          }
        }
      }
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
    ps.close();
    return tags;
  }

  public List<String> firstTagsFixed(Connection con, long postId, int limit) throws SQLException {
    List<String> tags = new ArrayList<>();
    try (PreparedStatement ps = con.prepareStatement(FIND_TAGS)) {
      ps.setLong(1, postId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tags.add(rs.getString(1));
          if (tags.size() == limit) {
            return tags;
          }
        }
      }
    }
    return tags;
  }

  /** Breaks out of the loop on the first match with the statement still open. */
  public long firstOrderBreak(Connection con, List<String> refs) throws SQLException {
    long found = -1;
    for (String ref : refs) {
      PreparedStatement ps = con.prepareStatement(FIND_BY_REF); // LEAK JdbcStatementLeak
      ps.setString(1, ref);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          found = rs.getLong(1);
          break;
        }
      }
      ps.close();
    }
    return found;
  }

  public long firstOrderFixed(Connection con, List<String> refs) throws SQLException {
    long found = -1;
    for (String ref : refs) {
      try (PreparedStatement ps = con.prepareStatement(FIND_BY_REF)) {
        ps.setString(1, ref);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            found = rs.getLong(1);
            break;
          }
        }
      }
    }
    return found;
  }

  /** Skips audit tables with continue after the statement has been created. */
  public int truncateAllContinue(Connection con, List<String> tables) throws SQLException {
    int done = 0;
    for (String table : tables) {
      Statement st = con.createStatement(); // LEAK JdbcStatementLeak
      if (table.startsWith("audit_")) {
        continue;
      }
      st.executeUpdate("TRUNCATE TABLE " + table);
      st.close();
      done++;
    }
    return done;
  }

  public int truncateAllFixed(Connection con, List<String> tables) throws SQLException {
    int done = 0;
    for (String table : tables) {
      if (table.startsWith("audit_")) {
        continue;
      }
      try (Statement st = con.createStatement()) {
        st.executeUpdate("TRUNCATE TABLE " + table);
      }
      done++;
    }
    return done;
  }

  /** SQLExceptions are handled; the explicit throw of a checked exception skips the close. */
  public long balanceOrThrow(long accountId, long minimum)
      throws SQLException, InsufficientFundsException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    long balance;
    try (PreparedStatement ps = con.prepareStatement(BALANCE)) {
      ps.setLong(1, accountId);
      try (ResultSet rs = ps.executeQuery()) {
        balance = rs.next() ? rs.getLong(1) : 0L;
      }
    } catch (SQLException e) {
      con.close();
      throw e;
    }
    if (balance < minimum) {
      throw new InsufficientFundsException(accountId, balance);
    }
    con.close();
    return balance;
  }

  public long balanceOrThrowFixed(long accountId, long minimum)
      throws SQLException, InsufficientFundsException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(BALANCE)) {
      ps.setLong(1, accountId);
      long balance;
      try (ResultSet rs = ps.executeQuery()) {
        balance = rs.next() ? rs.getLong(1) : 0L;
      }
      if (balance < minimum) {
        throw new InsufficientFundsException(accountId, balance);
      }
      return balance;
    }
  }
}
