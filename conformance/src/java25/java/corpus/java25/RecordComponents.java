package corpus.java25;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Records that hold a connection. A unit of work holds one it borrows from its caller: its
 * accessor and its methods never own it, but the statements they open are theirs to close. A
 * lease holds one it closes: constructing it hands the connection over, dropping it leaks.
 */
public class RecordComponents {
  private static final String PURGE = "DELETE FROM carts WHERE tenant = ? AND stale";
  private static final String COUNT = "SELECT COUNT(*) FROM carts WHERE tenant = ?";

  /** A tenant's work on a connection its caller opened and will close. */
  public record UnitOfWork(Connection connection, String tenant) {
    public UnitOfWork {
      if (tenant.isBlank()) {
        throw new IllegalArgumentException("no tenant");
      }
    }

    /** Closes its statement; the connection stays the caller's. */
    public int purge() throws SQLException {
      try (PreparedStatement ps = connection.prepareStatement(PURGE)) {
        ps.setString(1, tenant);
        return ps.executeUpdate();
      }
    }

    /** Leaves its statement open on the borrowed connection. */
    public int purgeLeaky() throws SQLException {
      PreparedStatement ps = connection.prepareStatement(PURGE); // LEAK JdbcStatementLeak
      ps.setString(1, tenant);
      return ps.executeUpdate();
    }
  }

  /** A connection leased from the pool, released by close(). */
  public record Lease(Connection connection) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  private final DataSource dataSource;

  public RecordComponents(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The accessor returns the borrowed connection: only the statement is this method's. */
  public long countThroughTheAccessor(UnitOfWork work) throws SQLException {
    PreparedStatement ps = work.connection().prepareStatement(COUNT); // LEAK JdbcStatementLeak
    ps.setString(1, work.tenant());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  public long countThroughTheAccessorClosed(UnitOfWork work) throws SQLException {
    try (PreparedStatement ps = work.connection().prepareStatement(COUNT)) {
      ps.setString(1, work.tenant());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  /** The caller opens the connection, lends it to the unit of work, and closes it. */
  public int purgeTenant(String tenant) throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      return new UnitOfWork(con, tenant).purge();
    }
  }

  /** A record pattern takes the borrowed connection apart; the statement is closed. */
  public long countMatching(Object request) throws SQLException {
    if (request instanceof UnitOfWork(Connection con, String tenant)) {
      try (PreparedStatement ps = con.prepareStatement(COUNT)) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    }
    return 0L;
  }

  /** The lease is released by its try. */
  public boolean ping() throws SQLException {
    try (Lease lease = new Lease(dataSource.getConnection())) {
      return lease.connection().isValid(1);
    }
  }

  /** The lease is made, used and dropped: nothing releases its connection. */
  public boolean pingAndForget() throws SQLException {
    Lease lease = new Lease(dataSource.getConnection()); // LEAK JdbcConnectionLeak
    try (Statement st = lease.connection().createStatement()) {
      return st.execute("SELECT 1");
    }
  }
}
