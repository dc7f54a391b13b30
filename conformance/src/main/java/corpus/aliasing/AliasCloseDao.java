package corpus.aliasing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Closing an alias releases the resource: a second variable, a supertype variable, a variable
 * that outlives the original's reassignment to null. The leaks close the alias on one branch
 * only.
 */
public class AliasCloseDao {
  private static final String MARK_SHIPPED = "UPDATE orders SET status = 'SHIPPED' WHERE id = ?";
  private static final String PENDING = "SELECT COUNT(*) FROM orders WHERE status = 'PENDING'";
  private static final String ARCHIVE = "UPDATE orders SET archived = TRUE WHERE status = 'DONE'";

  private final DataSource dataSource;

  public AliasCloseDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long pendingAliasClosedInFinally() throws SQLException {
    Connection con = dataSource.getConnection();
    Connection session = con;
    try (Statement st = session.createStatement(); ResultSet rs = st.executeQuery(PENDING)) {
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      session.close();
    }
  }

  /** The prepared statement is closed through a plain Statement alias. */
  public int markShippedSupertypeAlias(Connection con, long orderId) throws SQLException {
    PreparedStatement ps = con.prepareStatement(MARK_SHIPPED);
    Statement closeable = ps;
    try {
      ps.setLong(1, orderId);
      return ps.executeUpdate();
    } finally {
      closeable.close();
    }
  }

  /** The original variable is cleared; the alias still holds the connection and closes it. */
  public int archiveOriginalCleared() throws SQLException {
    Connection con = dataSource.getConnection();
    Connection keep = con;
    con = null;
    try (Statement st = keep.createStatement()) {
      return st.executeUpdate(ARCHIVE);
    } finally {
      keep.close();
    }
  }

  /** SQLExceptions close the connection; the alias closes it only if the update matched. */
  public boolean markShippedAliasOneBranch(long orderId) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    Connection tx = con;
    int updated;
    try (PreparedStatement ps = tx.prepareStatement(MARK_SHIPPED)) {
      ps.setLong(1, orderId);
      updated = ps.executeUpdate();
    } catch (SQLException e) {
      con.close();
      throw e;
    }
    if (updated == 1) {
      tx.close();
      return true;
    }
    return false;
  }

  public boolean markShippedAliasBothBranches(long orderId) throws SQLException {
    Connection con = dataSource.getConnection();
    Connection tx = con;
    int updated;
    try (PreparedStatement ps = tx.prepareStatement(MARK_SHIPPED)) {
      ps.setLong(1, orderId);
      updated = ps.executeUpdate();
    } catch (SQLException e) {
      con.close();
      throw e;
    }
    if (updated == 1) {
      tx.close();
      return true;
    }
    con.close();
    return false;
  }

  /** The statement alias is closed only when the archive touched rows. */
  public int archiveStatementAliasOneBranch(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    Statement job = st;
    int rows;
    try {
      rows = job.executeUpdate(ARCHIVE);
    } catch (SQLException e) {
      st.close();
      throw e;
    }
    if (rows > 0) {
      job.close();
    }
    return rows;
  }
}
