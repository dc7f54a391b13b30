package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Café orders, every resource in try-with-resources. */
public class CafeDao {
  private static final String SQL = "SELECT name FROM café WHERE id = ?";
  private final DataSource dataSource;

  public CafeDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public String name(long id) throws SQLException {
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(SQL)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        var name = rs.next() ? rs.getString(1) : null;
        return name;
      }
    }
  }
}
