package corpus.implicitclose;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Results never bound to a variable while the statement or connection that closes them is still
 * open: the parent's close takes them along, so a ResultSet dropped under a statement the method
 * closes is no leak, and a Statement dropped under a connection the method closes is the
 * lower-severity JdbcStatementLeftToConnectionClose. A ResultSet dropped under a statement set to
 * close on completion is the one thing that would have closed both.
 */
public class DroppedChildren {
  private final DataSource dataSource;

  public DroppedChildren(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs a script statement, touching its result set only to let the driver process it. */
  public void runScriptStatement(Connection con, String sql) throws SQLException {
    Statement stmt = con.createStatement();
    try {
      if (stmt.execute(sql)) {
        stmt.getResultSet();
      }
    } finally {
      stmt.close();
    }
  }

  /** A statement dropped under a connection the method closes. */
  public void touch(String sql) throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      con.createStatement().execute(sql); // LEAK JdbcStatementLeftToConnectionClose
    }
  }

  /**
   * The query's result set was the only thing that would close the statement (which also stays
   * open when the query fails).
   */
  public void warmUp(Connection con, String sql) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    st.closeOnCompletion();
    st.executeQuery(sql); // LEAK JdbcResultSetLeak
  }
}
