package corpus.finallyblocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Null guards in finally blocks: {@code x != null}, {@code null != x} and {@code
 * Objects.nonNull(x)} guards that are correct, and guards that test the wrong thing (the wrong
 * variable, an inverted test).
 */
public class GuardedFinallyDao {
  private static final String COUNT_BY_OWNER = "SELECT COUNT(*) FROM invoices WHERE owner_id = ?";
  private static final String TOTAL = "SELECT SUM(amount) FROM invoices WHERE owner_id = ?";
  private static final String VOID_INVOICE = "UPDATE invoices SET voided = TRUE WHERE id = ?";

  private final DataSource dataSource;

  public GuardedFinallyDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long countObjectsNonNull(long ownerId) throws SQLException {
    Connection con = null;
    try {
      con = dataSource.getConnection();
      try (PreparedStatement ps = con.prepareStatement(COUNT_BY_OWNER)) {
        ps.setLong(1, ownerId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    } finally {
      if (Objects.nonNull(con)) {
        con.close();
      }
    }
  }

  public long totalReversedNullCheck(long ownerId) throws SQLException {
    Connection con = null;
    PreparedStatement ps = null;
    try {
      con = dataSource.getConnection();
      try {
        ps = con.prepareStatement(TOTAL);
        ps.setLong(1, ownerId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      } finally {
        if (null != ps) {
          ps.close();
        }
      }
    } finally {
      if (null != con) {
        con.close();
      }
    }
  }

  /** A guarded close in its own try/catch, so a failing close is only logged. */
  public void voidInvoiceGuardedStatement(Connection con, long invoiceId) throws SQLException {
    PreparedStatement ps = null;
    try {
      ps = con.prepareStatement(VOID_INVOICE);
      ps.setLong(1, invoiceId);
      ps.executeUpdate();
    } finally {
      if (ps != null) {
        try {
          ps.close();
        } catch (SQLException e) {
          System.err.println("closing the statement failed: " + e.getMessage());
        }
      }
    }
  }

  /** The statement is closed only if the result set exists: executeQuery failing leaves it open. */
  public long countGuardOnWrongVariable(Connection con, long ownerId) throws SQLException {
    PreparedStatement ps = null;
    ResultSet rs = null;
    try {
      ps = con.prepareStatement(COUNT_BY_OWNER); // LEAK JdbcStatementLeak
      ps.setLong(1, ownerId);
      rs = ps.executeQuery();
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      if (rs != null) {
        rs.close();
        ps.close();
      }
    }
  }

  public long countGuardEachVariable(Connection con, long ownerId) throws SQLException {
    PreparedStatement ps = null;
    try {
      ps = con.prepareStatement(COUNT_BY_OWNER);
      ps.setLong(1, ownerId);
      ResultSet rs = null;
      try {
        rs = ps.executeQuery();
        return rs.next() ? rs.getLong(1) : 0L;
      } finally {
        if (rs != null) {
          rs.close();
        }
      }
    } finally {
      if (ps != null) {
        ps.close();
      }
    }
  }

  /** An inverted guard: closes only when the connection is null. */
  public void voidInvoiceInvertedGuard(long invoiceId) throws SQLException {
    Connection con = null;
    try {
      con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      try (PreparedStatement ps = con.prepareStatement(VOID_INVOICE)) {
        ps.setLong(1, invoiceId);
        ps.executeUpdate();
      }
    } finally {
      if (con == null) {
        con.close();
      }
    }
  }

  public void voidInvoiceFixed(long invoiceId) throws SQLException {
    Connection con = null;
    try {
      con = dataSource.getConnection();
      try (PreparedStatement ps = con.prepareStatement(VOID_INVOICE)) {
        ps.setLong(1, invoiceId);
        ps.executeUpdate();
      }
    } finally {
      if (con != null) {
        con.close();
      }
    }
  }
}
