package corpus.ownership;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A connection opened only when the caller did not pass one, closed only when it was opened
 * here: a boolean flag (a local, a field or a getter) ties the close to the open.
 */
public class OwnershipFlags {
  private final DataSource dataSource;
  private final Connection shared;
  private final boolean ownsConnections;

  public OwnershipFlags(DataSource dataSource, Connection shared, boolean ownsConnections) {
    this.dataSource = dataSource;
    this.shared = shared;
    this.ownsConnections = ownsConnections;
  }

  public String catalog(Connection external) throws SQLException {
    boolean owned = external == null;
    Connection con = owned ? dataSource.getConnection() : external;
    try {
      return con.getCatalog();
    } finally {
      if (owned) {
        con.close();
      }
    }
  }

  public int update(Connection external, String sql) throws SQLException {
    Connection con = external;
    boolean opened = false;
    if (con == null) {
      con = dataSource.getConnection();
      opened = true;
    }
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(sql);
    } finally {
      if (opened) {
        con.close();
      }
    }
  }

  /** The flag is tested the wrong way round: the connection opened here is never closed. */
  public String catalogClosingTheWrongOne(Connection external) throws SQLException {
    boolean owned = external == null;
    Connection con = owned ? dataSource.getConnection() : external; // LEAK JdbcConnectionLeak
    try {
      return con.getCatalog();
    } finally {
      if (!owned) {
        con.close();
      }
    }
  }

  public String catalogOfOwnOrShared() throws SQLException {
    Connection con = ownsConnections ? dataSource.getConnection() : shared;
    try {
      return con.getCatalog();
    } finally {
      if (ownsConnections) {
        con.close();
      }
    }
  }

  protected boolean opensItsOwn() {
    return ownsConnections;
  }

  public String schemaOfOwnOrShared() throws SQLException {
    Connection con = opensItsOwn() ? dataSource.getConnection() : shared;
    try {
      return con.getSchema();
    } finally {
      if (opensItsOwn()) {
        con.close();
      }
    }
  }
}
