package corpus.ownership;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Fields a class hands out rather than owns: a result slot that a method others call returns, an
 * entry that gives its connection back, a staging field moved into the field the class closes.
 * And a driver's result set closed under another name than close(). A field only a private
 * accessor returns is still the class's own to close.
 */
public final class FieldHandOut {
  private FieldHandOut() {}

  /** Opens a connection on its own thread; whoever waits for it gets it. */
  public static final class ConnectTask implements Runnable {
    private final DataSource dataSource;
    private Connection result;

    public ConnectTask(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public void run() {
      try {
        result = dataSource.getConnection();
      } catch (SQLException e) {
        result = null;
      }
    }

    public Connection result() {
      return result;
    }
  }

  /** Holds a pooled connection until the pool takes it back to close it. */
  public static final class PoolEntry {
    private Connection connection;

    PoolEntry(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection();
    }

    Connection take() {
      Connection c = connection;
      connection = null;
      return c;
    }
  }

  /** Stages a connection, then promotes it to the one it closes. */
  public static final class Promoting implements AutoCloseable {
    private final DataSource dataSource;
    private Connection staged;
    private Connection current;

    public Promoting(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    public void stage() throws SQLException {
      staged = dataSource.getConnection();
    }

    public void promote() {
      current = staged;
      staged = null;
    }

    @Override
    public void close() throws SQLException {
      if (current != null) {
        current.close();
      }
    }
  }

  /** A connection only this class uses, through a private accessor, never closed. */
  public static final class PrivateAccessor {
    private final Connection connection;

    public PrivateAccessor(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection(); // LEAK JdbcUnclosedOwningField
    }

    private Connection connection() {
      return connection;
    }

    public int execute(String sql) throws SQLException {
      try (Statement st = connection().createStatement()) {
        return st.executeUpdate(sql);
      }
    }
  }

  /** Keeps its last result set of a driver and closes it the driver's way. */
  public abstract static class LastResult {
    private DriverResultSet last;

    /** Opens a result set of the driver's own. */
    protected abstract DriverResultSet open(String sql) throws SQLException;

    public boolean run(String sql) throws SQLException {
      closeLast();
      last = open(sql);
      return last.next();
    }

    private void closeLast() {
      if (last != null) {
        last.closeInternal(true);
        last = null;
      }
    }

    /** Counts the rows of a query with a result set it closes the driver's way. */
    public int count(String sql) throws SQLException {
      DriverResultSet rs = open(sql);
      try {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        return n;
      } finally {
        rs.closeInternal(false);
      }
    }

    /** Counts the rows and forgets the result set. */
    public int countUnclosed(String sql) throws SQLException {
      DriverResultSet rs = open(sql); // LEAK JdbcResultSetLeak
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  /** A result set of the driver, closed by closeInternal. */
  public abstract static class DriverResultSet implements ResultSet {
    /** Closes this result set; {@code fromStatement} when its statement closes it. */
    public abstract void closeInternal(boolean fromStatement);
  }
}
