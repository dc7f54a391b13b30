package app.generated;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public class GeneratedDao {
  public boolean ping(DataSource ds) throws SQLException {
    Connection con = ds.getConnection(); // LEAK JdbcConnectionLeak
    return con.isValid(1);
  }
}
