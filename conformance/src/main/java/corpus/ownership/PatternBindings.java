package corpus.ownership;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A cleanup helper takes any object and closes it through the pattern variable of an instanceof
 * test ({@code if (handle instanceof AutoCloseable c) c.close()}): the variable is the object, so
 * the helper closes what it is given, and a caller that hands it its connection has closed it. A
 * helper that only looks at the object closes nothing.
 */
public class PatternBindings {
  private final DataSource dataSource;

  public PatternBindings(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int count(String sql) throws SQLException {
    Connection con = dataSource.getConnection();
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    } finally {
      finish(con);
    }
  }

  public int countAndDescribe(String sql) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    } finally {
      describe(con);
    }
  }

  /** Closes what it is given, when it can be closed. */
  static void finish(Object handle) {
    if (handle instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        System.err.println("could not close " + handle + ": " + e.getMessage());
      }
    }
  }

  /** Only looks at what it is given. */
  static void describe(Object handle) {
    if (handle instanceof AutoCloseable closeable) {
      System.err.println("still open: " + closeable);
    }
  }
}
