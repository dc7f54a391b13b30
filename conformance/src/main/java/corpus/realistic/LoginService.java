package corpus.realistic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A login service: look the account up, check the lock and the password, record the attempt.
 * The leaky version returns early for unknown and locked accounts and closes only on the happy
 * path, which under load drains the pool and locks every user out; the fixed version scopes
 * every resource with try-with-resources.
 */
public class LoginService {
  private static final String FIND_ACCOUNT =
      "SELECT id, password_hash, locked FROM accounts WHERE username = ?";
  private static final String RECORD_FAILURE =
      "UPDATE accounts SET failed_attempts = failed_attempts + 1,"
          + " locked = (failed_attempts + 1 >= 5) WHERE id = ?";
  private static final String RECORD_SUCCESS =
      "UPDATE accounts SET failed_attempts = 0, last_login = CURRENT_TIMESTAMP WHERE id = ?";

  /** Checks a password against a stored hash. */
  public interface PasswordHasher {
    boolean matches(String password, String hash);
  }

  /** What happened to a login attempt. */
  public enum Outcome {
    OK,
    UNKNOWN_USER,
    LOCKED,
    BAD_PASSWORD
  }

  private final DataSource dataSource;
  private final PasswordHasher hasher;

  public LoginService(DataSource dataSource, PasswordHasher hasher) {
    this.dataSource = dataSource;
    this.hasher = hasher;
  }

  public Outcome loginLeaky(String username, String password) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    PreparedStatement find = con.prepareStatement(FIND_ACCOUNT); // LEAK JdbcStatementLeak
    find.setString(1, username);
    ResultSet rs = find.executeQuery(); // closed with its statement, which is reported
    if (!rs.next()) {
      return Outcome.UNKNOWN_USER;
    }
    long id = rs.getLong("id");
    String hash = rs.getString("password_hash");
    boolean locked = rs.getBoolean("locked");
    rs.close();
    find.close();
    if (locked) {
      con.close();
      return Outcome.LOCKED;
    }
    boolean ok = hasher.matches(password, hash);
    PreparedStatement record = con.prepareStatement(ok ? RECORD_SUCCESS : RECORD_FAILURE); // LEAK JdbcStatementLeak
    record.setLong(1, id);
    record.executeUpdate();
    record.close();
    con.close();
    return ok ? Outcome.OK : Outcome.BAD_PASSWORD;
  }

  public Outcome login(String username, String password) throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      long id;
      String hash;
      try (PreparedStatement find = con.prepareStatement(FIND_ACCOUNT)) {
        find.setString(1, username);
        try (ResultSet rs = find.executeQuery()) {
          if (!rs.next()) {
            return Outcome.UNKNOWN_USER;
          }
          if (rs.getBoolean("locked")) {
            return Outcome.LOCKED;
          }
          id = rs.getLong("id");
          hash = rs.getString("password_hash");
        }
      }
      boolean ok = hasher.matches(password, hash);
      try (PreparedStatement record = con.prepareStatement(ok ? RECORD_SUCCESS : RECORD_FAILURE)) {
        record.setLong(1, id);
        record.executeUpdate();
      }
      return ok ? Outcome.OK : Outcome.BAD_PASSWORD;
    }
  }

  /** Checks that an account exists; the catch closes on failure, the early return does not. */
  public boolean accountExistsLeaky(String username) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try (PreparedStatement find = con.prepareStatement(FIND_ACCOUNT)) {
      find.setString(1, username);
      try (ResultSet rs = find.executeQuery()) {
        if (rs.next()) {
          return true;
        }
      }
    } catch (SQLException e) {
      con.close();
      throw e;
    }
    con.close();
    return false;
  }

  public boolean accountExists(String username) throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement find = con.prepareStatement(FIND_ACCOUNT)) {
      find.setString(1, username);
      try (ResultSet rs = find.executeQuery()) {
        return rs.next();
      }
    }
  }
}
