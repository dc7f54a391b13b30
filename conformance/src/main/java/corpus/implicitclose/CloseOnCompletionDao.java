package corpus.implicitclose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements set to close with their result sets (closeOnCompletion): once a statement has its
 * result set, that result set is the one to close, here the caller's; until then the statement
 * is still this method's, and a failing query leaves it open.
 */
public class CloseOnCompletionDao {
  private final Connection con;

  public CloseOnCompletionDao(Connection con) {
    this.con = con;
  }

  /** A statement for one query, closed with its result set. */
  private PreparedStatement prepareOneShot(String sql) throws SQLException {
    PreparedStatement ps = con.prepareStatement(sql);
    ps.closeOnCompletion();
    return ps;
  }

  public ResultSet ordersOf(long customer) throws SQLException {
    PreparedStatement ps = prepareOneShot("SELECT id FROM orders WHERE customer = ?");
    try {
      ps.setLong(1, customer);
      return ps.executeQuery();
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  /** The query can fail before the statement has a result set to close it. */
  public ResultSet allOrders() throws SQLException {
    PreparedStatement ps = prepareOneShot("SELECT id FROM orders"); // LEAK JdbcStatementLeak
    return ps.executeQuery();
  }

  public ResultSet customers() throws SQLException {
    Statement st = con.createStatement();
    try {
      st.closeOnCompletion();
      return st.executeQuery("SELECT id FROM customers");
    } catch (SQLException e) {
      st.close();
      throw e;
    }
  }
}
