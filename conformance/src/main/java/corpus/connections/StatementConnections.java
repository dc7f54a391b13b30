package corpus.connections;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.ConnectionEventListener;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * A pool's connection built around a physical connection and the statement it ran for it, whose
 * close() closes both. Constructing one hands both over, so returning it, directly or through a
 * factory method, leaks neither; one whose constructor only reads the statement takes the
 * connection alone. The connection still leaks when createStatement fails before the pool's
 * connection exists.
 */
public class StatementConnections {

  /** Closes the statement, then the connection. */
  public static final class WithStatement implements PooledConnection {
    private final Connection conn;
    private final Statement statement;

    public WithStatement(Connection conn, Statement statement) {
      this.conn = conn;
      this.statement = statement;
    }

    @Override
    public Connection getConnection() {
      return conn;
    }

    @Override
    public void close() throws SQLException {
      try {
        statement.close();
      } finally {
        conn.close();
      }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {}

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {}

    @Override
    public void addStatementEventListener(StatementEventListener listener) {}

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {}
  }

  /** Only reads the statement: it keeps the connection alone. */
  public static final class Peeking implements PooledConnection {
    private final Connection conn;
    private final int timeout;

    public Peeking(Connection conn, Statement statement) throws SQLException {
      this.conn = conn;
      this.timeout = statement.getQueryTimeout();
    }

    public int timeout() {
      return timeout;
    }

    @Override
    public Connection getConnection() {
      return conn;
    }

    @Override
    public void close() throws SQLException {
      conn.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {}

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {}

    @Override
    public void addStatementEventListener(StatementEventListener listener) {}

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {}
  }

  private final DataSource dataSource;

  public StatementConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  protected PooledConnection withStatement(Connection conn, Statement statement) {
    return new WithStatement(conn, statement);
  }

  /** Both go with the pool's connection; the connection alone leaks when createStatement fails. */
  public PooledConnection openWithStatement() throws SQLException {
    Connection conn = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    Statement statement = conn.createStatement();
    return new WithStatement(conn, statement);
  }

  /** The same through a factory method of this class. */
  public PooledConnection openThroughFactory() throws SQLException {
    Connection conn = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    Statement statement = conn.createStatement();
    return withStatement(conn, statement);
  }

  /** Closed on the failing path too: nothing leaks. */
  public PooledConnection openClosingOnFailure() throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      Statement statement = conn.createStatement();
      return withStatement(conn, statement);
    } catch (SQLException e) {
      conn.close();
      throw e;
    }
  }

  /** One that does not keep the statement: the statement is still this method's. */
  public PooledConnection openPeeking() throws SQLException {
    Connection conn = dataSource.getConnection();
    try {
      Statement statement = conn.createStatement(); // LEAK JdbcStatementLeak
      return new Peeking(conn, statement);
    } catch (SQLException e) {
      conn.close();
      throw e;
    }
  }
}
