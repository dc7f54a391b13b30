package corpus.inference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Methods with no body anywhere in the corpus (interface methods nobody implements here): the
 * method's name and its receiver's type say whether the caller gets a new connection to close or
 * an existing one that someone else owns.
 */
public class NamedFactories {
  private static final String FIND = "SELECT name FROM customers WHERE id = ?";

  /** Hands out new connections; implemented outside the corpus. */
  public interface ConnectionProvider {
    Connection getConnection() throws SQLException;

    Connection openConnection() throws SQLException;
  }

  /** The connection of the running transaction; implemented outside the corpus. */
  public interface Transaction {
    Connection getConnection();

    Connection currentConnection();
  }

  /** A pool entry and the connection it wraps. */
  public interface PooledEntry {
    Connection getObject();
  }

  private final ConnectionProvider provider;
  private final Transaction tx;

  public NamedFactories(ConnectionProvider provider, Transaction tx) {
    this.provider = provider;
    this.tx = tx;
  }

  /** A provider's get* hands out a new connection, which is dropped here. */
  public String nameFromProviderNotClosed(long id) throws SQLException {
    Connection con = provider.getConnection(); // LEAK JdbcConnectionLeak
    try (PreparedStatement ps = con.prepareStatement(FIND)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  public String nameFromProvider(long id) throws SQLException {
    try (Connection con = provider.getConnection();
        PreparedStatement ps = con.prepareStatement(FIND)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  public boolean pingNotClosed() throws SQLException {
    Connection con = provider.openConnection(); // LEAK JdbcConnectionLeak
    return con.isValid(1);
  }

  /** The transaction's connection is borrowed: closing it is the transaction's business. */
  public String nameInTransaction(long id) throws SQLException {
    Connection con = tx.getConnection();
    try (PreparedStatement ps = con.prepareStatement(FIND)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  public boolean currentIsValid() throws SQLException {
    return tx.currentConnection().isValid(1);
  }

  public String catalogOfEntry(PooledEntry entry) throws SQLException {
    return entry.getObject().getCatalog();
  }

  /** A static helper class's get* opens a connection: the caller owns it. */
  public String catalogFromHelper() throws SQLException {
    Connection con = LegacyDb.getConnection(); // LEAK JdbcConnectionLeak
    return con.getCatalog();
  }

  public String catalogFromHelperClosed() throws SQLException {
    try (Connection con = LegacyDb.getConnection()) {
      return con.getCatalog();
    }
  }

  /** A class of static helpers whose bodies are not in the corpus. */
  public abstract static class LegacyDb {
    public static native Connection getConnection() throws SQLException;
  }
}
