package corpus.inference;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A driver's own statement class hands out result sets of its own making (rows built in memory),
 * through a method no model entry describes. Such a result set is the statement's child, as one
 * from executeQuery is: closing the statement closes it, and it is what completes a statement set
 * to close on completion.
 */
public class DriverChildren {
  private final Connection con;

  public DriverChildren(Connection con) {
    this.con = con;
  }

  /** The statement closes itself with the result set the caller gets. */
  public ResultSet constantRows(List<String> rows) throws SQLException {
    MemoryStatement st = (MemoryStatement) con.createStatement();
    st.closeOnCompletion();
    return st.createMemoryResultSet(rows);
  }

  /** Closing the statement closes the result set it made. */
  public int countRows(List<String> rows) throws SQLException {
    MemoryStatement st = (MemoryStatement) con.createStatement();
    try {
      ResultSet rs = st.createMemoryResultSet(rows);
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    } finally {
      st.close();
    }
  }

  /** The result set is closed, the statement that made it is not. */
  public boolean hasRows(List<String> rows) throws SQLException {
    MemoryStatement st = (MemoryStatement) con.createStatement(); // LEAK JdbcStatementLeak
    try (ResultSet rs = st.createMemoryResultSet(rows)) {
      return rs.next();
    }
  }

  /** Set to close on completion, but its result set is dropped: nothing ever closes either. */
  public boolean firstRowBlank(List<String> rows) throws SQLException {
    MemoryStatement st = (MemoryStatement) con.createStatement();
    st.closeOnCompletion();
    ResultSet rs = st.createMemoryResultSet(rows); // LEAK JdbcResultSetLeak
    return rs.next() && rs.getString(1).isEmpty();
  }

  /** A statement class of the driver; the memory result set is its own. */
  public abstract static class MemoryStatement implements Statement {
    /** Builds a result set over the given rows; it belongs to this statement. */
    public abstract ResultSet createMemoryResultSet(List<String> rows);

    /** The statement's own result set, closed with the statement: not this method's to close. */
    public boolean isEmpty(List<String> rows) throws SQLException {
      ResultSet rs = this.createMemoryResultSet(rows);
      return !rs.next();
    }
  }
}
