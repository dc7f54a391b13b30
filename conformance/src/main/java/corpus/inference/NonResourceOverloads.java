package corpus.inference;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A driver's metadata class adds overloads of a JDBC method that the model lists for any
 * arguments: one that returns an array or a number hands out no resource, whatever the model
 * says of the name. The JDBC method itself still returns a result set to close.
 */
public class NonResourceOverloads {

  /** A driver's metadata: each row of the type table is built by a private overload. */
  public abstract static class DriverMetaData implements DatabaseMetaData {
    private byte[][] getTypeInfo(String typeName) {
      return new byte[][] {typeName.getBytes(java.nio.charset.StandardCharsets.UTF_8)};
    }

    private int getTypeInfo(String typeName, int precision) {
      return typeName.length() + precision;
    }

    /** The rows of the type table, one overload call per type. */
    public List<byte[][]> typeRows() {
      List<byte[][]> rows = new ArrayList<>();
      rows.add(getTypeInfo("BIT"));
      rows.add(getTypeInfo("TINYINT"));
      return rows;
    }

    public int width(String typeName) {
      return getTypeInfo(typeName, 10);
    }
  }

  public boolean anyTypeLeaky(DatabaseMetaData meta) throws SQLException {
    ResultSet types = meta.getTypeInfo(); // LEAK JdbcResultSetLeak
    return types.next();
  }

  public boolean anyType(DatabaseMetaData meta) throws SQLException {
    try (ResultSet types = meta.getTypeInfo()) {
      return types.next();
    }
  }
}
