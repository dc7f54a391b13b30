package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The fix: the connection is opened in the try-with-resources header, so every path closes it. */
public final class LoginServiceFixed implements LoginService {
  private final DataSource dataSource;

  public LoginServiceFixed(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean authenticate(String userName, String password) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement attempt = connection.prepareStatement(LoginSql.RECORD_ATTEMPT)) {
        attempt.setString(1, userName);
        attempt.executeUpdate();
      }
      try (PreparedStatement query = connection.prepareStatement(LoginSql.FIND_USER)) {
        query.setString(1, userName);
        try (ResultSet user = query.executeQuery()) {
          return user.next()
              && Passwords.matches(password, user.getString("salt"), user.getString("password_hash"));
        }
      }
    }
  }
}
