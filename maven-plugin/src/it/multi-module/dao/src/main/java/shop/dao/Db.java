package shop.dao;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public class Db {
  private final DataSource dataSource;

  public Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Hands the caller a connection it must close. */
  public Connection open() throws SQLException {
    return dataSource.getConnection();
  }

  public boolean healthy() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    return con.isValid(2);
  }
}
