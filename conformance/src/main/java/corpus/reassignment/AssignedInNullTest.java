package corpus.reassignment;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * An assignment inside a null test ({@code (con = source.getConnection()) != null}) binds the
 * variable and tests it: the path where it is null holds nothing, so a second try after a null
 * loses nothing. On the path where it is not null, the connection is the method's as usual.
 */
public class AssignedInNullTest {
  private final DataSource primary;
  private final DataSource fallback;

  public AssignedInNullTest(DataSource primary, DataSource fallback) {
    this.primary = primary;
    this.fallback = fallback;
  }

  public Connection openEither() throws SQLException {
    Connection con;
    if ((con = primary.getConnection()) != null) {
      return con;
    }
    if ((con = fallback.getConnection()) != null) {
      return con;
    }
    throw new SQLException("no connection from either source");
  }

  public boolean primaryValidLeaky() throws SQLException {
    Connection con;
    if ((con = primary.getConnection()) != null) { // LEAK JdbcConnectionLeak
      return con.isValid(1);
    }
    return false;
  }

  public boolean primaryValid() throws SQLException {
    Connection con;
    if ((con = primary.getConnection()) == null) {
      return false;
    }
    try {
      return con.isValid(1);
    } finally {
      con.close();
    }
  }
}
