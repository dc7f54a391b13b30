package corpus.inference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Enumeration;
import javax.sql.DataSource;

/**
 * An anonymous or local class's method that uses a local variable of the method around it (a
 * captured variable) sees it with its declared type: a result set of a captured statement belongs
 * to that statement, which closes it on its next execution, while a connection asked of a
 * captured data source is the method's own to close.
 */
public class CapturedLocals {
  private static final String BLOCKS = "SELECT data FROM blocks WHERE id = ? AND seq = ?";

  /** Reads a blob block by block with one statement, handed over with the enumeration. */
  public Enumeration<byte[]> blocks(Connection con, long id) throws SQLException {
    final PreparedStatement prep = con.prepareStatement(BLOCKS); // LEAK JdbcStatementLeak
    prep.setLong(1, id);
    return new Enumeration<byte[]>() {
      private int seq;

      @Override
      public boolean hasMoreElements() {
        return seq < 16;
      }

      @Override
      public byte[] nextElement() {
        try {
          prep.setInt(2, seq++);
          ResultSet rs = prep.executeQuery();
          return rs.next() ? rs.getBytes(1) : null;
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** Checks the database from another thread. */
  public Runnable pinger(final DataSource dataSource) {
    return new Runnable() {
      @Override
      public void run() {
        try {
          Connection c = dataSource.getConnection(); // LEAK JdbcConnectionLeak
          c.isValid(1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** The same with a local class, closing what it opens. */
  public Runnable safePinger(final DataSource dataSource) {
    class Ping implements Runnable {
      @Override
      public void run() {
        try (Connection c = dataSource.getConnection()) {
          c.isValid(1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return new Ping();
  }
}
