package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import javax.sql.DataSource;

/**
 * Fields closed by methods with other names than close(): a unit of work whose commit() closes
 * its connection, a cache closed through a helper with no body here. And statements collected in
 * a local deque that a helper of this file closes, element by element.
 */
public final class ClosedElsewhere {

  /** Closes what it is given; implemented outside the corpus. */
  public interface Janitor {
    void closeQuietly(AutoCloseable resource);
  }

  /** The connection lives until commit() or rollback(), which both close it. */
  public static final class UnitOfWork {
    private final Connection connection;

    public UnitOfWork(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection();
    }

    public int update(String sql) throws SQLException {
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        return st.executeUpdate(sql);
      }
    }

    public void commit() throws SQLException {
      try {
        connection.commit();
      } finally {
        connection.close();
      }
    }

    public void rollback() throws SQLException {
      try {
        connection.rollback();
      } finally {
        connection.close();
      }
    }
  }

  /** A prepared statement kept for the object's life, released through a helper. */
  public static final class Lookup {
    private final PreparedStatement lookup;
    private final Janitor janitor;

    public Lookup(Connection con, Janitor janitor) throws SQLException {
      this.lookup = con.prepareStatement("SELECT label FROM codes WHERE code = ?");
      this.janitor = janitor;
    }

    /** The result set belongs to the cached statement: its next execution or close closes it. */
    public boolean exists(String code) throws SQLException {
      lookup.setString(1, code);
      return lookup.executeQuery().next();
    }

    public void dispose() {
      janitor.closeQuietly(lookup);
    }
  }

  /** Closes every element of a collection, each on its own. */
  static void closeAll(Collection<? extends AutoCloseable> resources) {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        System.err.println("close failed: " + e.getMessage());
      }
    }
  }

  public void runScript(Connection con, List<String> script) throws SQLException {
    Deque<Statement> open = new ArrayDeque<>();
    try {
      for (String sql : script) {
        Statement st = con.createStatement();
        open.push(st);
        st.execute(sql);
      }
    } finally {
      closeAll(open);
    }
  }
}
