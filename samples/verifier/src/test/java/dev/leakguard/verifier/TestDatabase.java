package dev.leakguard.verifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A plain (unpooled) in-memory H2 database with a small table, for the verifier's own tests. */
final class TestDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabase() {}

  /** A new database with table ITEMS(ID, NAME) holding {@code rows} rows. */
  static DataSource create(int rows) throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:verifier-test-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    createItems(dataSource, rows);
    return dataSource;
  }

  /** Creates ITEMS with {@code rows} rows through {@code dataSource}. */
  static void createItems(DataSource dataSource, int rows) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement ddl = connection.createStatement()) {
      ddl.execute(
          "create table items (id int auto_increment primary key, name varchar(40) not null)");
      try (PreparedStatement insert =
          connection.prepareStatement("insert into items (name) values (?)")) {
        for (int i = 1; i <= rows; i++) {
          insert.setString(1, "item-" + i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
