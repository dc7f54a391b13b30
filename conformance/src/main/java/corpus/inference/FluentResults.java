package corpus.inference;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A driver's result set with a fluent method (it returns {@code this}): the call's result is the
 * same result set, so closing it closes the one that was opened.
 */
public abstract class FluentResults {
  /** A result set of the driver whose labels can be switched to upper case. */
  public abstract static class LabelledResultSet implements ResultSet {
    private boolean upperCase;

    public LabelledResultSet upperCaseLabels() {
      upperCase = true;
      return this;
    }

    public boolean isUpperCase() {
      return upperCase;
    }
  }

  /** Opens a query's result set; the caller closes it. */
  protected abstract LabelledResultSet openLabelled(String sql);

  public boolean any(String sql) throws SQLException {
    try (LabelledResultSet rs = openLabelled(sql).upperCaseLabels()) {
      return rs.next();
    }
  }

  public boolean anyUnclosed(String sql) throws SQLException {
    LabelledResultSet rs = openLabelled(sql).upperCaseLabels(); // LEAK JdbcResultSetLeak
    return rs.next();
  }
}
