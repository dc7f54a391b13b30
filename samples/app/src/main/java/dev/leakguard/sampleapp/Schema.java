package dev.leakguard.sampleapp;

import static java.sql.Statement.RETURN_GENERATED_KEYS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The shop's tables and a little seed data. */
public final class Schema {

  /** The longest user name the login_attempts table accepts. */
  public static final int MAX_USER_NAME = 64;

  private static final String[] TABLES = {
    "create table users ("
        + " id bigint auto_increment primary key,"
        + " name varchar(" + MAX_USER_NAME + ") not null unique,"
        + " salt varchar(32) not null,"
        + " password_hash varchar(64) not null)",
    "create table login_attempts ("
        + " id bigint auto_increment primary key,"
        + " user_name varchar(" + MAX_USER_NAME + ") not null,"
        + " attempted_at timestamp default current_timestamp not null)",
    "create table orders ("
        + " id bigint auto_increment primary key,"
        + " customer_id bigint not null,"
        + " status varchar(16) not null,"
        + " total_cents bigint not null)",
    "create table order_lines ("
        + " order_id bigint not null references orders(id),"
        + " sku varchar(32) not null,"
        + " quantity int not null check (quantity > 0),"
        + " price_cents bigint not null,"
        + " primary key (order_id, sku))",
    "create table payments ("
        + " id bigint auto_increment primary key,"
        + " order_id bigint not null references orders(id),"
        + " reference varchar(32) not null unique,"
        + " amount_cents bigint not null)",
    "create table audit_log ("
        + " id bigint auto_increment primary key,"
        + " message varchar(200) not null)"
  };

  private static final String INSERT_USER =
      "insert into users (name, salt, password_hash) values (?, ?, ?)";
  private static final String INSERT_ORDER =
      "insert into orders (customer_id, status, total_cents) values (?, 'NEW', ?)";

  private Schema() {}

  /** Creates the tables. */
  public static void create(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement ddl = connection.createStatement()) {
      for (String table : TABLES) {
        ddl.execute(table);
      }
    }
  }

  /** Adds a user with {@code password}. */
  public static void addUser(DataSource dataSource, String name, String password)
      throws SQLException {
    String salt = Passwords.newSalt();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT_USER)) {
      insert.setString(1, name);
      insert.setString(2, salt);
      insert.setString(3, Passwords.hash(password, salt));
      insert.executeUpdate();
    }
  }

  /** Adds {@code count} orders for {@code customerId}, with increasing totals; returns the last id. */
  public static long addOrders(DataSource dataSource, long customerId, int count)
      throws SQLException {
    long last = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT_ORDER, RETURN_GENERATED_KEYS)) {
      for (int i = 1; i <= count; i++) {
        insert.setLong(1, customerId);
        insert.setLong(2, i * 1000L);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          last = keys.getLong(1);
        }
      }
    }
    return last;
  }
}
