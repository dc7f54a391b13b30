package corpus.implicitclose;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A result set goes with its statement: once the method hands the statement over (to a field its
 * class closes, or to its caller), the result set left open is the new owner's, as one of a
 * statement the caller passed in would be. A statement kept in a field nobody closes, or a
 * statement of a connection that was handed over, is still a leak.
 */
public class HandedOverParents implements AutoCloseable {
  private final Connection con;
  private final DataSource dataSource;
  private Statement current;
  private Statement forgotten;
  private Connection shared;

  public HandedOverParents(Connection con, DataSource dataSource) {
    this.con = con;
    this.dataSource = dataSource;
  }

  /** The statement replaces the class' current one, which close() closes, with its result set. */
  public int firstCount(String sql) throws SQLException {
    if (current != null) {
      current.close();
    }
    current = con.createStatement();
    ResultSet rs = current.executeQuery(sql);
    return rs.next() ? rs.getInt(1) : 0;
  }

  /** The caller gets the statement, and with it the result set it still has open. */
  public Statement runAndKeep(String sql) throws SQLException {
    Statement st = con.createStatement();
    try {
      ResultSet rs = st.executeQuery(sql);
      rs.next();
      return st;
    } catch (SQLException e) {
      st.close();
      throw e;
    }
  }

  /** The field is never closed: neither is the statement, nor its result set. */
  public boolean anyRow(String sql) throws SQLException {
    forgotten = con.createStatement(); // LEAK JdbcUnclosedOwningField
    ResultSet rs = forgotten.executeQuery(sql); // LEAK JdbcResultSetLeak
    return rs.next();
  }

  /** The connection goes to a field, but the statement made from it is this method's to close. */
  public int touch(String sql) throws SQLException {
    shared = dataSource.getConnection();
    Statement st = shared.createStatement(); // LEAK JdbcStatementLeak
    return st.executeUpdate(sql);
  }

  @Override
  public void close() throws SQLException {
    try {
      if (current != null) {
        current.close();
      }
    } finally {
      if (shared != null) {
        shared.close();
      }
    }
  }
}
