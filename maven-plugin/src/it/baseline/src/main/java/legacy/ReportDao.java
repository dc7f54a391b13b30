package legacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

public class ReportDao {
  private final DataSource dataSource;

  public ReportDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int total() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak (accepted)
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("SELECT SUM(amount) FROM sales")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
