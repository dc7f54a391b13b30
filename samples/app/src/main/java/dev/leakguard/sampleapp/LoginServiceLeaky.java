package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The outage: the connection is closed at the end of the happy path only. A user name too long
 * for the attempts table makes the insert throw SQLException, the connection is never returned,
 * and after as many bad requests as the pool has connections every login, valid or not, waits
 * for the pool's timeout and fails.
 */
public final class LoginServiceLeaky implements LoginService {
  private final DataSource dataSource;

  public LoginServiceLeaky(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean authenticate(String userName, String password) throws SQLException {
    Connection connection = dataSource.getConnection();
    try (PreparedStatement attempt = connection.prepareStatement(LoginSql.RECORD_ATTEMPT)) {
      attempt.setString(1, userName);
      attempt.executeUpdate(); // throws for a name longer than the column: connection never closed
    }
    boolean valid;
    try (PreparedStatement query = connection.prepareStatement(LoginSql.FIND_USER)) {
      query.setString(1, userName);
      try (ResultSet user = query.executeQuery()) {
        valid = user.next()
            && Passwords.matches(password, user.getString("salt"), user.getString("password_hash"));
      }
    }
    connection.close();
    return valid;
  }
}
