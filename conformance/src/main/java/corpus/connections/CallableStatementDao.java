package corpus.connections;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Connection.prepareCall(sql), (sql, type, concurrency) and (sql, type, concurrency,
 * holdability) returning CallableStatements, on a connection owned by the caller: leaky and
 * fixed; plus a result set from a CallableStatement.
 */
public class CallableStatementDao {
  private static final String RECALC = "{call recalc_totals(?)}";
  private static final String NEXT_ID = "{? = call next_invoice_id()}";
  private static final String OVERDUE = "{call overdue_invoices(?)}";

  public void recalcLeaky(Connection con, int year) throws SQLException {
    CallableStatement cs = con.prepareCall(RECALC); // LEAK JdbcStatementLeak
    cs.setInt(1, year);
    cs.execute();
  }

  public void recalcFixed(Connection con, int year) throws SQLException {
    try (CallableStatement cs = con.prepareCall(RECALC)) {
      cs.setInt(1, year);
      cs.execute();
    }
  }

  public long nextIdLeaky(Connection con) throws SQLException {
    CallableStatement cs = con.prepareCall(NEXT_ID, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY); // LEAK JdbcStatementLeak
    cs.registerOutParameter(1, Types.BIGINT);
    cs.execute();
    return cs.getLong(1);
  }

  public long nextIdFixed(Connection con) throws SQLException {
    try (CallableStatement cs = con.prepareCall(NEXT_ID, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      cs.registerOutParameter(1, Types.BIGINT);
      cs.execute();
      return cs.getLong(1);
    }
  }

  public long nextIdHoldableLeaky(Connection con) throws SQLException {
    CallableStatement cs = con.prepareCall(NEXT_ID, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT); // LEAK JdbcStatementLeak
    cs.registerOutParameter(1, Types.BIGINT);
    cs.execute();
    return cs.getLong(1);
  }

  public long nextIdHoldableFixed(Connection con) throws SQLException {
    try (CallableStatement cs = con.prepareCall(NEXT_ID, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT)) {
      cs.registerOutParameter(1, Types.BIGINT);
      cs.execute();
      return cs.getLong(1);
    }
  }

  /** The callable statement is closed, so its result set is too. */
  public List<Long> overdueFixed(Connection con, int days) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (CallableStatement cs = con.prepareCall(OVERDUE)) {
      cs.setInt(1, days);
      ResultSet rs = cs.executeQuery();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** Neither the callable statement nor its result set is closed: closing the statement fixes both. */
  public List<Long> overdueLeaky(Connection con, int days) throws SQLException {
    List<Long> ids = new ArrayList<>();
    CallableStatement cs = con.prepareCall(OVERDUE); // LEAK JdbcStatementLeak
    cs.setInt(1, days);
    ResultSet rs = cs.executeQuery(); // closed with its statement, which is reported
    while (rs.next()) {
      ids.add(rs.getLong(1));
    }
    return ids;
  }
}
