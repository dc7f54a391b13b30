package corpus.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's DataSourceUtils.getConnection binds the connection to the current transaction where
 * transaction synchronization is active: in a {@code @Transactional} method, or on the path of
 * code that checked isSynchronizationActive(); the transaction releases it when it completes.
 * Outside that context it is a new connection the caller must release, also on the path where
 * the check said no, and a statement made from a bound connection is still the caller's to close.
 */
public class TransactionBoundConnections {
  private final DataSource dataSource;

  public TransactionBoundConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs in the caller's transaction: its connection goes back when the transaction ends. */
  @Transactional
  public int rename(String name) throws SQLException {
    Connection con = DataSourceUtils.getConnection(dataSource);
    try (Statement st = con.createStatement()) {
      return st.executeUpdate("update item set name = '" + name + "'");
    }
  }

  /** Joins a transaction when there is one, else works on a connection of its own. */
  public boolean readOnly() throws SQLException {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      Connection con = DataSourceUtils.getConnection(dataSource);
      return con.isReadOnly();
    }
    Connection own = DataSourceUtils.getConnection(dataSource); // LEAK JdbcConnectionLeak
    return own.isReadOnly();
  }

  /** No transaction here: the connection must be released. */
  public boolean autoCommit() throws SQLException {
    Connection con = DataSourceUtils.getConnection(dataSource); // LEAK JdbcConnectionLeak
    return con.getAutoCommit();
  }

  /** In a transaction, but the statement is still the method's to close. */
  @Transactional
  public boolean probe() throws SQLException {
    Connection con = DataSourceUtils.getConnection(dataSource);
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    return st.execute("select 1");
  }
}
