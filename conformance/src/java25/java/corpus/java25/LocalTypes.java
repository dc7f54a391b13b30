package corpus.java25;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Local enums, records and interfaces declared in the methods that use them, next to a leak and
 * next to its fix; a local enum whose own method leaves its statement open.
 */
public class LocalTypes {
  private static final String USERS = "SELECT id, name, status FROM users";

  private final DataSource dataSource;

  public LocalTypes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A local enum for the status column; the connection is never closed. */
  public int countActive() throws SQLException {
    enum Status {
      ACTIVE,
      LOCKED,
      DELETED
    }
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try (Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(USERS)) {
      int active = 0;
      while (rs.next()) {
        if (Status.valueOf(rs.getString(3)) == Status.ACTIVE) {
          active++;
        }
      }
      return active;
    }
  }

  /** The same, closed. */
  public int countActiveClosed() throws SQLException {
    enum Status { ACTIVE, LOCKED, DELETED }
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(USERS)) {
      int active = 0;
      while (rs.next()) {
        if (Status.valueOf(rs.getString(3)) == Status.ACTIVE) {
          active++;
        }
      }
      return active;
    }
  }

  /** A local record for the rows; the statement is left open on the caller's connection. */
  public List<String> names(Connection con) throws SQLException {
    record User(long id, String name) {}
    List<User> users = new ArrayList<>();
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    ResultSet rs = st.executeQuery(USERS); // closed with its statement, which is reported
    while (rs.next()) {
      users.add(new User(rs.getLong(1), rs.getString(2)));
    }
    return users.stream().map(User::name).toList();
  }

  /** A local interface and a local class implementing it; everything closed. */
  public List<String> namesClosed(Connection con) throws SQLException {
    interface RowMapper {
      String map(ResultSet rs) throws SQLException;
    }
    final class NameMapper implements RowMapper {
      @Override
      public String map(ResultSet rs) throws SQLException {
        return rs.getString(2);
      }
    }
    RowMapper mapper = new NameMapper();
    List<String> names = new ArrayList<>();
    try (Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(USERS)) {
      while (rs.next()) {
        names.add(mapper.map(rs));
      }
    }
    return names;
  }

  /** Health checks as a local enum with its own method, which leaves its statement open. */
  public boolean healthy(Connection con) throws SQLException {
    enum Check {
      PING("SELECT 1"),
      USERS_TABLE("SELECT COUNT(*) FROM users");

      private final String sql;

      Check(String sql) {
        this.sql = sql;
      }

      boolean passes(Connection con) throws SQLException {
        Statement st = con.createStatement(); // LEAK JdbcStatementLeak
        return st.execute(sql);
      }

      boolean passesClosed(Connection con) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
          return ps.execute();
        }
      }
    }
    for (Check check : Check.values()) {
      if (!check.passes(con) || !check.passesClosed(con)) {
        return false;
      }
    }
    return true;
  }
}
