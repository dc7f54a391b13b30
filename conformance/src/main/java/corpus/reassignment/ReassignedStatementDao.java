package corpus.reassignment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A variable reassigned while it holds an open resource: the old statement or connection becomes
 * unreachable. Twins close before reassigning; a near-miss reassigns after an alias has taken
 * the old resource over.
 */
public class ReassignedStatementDao {
  private static final String ADD_COLUMN = "ALTER TABLE customers ADD COLUMN tier VARCHAR(16)";
  private static final String BACKFILL = "UPDATE customers SET tier = 'basic'";
  private static final String PING = "SELECT 1";
  private static final String STAMP = "UPDATE customers SET synced_at = CURRENT_TIMESTAMP";

  private final DataSource dataSource;

  public ReassignedStatementDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The first statement is overwritten by the second without being closed. */
  public void migrateReassigned(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    st.executeUpdate(ADD_COLUMN);
    st = con.createStatement();
    try {
      st.executeUpdate(BACKFILL);
    } finally {
      st.close();
    }
  }

  public void migrateCloseBeforeReassign(Connection con) throws SQLException {
    Statement st = con.createStatement();
    try {
      st.executeUpdate(ADD_COLUMN);
    } finally {
      st.close();
    }
    st = con.createStatement();
    try {
      st.executeUpdate(BACKFILL);
    } finally {
      st.close();
    }
  }

  /** Reconnects when the first connection is stale, dropping it without closing it. */
  public int stampReconnectReassigned() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    if (!con.isValid(1)) {
      con = dataSource.getConnection();
    }
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(STAMP);
    } finally {
      con.close();
    }
  }

  public int stampReconnectFixed() throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      if (!con.isValid(1)) {
        con.close();
        con = dataSource.getConnection();
      }
      try (Statement st = con.createStatement()) {
        return st.executeUpdate(STAMP);
      }
    } finally {
      con.close();
    }
  }

  /** Near-miss: an alias keeps the first statement, closed by the outer finally. */
  public void pingThenStampAliasKeepsOld(Connection con) throws SQLException {
    PreparedStatement ps = con.prepareStatement(PING);
    PreparedStatement ping = ps;
    try {
      ps = con.prepareStatement(STAMP);
      try {
        ping.execute();
        ps.executeUpdate();
      } finally {
        ps.close();
      }
    } finally {
      ping.close();
    }
  }
}
