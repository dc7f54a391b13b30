package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Resources stored in fields. A class that closes the field in close() or shutdown() owns it
 * (nothing to report where it is acquired); a class that never closes the field is reported as
 * JdbcUnclosedOwningField at the acquisition. Each class acquires at most one resource per
 * method, as the last thing that can throw, so a constructor never fails with a field open.
 */
public final class FieldOwners {
  private static final String LOOKUP = "SELECT label FROM codes WHERE code = ?";
  private static final String INSERT_EVENT = "INSERT INTO events (kind) VALUES (?)";
  private static final String INSERT_DETAIL = "INSERT INTO event_details (detail) VALUES (?)";

  private FieldOwners() {}

  /** Opens its connection in the constructor and closes it in close(). */
  public static final class ManagedSession implements AutoCloseable {
    private final Connection connection;

    public ManagedSession(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection();
    }

    public int execute(String sql) throws SQLException {
      try (Statement st = connection.createStatement()) {
        return st.executeUpdate(sql);
      }
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** Prepares its statement once and closes it in shutdown(). */
  public static final class CachedLookup {
    private final PreparedStatement lookup;

    public CachedLookup(Connection con) throws SQLException {
      this.lookup = con.prepareStatement(LOOKUP);
    }

    public String find(String code) throws SQLException {
      lookup.setString(1, code);
      try (ResultSet rs = lookup.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }

    public void shutdown() throws SQLException {
      lookup.close();
    }
  }

  /** Opens its connection lazily; close() closes it if it was opened. */
  public static final class LazySession implements AutoCloseable {
    private final DataSource dataSource;
    private Connection connection;

    public LazySession(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    private Connection connection() throws SQLException {
      if (connection == null) {
        connection = dataSource.getConnection();
      }
      return connection;
    }

    public int execute(String sql) throws SQLException {
      try (Statement st = connection().createStatement()) {
        return st.executeUpdate(sql);
      }
    }

    @Override
    public void close() throws SQLException {
      if (connection != null) {
        connection.close();
      }
    }
  }

  /** Opens a connection into a field that nothing ever closes. */
  public static final class LeakySession {
    private final Connection connection;

    public LeakySession(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection(); // LEAK JdbcUnclosedOwningField
    }

    public int execute(String sql) throws SQLException {
      try (Statement st = connection.createStatement()) {
        return st.executeUpdate(sql);
      }
    }
  }

  /** Caches a statement in a field and has no method that closes it. */
  public static final class LeakyLookup {
    private final PreparedStatement lookup;

    public LeakyLookup(Connection con) throws SQLException {
      this.lookup = con.prepareStatement(LOOKUP); // LEAK JdbcUnclosedOwningField
    }

    public String find(String code) throws SQLException {
      lookup.setString(1, code);
      try (ResultSet rs = lookup.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** close() closes one cached statement and forgets the other. */
  public static final class AuditWriter implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement insertEvent;
    private PreparedStatement insertDetail;

    public AuditWriter(Connection connection) throws SQLException {
      this.connection = connection;
      this.insertEvent = connection.prepareStatement(INSERT_EVENT);
    }

    public void record(String kind, String detail) throws SQLException {
      insertEvent.setString(1, kind);
      insertEvent.executeUpdate();
      if (insertDetail == null) {
        insertDetail = connection.prepareStatement(INSERT_DETAIL); // LEAK JdbcUnclosedOwningField
      }
      insertDetail.setString(1, detail);
      insertDetail.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
      insertEvent.close();
    }
  }

  /**
   * Prepares its validation statement lazily and closes it, seen as an AutoCloseable, through a
   * quiet helper in the method that closes the connection it wraps.
   */
  public static final class ValidatingConnection {
    private final Connection connection;
    private PreparedStatement validation;

    public ValidatingConnection(Connection connection) {
      this.connection = connection;
    }

    public boolean validate(String sql) throws SQLException {
      if (validation == null) {
        validation = connection.prepareStatement(sql);
      }
      try (ResultSet rs = validation.executeQuery()) {
        return rs.next();
      }
    }

    public void reallyClose() throws SQLException {
      if (validation != null) {
        closeQuietly((AutoCloseable) validation);
      }
      connection.close();
    }

    private static void closeQuietly(AutoCloseable resource) {
      try {
        resource.close();
      } catch (Exception ignored) {
        // closing anyway
      }
    }
  }

  /**
   * Closes its connection in close() through a helper whose name says nothing of closing: only
   * the helper's body tells that it closes what it is given.
   */
  public static final class HelperFinishedSession implements AutoCloseable {
    private final Connection connection;

    public HelperFinishedSession(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection();
    }

    public int holdability() throws SQLException {
      return connection.getHoldability();
    }

    @Override
    public void close() {
      settle(connection);
    }

    private static void settle(Connection c) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }

  /** Hands its connection in close() to a helper like the one above that only reads it. */
  public static final class HelperReadSession implements AutoCloseable {
    private final Connection connection;

    public HelperReadSession(DataSource dataSource) throws SQLException {
      this.connection = dataSource.getConnection(); // LEAK JdbcUnclosedOwningField
    }

    public int holdability() throws SQLException {
      return connection.getHoldability();
    }

    @Override
    public void close() {
      settle(connection);
    }

    private static void settle(Connection c) {
      try {
        System.out.println(c.getHoldability());
      } catch (SQLException ignored) {
        // nothing to tell
      }
    }
  }
}
