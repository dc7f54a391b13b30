package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A method that uses a connection it keeps, or one it opens when it keeps none, closes in its
 * finally block the one that is not the kept one ({@code if (con != this.target)}), or the one
 * that is not the caller's ({@code if (con != external)}). A connection opened here is never the
 * kept one nor the caller's, so it is closed on every path. Closing only when it is the same
 * closes the borrowed one and leaks the one opened here.
 */
public class ReferenceComparisons {
  private final DataSource dataSource;
  private Connection target;

  public ReferenceComparisons(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Keeps {@code con} for the calls that follow; the object closes it in {@link #close}. */
  public void bind(Connection con) {
    this.target = con;
  }

  public void close() throws SQLException {
    if (target != null) {
      target.close();
    }
  }

  /** The kept connection stays open; one opened here is closed. */
  public int update(String sql) throws SQLException {
    Connection con = this.target;
    if (con == null) {
      con = dataSource.getConnection();
    }
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(sql);
    } finally {
      if (con != this.target) {
        con.close();
      }
    }
  }

  /** Closes the kept one and never the one opened here. */
  public int updateClosingTheWrongOne(String sql) throws SQLException {
    Connection con = this.target;
    if (con == null) {
      con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    }
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(sql);
    } finally {
      if (con == this.target) {
        con.close();
      }
    }
  }

  /** The caller's connection stays open; one opened here is closed. */
  public int update(Connection external, String sql) throws SQLException {
    Connection con = external != null ? external : dataSource.getConnection();
    try (PreparedStatement ps = con.prepareStatement(sql)) {
      return ps.executeUpdate();
    } finally {
      if (con != external) {
        con.close();
      }
    }
  }

  /** Two connections opened here are two: closing the second only if it were the first leaks it. */
  public void copy(String select, String insert) throws SQLException {
    Connection from = dataSource.getConnection();
    try {
      Connection to = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      try (Statement read = from.createStatement(); Statement write = to.createStatement()) {
        read.execute(select);
        write.execute(insert);
      } finally {
        if (to == from) {
          to.close();
        }
      }
    } finally {
      from.close();
    }
  }
}
