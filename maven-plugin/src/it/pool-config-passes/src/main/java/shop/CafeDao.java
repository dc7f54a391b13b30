package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Every resource closed. */
public class CafeDao {
  private final DataSource dataSource;

  public CafeDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int countTables() throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM cafe_tables");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
