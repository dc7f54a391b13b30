package corpus.ownership;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A call asked to close what it works on by a boolean argument whose parameter is named for it: a
 * driver's statement that closes itself with the result set it hands back ({@code closeStatement}
 * passed true), a runner that closes the statement it is given. The statement is handed over.
 * Passing false, a value only known at run time, or true to a parameter that asks the opposite
 * ({@code noClose}) leaves the statement to the caller, who must close it.
 */
public class CloseFlagArguments {
  private final Connection con;
  private final QueryRunner runner;

  public CloseFlagArguments(Connection con, QueryRunner runner) {
    this.con = con;
    this.runner = runner;
  }

  /** The statement closes when the caller closes the rows. */
  public ResultSet rows(String sql) throws SQLException {
    Statement st = con.createStatement();
    return ((ClosingStatement) st).executeQuery(sql, true);
  }

  /** Asked not to: the statement stays open once the rows are closed. */
  public ResultSet rowsOfOpenStatement(String sql) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    return ((ClosingStatement) st).executeQuery(sql, false);
  }

  /** On the path where the flag is false, nothing closes the statement. */
  public ResultSet rowsIfSelect(String sql) throws SQLException {
    boolean close = sql.startsWith("select");
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    return ((ClosingStatement) st).executeQuery(sql, close);
  }

  /** {@code true} here means "do not close": the caller still owns the statement. */
  public ResultSet firstRows(String sql, int rows) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    return ((ClosingStatement) st).executeLimited(sql, rows, true);
  }

  /** The runner closes the statement it is given when asked to. */
  public ResultSet run(String sql) throws SQLException {
    // KNOWN(spotbugs) unexpected JdbcStatementLeak: an interface method without an implementation in the analysed classes has no parameter names in bytecode compiled without -parameters
    Statement st = con.createStatement();
    return runner.run(st, sql, true);
  }

  /** Not asked to: the runner leaves the statement open. */
  public ResultSet runKeepingStatement(String sql) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    return runner.run(st, sql, false);
  }

  /** Runs SQL on a statement it is given. */
  public interface QueryRunner {
    /** With closeStatement, closing the result set returned closes the statement. */
    ResultSet run(Statement statement, String sql, boolean closeStatement) throws SQLException;
  }

  /** A driver's statement that can be told to close itself with the result set it returns. */
  public abstract static class ClosingStatement implements Statement {
    private boolean closeWithResults;
    private boolean keepOpen;

    /** Runs the query; with closeStatement, closing the result set closes this statement. */
    public ResultSet executeQuery(String sql, boolean closeStatement) throws SQLException {
      this.closeWithResults = closeStatement;
      return executeQuery(sql);
    }

    /** Runs the query for at most {@code rows} rows; with noClose, the statement stays open. */
    public ResultSet executeLimited(String sql, int rows, boolean noClose) throws SQLException {
      this.keepOpen = noClose;
      setMaxRows(rows);
      return executeQuery(sql);
    }
  }
}
