package corpus.libraries;

import com.j256.ormlite.support.ConnectionSource;
import com.j256.ormlite.support.DatabaseConnection;
import java.sql.SQLException;

/** ORMLite: a connection from the ConnectionSource goes back with releaseConnection. */
public class OrmLiteResources {
  private static final String DELETE_ALL = "delete from ";

  private final ConnectionSource source;

  public OrmLiteResources(ConnectionSource source) {
    this.source = source;
  }

  /** Released only when nothing fails: a failing statement keeps the connection. */
  public int deleteReleasedOnHappyPath(String table) throws SQLException {
    DatabaseConnection connection = source.getReadWriteConnection(table); // LEAK DbSessionLeak
    int rows = connection.executeStatement(DELETE_ALL + table, DatabaseConnection.DEFAULT_RESULT_FLAGS);
    source.releaseConnection(connection);
    return rows;
  }

  public int deleteReleased(String table) throws SQLException {
    DatabaseConnection connection = source.getReadWriteConnection(table);
    try {
      return connection.executeStatement(DELETE_ALL + table, DatabaseConnection.DEFAULT_RESULT_FLAGS);
    } finally {
      source.releaseConnection(connection);
    }
  }

  /** Read-only connections go back the same way. */
  public boolean autoCommitNeverReleased(String table) throws SQLException {
    DatabaseConnection connection = source.getReadOnlyConnection(table); // LEAK DbSessionLeak
    return connection.isAutoCommit();
  }
}
