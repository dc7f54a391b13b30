package dev.leakguard.sampleapp;

/** The login statements, shared by both twins. */
final class LoginSql {
  static final String RECORD_ATTEMPT = "insert into login_attempts (user_name) values (?)";
  static final String FIND_USER = "select salt, password_hash from users where name = ?";

  private LoginSql() {}
}
