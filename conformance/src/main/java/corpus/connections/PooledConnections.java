package corpus.connections;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

/**
 * Physical connections for pools and XA: ConnectionPoolDataSource.getPooledConnection() and
 * (user, password), XADataSource.getXAConnection() and (user, password), and the logical
 * Connection handed out by PooledConnection.getConnection(). PooledConnection is not
 * AutoCloseable, so the fixed forms use try/finally. An unclosed PooledConnection or XAConnection
 * is a connection leak.
 */
public class PooledConnections {
  private final ConnectionPoolDataSource poolSource;
  private final XADataSource xaSource;

  public PooledConnections(ConnectionPoolDataSource poolSource, XADataSource xaSource) {
    this.poolSource = poolSource;
    this.xaSource = xaSource;
  }

  public boolean probePooledLeaky() throws SQLException {
    PooledConnection pc = poolSource.getPooledConnection(); // LEAK JdbcConnectionLeak
    try (Connection con = pc.getConnection()) {
      return con.isValid(2);
    }
  }

  public boolean probePooledFixed() throws SQLException {
    PooledConnection pc = poolSource.getPooledConnection();
    try {
      try (Connection con = pc.getConnection()) {
        return con.isValid(2);
      }
    } finally {
      pc.close();
    }
  }

  public boolean probePooledAsUserLeaky(String user, String password) throws SQLException {
    PooledConnection pc = poolSource.getPooledConnection(user, password); // LEAK JdbcConnectionLeak
    try (Connection con = pc.getConnection()) {
      return con.isValid(2);
    }
  }

  public boolean probePooledAsUserFixed(String user, String password) throws SQLException {
    PooledConnection pc = poolSource.getPooledConnection(user, password);
    try {
      try (Connection con = pc.getConnection()) {
        return con.isValid(2);
      }
    } finally {
      pc.close();
    }
  }

  public int xaTimeoutLeaky() throws Exception {
    XAConnection xa = xaSource.getXAConnection(); // LEAK JdbcConnectionLeak
    XAResource resource = xa.getXAResource();
    return resource.getTransactionTimeout();
  }

  public int xaTimeoutFixed() throws Exception {
    XAConnection xa = xaSource.getXAConnection();
    try {
      XAResource resource = xa.getXAResource();
      return resource.getTransactionTimeout();
    } finally {
      xa.close();
    }
  }

  public int xaTimeoutAsUserLeaky(String user, String password) throws Exception {
    XAConnection xa = xaSource.getXAConnection(user, password); // LEAK JdbcConnectionLeak
    return xa.getXAResource().getTransactionTimeout();
  }

  public int xaTimeoutAsUserFixed(String user, String password) throws Exception {
    XAConnection xa = xaSource.getXAConnection(user, password);
    try {
      return xa.getXAResource().getTransactionTimeout();
    } finally {
      xa.close();
    }
  }

  /** The logical connection of a pooled connection owned by the caller, never closed. */
  public String logicalCatalogLeaky(PooledConnection pc) throws SQLException {
    Connection con = pc.getConnection(); // LEAK JdbcConnectionLeak
    return con.getCatalog();
  }

  public String logicalCatalogFixed(PooledConnection pc) throws SQLException {
    try (Connection con = pc.getConnection()) {
      return con.getCatalog();
    }
  }

  public String xaLogicalCatalogLeaky(XAConnection xa) throws SQLException {
    Connection con = xa.getConnection(); // LEAK JdbcConnectionLeak
    return con.getCatalog();
  }

  public String xaLogicalCatalogFixed(XAConnection xa) throws SQLException {
    try (Connection con = xa.getConnection()) {
      return con.getCatalog();
    }
  }
}
