package corpus.inference;

import corpus.inference.StatementOptions.Kind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A helper whose body only calls a static method of an imported member type ({@code import
 * a.B.C}) cannot throw, whatever its throws clause says: the statement made before it is handed
 * over on every path. A helper that does throw leaves the statement open when it fails.
 */
public class ImportedMemberTypes {
  private final Connection con;
  private Kind kind = Kind.FORWARD;

  public ImportedMemberTypes(Connection con) {
    this.con = con;
  }

  private void applyType(int resultSetType) throws SQLException {
    kind = Kind.of(resultSetType, Kind.SCROLLABLE);
  }

  private void checkType(int resultSetType) throws SQLException {
    if (Kind.of(resultSetType, null) == null) {
      throw new SQLException("unsupported result set type " + resultSetType);
    }
  }

  public Statement open(int resultSetType) throws SQLException {
    Statement st = con.createStatement();
    applyType(resultSetType);
    return st;
  }

  public Statement openCheckedLeaky(int resultSetType) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    checkType(resultSetType);
    return st;
  }

  public Kind kind() {
    return kind;
  }
}
