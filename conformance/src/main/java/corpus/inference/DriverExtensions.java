package corpus.inference;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.DelegatingConnection;

/**
 * A connection cast to a pool's or driver's own class is still a JDBC connection: what is called
 * on it may throw SQLException, its getters included, and a connection not closed when one does
 * leaks. The source engine without the library on the class path cannot see which of those
 * methods declare it, so it takes each to throw what the method around it declares, as JDBC
 * methods do.
 */
public class DriverExtensions {
  private final DataSource dataSource;

  public DriverExtensions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public String catalogThroughPoolTypeLeaky() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    String catalog = ((DelegatingConnection<?>) con).getCatalog();
    con.close();
    return catalog;
  }

  public boolean closedThroughPoolTypeSafe() throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      return ((DelegatingConnection<?>) con).isClosed();
    }
  }

  public int delegateNeverThrows() throws SQLException {
    // KNOWN(source) unexpected JdbcConnectionLeak: without dbcp2 on the class path, getDelegate() on a connection is taken to throw the SQLException the method declares, as JDBC methods do
    Connection con = dataSource.getConnection();
    int identity = System.identityHashCode(((DelegatingConnection<?>) con).getDelegate());
    con.close();
    return identity;
  }
}
