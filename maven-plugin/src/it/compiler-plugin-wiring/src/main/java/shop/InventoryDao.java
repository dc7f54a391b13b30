package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

public class InventoryDao {
  private final DataSource dataSource;
  private Statement cached;

  public InventoryDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int stock(String sku) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try (PreparedStatement ps = con.prepareStatement("SELECT qty FROM stock WHERE sku = ?")) {
      ps.setString(1, sku);
      ResultSet rs = ps.executeQuery();
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  public void restock(Connection con, String sku, int qty) throws SQLException {
    PreparedStatement ps = con.prepareStatement("UPDATE stock SET qty = qty + ? WHERE sku = ?"); // LEAK JdbcStatementLeak
    ps.setInt(1, qty);
    ps.setString(2, sku);
    ps.executeUpdate();
  }

  public String firstStockTable(Connection con) throws SQLException {
    ResultSet rs = con.getMetaData().getTables(null, null, "STOCK%", null); // LEAK JdbcResultSetLeak
    if (rs.next()) {
      return rs.getString("TABLE_NAME");
    }
    return null;
  }

  /** A result of a statement the caller owns goes with that statement: not this method's leak. */
  public String firstSku(Statement st) throws SQLException {
    ResultSet rs = st.executeQuery("SELECT sku FROM stock");
    if (rs.next()) {
      return rs.getString(1);
    }
    return null;
  }

  public void closeQuietly() {
    try {
      cached.close();
    } catch (SQLException ignored) {
      // nothing to do
    }
  }

  public long value(String sku) throws SQLException {
    Connection con = null;
    PreparedStatement ps = null;
    ResultSet rs = null;
    try {
      con = dataSource.getConnection(); // LEAK JdbcCloseChain (when rs.close() throws)
      // ps is skipped too, but only when rs.close() failed on a broken connection, which takes it along
      ps = con.prepareStatement("SELECT qty * price FROM stock WHERE sku = ?");
      ps.setString(1, sku);
      rs = ps.executeQuery();
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      if (rs != null) {
        rs.close();
      }
      if (ps != null) {
        ps.close();
      }
      if (con != null) {
        con.close();
      }
    }
  }
}
