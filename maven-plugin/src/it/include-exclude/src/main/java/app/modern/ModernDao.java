package app.modern;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public class ModernDao {
  public boolean ping(DataSource ds) throws SQLException {
    Connection con = ds.getConnection(); // LEAK JdbcConnectionLeak
    return con.isValid(1);
  }
}
