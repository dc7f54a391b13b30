package corpus.inference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A template method calls an abstract method that only anonymous subclasses implement. Those
 * bodies decide what the call returns, as named subclasses' would: a fresh statement here, so the
 * template owns it until it returns it; a cached one there, which the template must not close.
 */
public class AnonymousImplementations {
  private final Connection connection;
  private PreparedStatement cached;

  public AnonymousImplementations(Connection connection) {
    this.connection = connection;
  }

  private abstract static class Preparation {
    protected final String sql;

    Preparation(String sql) {
      this.sql = sql;
    }

    /** Prepares, then sets a timeout: a failing timeout leaves the new statement open. */
    PreparedStatement prepareWithTimeout() throws SQLException {
      PreparedStatement ps = doPrepare(); // LEAK JdbcStatementLeak
      ps.setQueryTimeout(5);
      return ps;
    }

    protected abstract PreparedStatement doPrepare() throws SQLException;
  }

  private abstract static class Lookup {
    /** Sets a timeout on the statement the implementation hands out; it owns it. */
    PreparedStatement withTimeout() throws SQLException {
      PreparedStatement ps = find();
      ps.setQueryTimeout(5);
      return ps;
    }

    protected abstract PreparedStatement find() throws SQLException;
  }

  public PreparedStatement prepare(String sql) throws SQLException {
    return new Preparation(sql) {
      @Override
      protected PreparedStatement doPrepare() throws SQLException {
        return connection.prepareStatement(this.sql);
      }
    }.prepareWithTimeout();
  }

  public PreparedStatement cachedLookup(String sql) throws SQLException {
    if (cached == null) {
      cached = connection.prepareStatement(sql);
    }
    return new Lookup() {
      @Override
      protected PreparedStatement find() {
        return cached;
      }
    }.withTimeout();
  }

  public void close() throws SQLException {
    if (cached != null) {
      cached.close();
    }
  }
}
