package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The menu: one statement left to its connection's close (a note: the build passes and reports it). */
public class MenuDao {
  private final DataSource dataSource;

  public MenuDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean exists(long id) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      PreparedStatement ps = con.prepareStatement("SELECT 1 FROM menu WHERE id = ?"); // LEAK JdbcStatementLeftToConnectionClose
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } finally {
      con.close();
    }
  }
}
