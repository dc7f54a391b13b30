package dev.leakguard.sampleapp;

import java.sql.SQLException;

/** Checks a user's password and records every attempt. */
public interface LoginService {

  /**
   * Records the attempt, then checks the password.
   *
   * @throws SQLException if the attempt cannot be recorded, e.g. a user name longer than {@value
   *     Schema#MAX_USER_NAME} characters
   */
  boolean authenticate(String userName, String password) throws SQLException;
}
