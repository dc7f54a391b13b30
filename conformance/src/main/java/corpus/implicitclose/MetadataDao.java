package corpus.implicitclose;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Result sets from DatabaseMetaData have no Statement of the caller's to close them: they must
 * be closed themselves. DatabaseMetaData.getConnection() returns the connection the metadata
 * came from, which is borrowed.
 */
public class MetadataDao {
  public List<String> tableNamesNotClosed(Connection con) throws SQLException {
    DatabaseMetaData md = con.getMetaData();
    ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"}); // LEAK JdbcResultSetLeak
    List<String> names = new ArrayList<>();
    while (rs.next()) {
      names.add(rs.getString("TABLE_NAME"));
    }
    return names;
  }

  public List<String> tableNamesClosed(Connection con) throws SQLException {
    DatabaseMetaData md = con.getMetaData();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  /** Closed on the happy path only: next() or getString() can throw first. */
  public List<String> columnNamesHappyPathOnly(Connection con, String table) throws SQLException {
    ResultSet rs = con.getMetaData().getColumns(null, null, table, "%"); // LEAK JdbcResultSetLeak
    List<String> names = new ArrayList<>();
    while (rs.next()) {
      names.add(rs.getString("COLUMN_NAME"));
    }
    rs.close();
    return names;
  }

  public List<String> columnNamesClosed(Connection con, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = con.getMetaData().getColumns(null, null, table, "%")) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME"));
      }
    }
    return names;
  }

  /** The connection returned by the metadata is the caller's own, borrowed. */
  public String productOfMetadataConnection(DatabaseMetaData md) throws SQLException {
    Connection con = md.getConnection();
    return con.getMetaData().getDatabaseProductName() + " " + con.getCatalog();
  }
}
