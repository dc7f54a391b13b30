package corpus.temporaries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A results object built over a statement and its result set keeps both: the result set passed
 * straight into its constructor is not a dropped temporary.
 */
public class ResultsObject {
  /** Closes the result set and the statement it was given. */
  public static final class Results implements AutoCloseable {
    private final PreparedStatement statement;
    private final ResultSet resultSet;

    public Results(PreparedStatement statement, ResultSet resultSet) {
      this.statement = statement;
      this.resultSet = resultSet;
    }

    public boolean next() throws SQLException {
      return resultSet.next();
    }

    @Override
    public void close() throws SQLException {
      try {
        resultSet.close();
      } finally {
        statement.close();
      }
    }
  }

  /** The results object closes both; only a failing query leaves the statement open. */
  public boolean any(Connection con, String sql) throws SQLException {
    PreparedStatement ps = con.prepareStatement(sql); // LEAK JdbcStatementLeak
    try (Results results = new Results(ps, ps.executeQuery())) {
      return results.next();
    }
  }

  public boolean anyForgotten(Connection con, String sql) throws SQLException {
    PreparedStatement ps = con.prepareStatement(sql); // LEAK JdbcStatementLeak
    Results results = new Results(ps, ps.executeQuery()); // closed with its statement, which is reported
    return results.next();
  }
}
