package corpus.finallyblocks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.dbutils.DbUtils;

/**
 * Nested try/finally blocks: one level per resource (correct), an inner try that starts too late,
 * a finally inside a loop, and resources closed in the "wrong" order by quiet closes (harmless:
 * each is still closed explicitly on every path).
 */
public class NestedFinallyDao {
  private static final String SHIPMENTS = "SELECT id, carrier FROM shipments WHERE order_id = ?";
  private static final String SET_STATUS = "UPDATE shipments SET status = ? WHERE id = ?";
  private static final String CARRIERS = "SELECT DISTINCT carrier FROM shipments";

  private final DataSource dataSource;

  public NestedFinallyDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<String> carriersForOrderNested(long orderId) throws SQLException {
    List<String> carriers = new ArrayList<>();
    Connection con = dataSource.getConnection();
    try {
      PreparedStatement ps = con.prepareStatement(SHIPMENTS);
      try {
        ps.setLong(1, orderId);
        ResultSet rs = ps.executeQuery();
        try {
          while (rs.next()) {
            carriers.add(rs.getString("carrier"));
          }
        } finally {
          rs.close();
        }
      } finally {
        ps.close();
      }
    } finally {
      con.close();
    }
    return carriers;
  }

  /** The inner try starts after setString, which can throw with the statement open. */
  public void setStatusInnerTryTooLate(Connection con, long shipmentId, String status)
      throws SQLException {
    PreparedStatement ps = con.prepareStatement(SET_STATUS); // LEAK JdbcStatementLeak
    ps.setString(1, status);
    ps.setLong(2, shipmentId);
    try {
      ps.executeUpdate();
    } finally {
      ps.close();
    }
  }

  public void setStatusFixed(Connection con, long shipmentId, String status)
      throws SQLException {
    PreparedStatement ps = con.prepareStatement(SET_STATUS);
    try {
      ps.setString(1, status);
      ps.setLong(2, shipmentId);
      ps.executeUpdate();
    } finally {
      ps.close();
    }
  }

  /** One connection per shard, each closed by the finally inside the loop body. */
  public int countCarriersPerShard(List<DataSource> shards) throws SQLException {
    int total = 0;
    for (DataSource shard : shards) {
      Connection con = shard.getConnection();
      try {
        PreparedStatement ps = con.prepareStatement(CARRIERS);
        try {
          ResultSet rs = ps.executeQuery();
          while (rs.next()) {
            total++;
          }
        } finally {
          ps.close();
        }
      } finally {
        con.close();
      }
    }
    return total;
  }

  /** Closes the connection first; every close is quiet, so each resource is still closed. */
  public List<String> carriersClosedInReverseOrder() throws SQLException {
    Connection con = null;
    PreparedStatement ps = null;
    ResultSet rs = null;
    try {
      con = dataSource.getConnection();
      ps = con.prepareStatement(CARRIERS);
      rs = ps.executeQuery();
      List<String> carriers = new ArrayList<>();
      while (rs.next()) {
        carriers.add(rs.getString(1));
      }
      return carriers;
    } finally {
      DbUtils.closeQuietly(con);
      DbUtils.closeQuietly(ps);
      DbUtils.closeQuietly(rs);
    }
  }

  /** The connection's finally is nested inside a try that is entered too late. */
  public List<String> carriersOuterTryTooLate() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    con.setReadOnly(true);
    try {
      List<String> carriers = new ArrayList<>();
      try (PreparedStatement ps = con.prepareStatement(CARRIERS);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          carriers.add(rs.getString(1));
        }
      }
      return carriers;
    } finally {
      con.close();
    }
  }
}
