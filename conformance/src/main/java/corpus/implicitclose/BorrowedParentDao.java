package corpus.implicitclose;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Borrowed parents: Statement.getConnection(), ResultSet.getStatement() and
 * DatabaseMetaData.getConnection() return the object the receiver came from; the caller must not
 * close them, so nothing is reported. Closing a borrowed parent is still a close of that parent:
 * {@code rs.getStatement().close()} closes the statement.
 */
public class BorrowedParentDao {
  private static final String COUNT = "SELECT COUNT(*) FROM warehouses";

  private final DataSource dataSource;

  public BorrowedParentDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean autoCommitOfStatement(Statement st) throws SQLException {
    Connection con = st.getConnection();
    return con.getAutoCommit();
  }

  public int fetchSizeOfResult(ResultSet rs) throws SQLException {
    Statement st = rs.getStatement();
    return st == null ? 0 : st.getFetchSize();
  }

  public String urlViaMetadataConnection(Connection con) throws SQLException {
    DatabaseMetaData md = con.getMetaData();
    Connection same = md.getConnection();
    return same.getMetaData().getURL();
  }

  /** Borrowed handles inside a method that owns and closes the real resources. */
  public long countWithBorrowedHandles() throws SQLException {
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(COUNT)) {
      Connection viaStatement = st.getConnection();
      Statement viaResult = rs.getStatement();
      viaResult.setQueryTimeout(5);
      return rs.next() && viaStatement.isValid(1) ? rs.getLong(1) : 0L;
    }
  }

  /**
   * On success the statement is closed through rs.getStatement(); on any SQLException the catch
   * closes it. The result set goes with its statement.
   */
  public long countClosedThroughResultSet(Connection con) throws SQLException {
    Statement st = con.createStatement();
    try {
      ResultSet rs = st.executeQuery(COUNT);
      long count = rs.next() ? rs.getLong(1) : 0L;
      rs.getStatement().close();
      return count;
    } catch (SQLException e) {
      st.close();
      throw e;
    }
  }
}
