package shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class ReportDao {
  public int rows(Connection con) throws SQLException {
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    int n;
    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM reports")) {
      rs.next();
      n = rs.getInt(1);
    }
    st.close();
    return n;
  }
}
