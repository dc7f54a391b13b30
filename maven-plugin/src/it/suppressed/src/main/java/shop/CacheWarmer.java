package shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reviewed: these resources live as long as the process, on purpose. */
@SuppressWarnings("JdbcStatementLeak")
public class CacheWarmer {
  private final DataSource dataSource;

  public CacheWarmer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @SuppressWarnings("JdbcConnectionLeak")
  public Statement pinned() throws SQLException {
    Connection con = dataSource.getConnection(); // suppressed on the method
    Statement st = con.createStatement(); // suppressed on the class
    st.execute("SELECT 1");
    return null;
  }

  @SuppressWarnings({"unchecked", "JdbcResultSetLeak"})
  public boolean warm(Connection con) throws SQLException {
    Statement st = con.createStatement(); // suppressed on the class
    ResultSet rs = st.executeQuery("SELECT * FROM products"); // suppressed on the method
    return rs.next();
  }
}
