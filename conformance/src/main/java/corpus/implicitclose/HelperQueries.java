package corpus.implicitclose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A helper that runs the caller's statement returns a result set created from its argument: it is
 * that statement's child in the caller, closed with it, as one from executeQuery is.
 */
public class HelperQueries {
  private static final String FIRST = "SELECT name FROM users ORDER BY id";

  /** Runs the statement, timing it; the result set is the statement's. */
  private ResultSet run(PreparedStatement ps) throws SQLException {
    long start = System.nanoTime();
    try {
      return ps.executeQuery();
    } finally {
      record(System.nanoTime() - start);
    }
  }

  private void record(long nanos) {}

  /** The statement's close takes the result set along when the lookup fails. */
  public String first(Connection con) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(FIRST)) {
      ResultSet rs = run(ps);
      if (!rs.next()) {
        throw new SQLException("no users");
      }
      String name = rs.getString(1);
      rs.close();
      return name;
    }
  }

  /** A statement of the caller's: its result set is not this method's either. */
  public boolean any(PreparedStatement ps) throws SQLException {
    return run(ps).next();
  }

  /** The result set is closed, its statement never is. */
  public boolean anyUser(Connection con) throws SQLException {
    PreparedStatement ps = con.prepareStatement(FIRST); // LEAK JdbcStatementLeak
    ResultSet rs = run(ps);
    try {
      return rs.next();
    } finally {
      rs.close();
    }
  }
}
