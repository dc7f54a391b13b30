package shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.annotation.Nonnull;

/** A test helper that uses the main code and a test-only library. */
public class TestDatabase {
  @Nonnull
  public long firstPrice(String url) throws SQLException {
    Connection con = DriverManager.getConnection(url); // LEAK JdbcConnectionLeak
    return new Prices().price(con, "A-1");
  }
}
