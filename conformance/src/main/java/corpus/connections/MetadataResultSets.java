package corpus.connections;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * DatabaseMetaData methods that return a ResultSet (getTables, getColumns, getPrimaryKeys,
 * getIndexInfo, getImportedKeys, getProcedures, getSchemas, getCatalogs, getTypeInfo), on a
 * connection owned by the caller: leaky and fixed. Such a result set must be closed itself.
 */
public class MetadataResultSets {
  public int tableCountLeaky(Connection con) throws SQLException {
    DatabaseMetaData md = con.getMetaData();
    ResultSet rs = md.getTables(null, "public", "%", null); // LEAK JdbcResultSetLeak
    int n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }

  public int tableCountFixed(Connection con) throws SQLException {
    DatabaseMetaData md = con.getMetaData();
    int n = 0;
    try (ResultSet rs = md.getTables(null, "public", "%", null)) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  public List<String> primaryKeyLeaky(Connection con, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    ResultSet rs = con.getMetaData().getPrimaryKeys(null, null, table); // LEAK JdbcResultSetLeak
    while (rs.next()) {
      columns.add(rs.getString("COLUMN_NAME"));
    }
    return columns;
  }

  public List<String> primaryKeyFixed(Connection con, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = con.getMetaData().getPrimaryKeys(null, null, table)) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    }
    return columns;
  }

  public List<String> indexNamesLeaky(Connection con, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    ResultSet rs = con.getMetaData().getIndexInfo(null, null, table, false, true); // LEAK JdbcResultSetLeak
    while (rs.next()) {
      names.add(rs.getString("INDEX_NAME"));
    }
    return names;
  }

  public List<String> indexNamesFixed(Connection con, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = con.getMetaData().getIndexInfo(null, null, table, false, true)) {
      while (rs.next()) {
        names.add(rs.getString("INDEX_NAME"));
      }
    }
    return names;
  }

  public List<String> referencedTablesLeaky(Connection con, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    ResultSet rs = con.getMetaData().getImportedKeys(null, null, table); // LEAK JdbcResultSetLeak
    while (rs.next()) {
      names.add(rs.getString("PKTABLE_NAME"));
    }
    return names;
  }

  public List<String> referencedTablesFixed(Connection con, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = con.getMetaData().getImportedKeys(null, null, table)) {
      while (rs.next()) {
        names.add(rs.getString("PKTABLE_NAME"));
      }
    }
    return names;
  }

  public boolean hasProcedureLeaky(Connection con, String name) throws SQLException {
    ResultSet rs = con.getMetaData().getProcedures(null, null, name); // LEAK JdbcResultSetLeak
    return rs.next();
  }

  public boolean hasProcedureFixed(Connection con, String name) throws SQLException {
    try (ResultSet rs = con.getMetaData().getProcedures(null, null, name)) {
      return rs.next();
    }
  }

  public List<String> schemasLeaky(Connection con) throws SQLException {
    List<String> schemas = new ArrayList<>();
    ResultSet rs = con.getMetaData().getSchemas(); // LEAK JdbcResultSetLeak
    while (rs.next()) {
      schemas.add(rs.getString("TABLE_SCHEM"));
    }
    rs.close();
    return schemas;
  }

  public List<String> schemasFixed(Connection con) throws SQLException {
    List<String> schemas = new ArrayList<>();
    ResultSet rs = con.getMetaData().getSchemas();
    try {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
    } finally {
      rs.close();
    }
    return schemas;
  }

  public List<String> catalogsLeaky(Connection con) throws SQLException {
    List<String> catalogs = new ArrayList<>();
    ResultSet rs = con.getMetaData().getCatalogs(); // LEAK JdbcResultSetLeak
    while (rs.next()) {
      catalogs.add(rs.getString(1));
    }
    return catalogs;
  }

  public List<String> catalogsFixed(Connection con) throws SQLException {
    List<String> catalogs = new ArrayList<>();
    try (ResultSet rs = con.getMetaData().getCatalogs()) {
      while (rs.next()) {
        catalogs.add(rs.getString(1));
      }
    }
    return catalogs;
  }

  public List<String> typeNamesLeaky(Connection con) throws SQLException {
    List<String> types = new ArrayList<>();
    ResultSet rs = con.getMetaData().getTypeInfo(); // LEAK JdbcResultSetLeak
    while (rs.next()) {
      types.add(rs.getString("TYPE_NAME"));
    }
    return types;
  }

  public List<String> typeNamesFixed(Connection con) throws SQLException {
    List<String> types = new ArrayList<>();
    try (ResultSet rs = con.getMetaData().getTypeInfo()) {
      while (rs.next()) {
        types.add(rs.getString("TYPE_NAME"));
      }
    }
    return types;
  }

  /** getColumns on a DatabaseMetaData handed in by the caller, closed. */
  public int columnCountFromMetadata(DatabaseMetaData md, String table) throws SQLException {
    int n = 0;
    try (ResultSet rs = md.getColumns(null, null, table, "%")) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }
}
