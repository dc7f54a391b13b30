package corpus.inference;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.dbutils.QueryRunner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Library calls between the open and the try that closes: one that declares SQLException can
 * leave the connection open; a log call, a check or a getter cannot. An engine without the
 * library's signatures (the source engine) lets such a call throw what the method declares,
 * except for logging and accessors.
 */
public class LibraryCalls {
  private static final Log LOG = LogFactory.getLog(LibraryCalls.class);

  private final DataSource dataSource;
  private final QueryRunner runner = new QueryRunner();

  public LibraryCalls(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int purgeBeforeTry(String table) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    runner.update(con, "DELETE FROM audit_log WHERE kept = FALSE");
    try {
      return runner.update(con, "DELETE FROM " + table);
    } finally {
      con.close();
    }
  }

  public int purgeLogged(String table) throws SQLException {
    Connection con = dataSource.getConnection();
    LOG.debug("purging " + table);
    try {
      return runner.update(con, "DELETE FROM " + table);
    } finally {
      con.close();
    }
  }

  public int purgeChecked(String table) throws SQLException {
    Connection con = dataSource.getConnection();
    boolean named = StringUtils.hasText(table);
    try {
      return named ? runner.update(con, "DELETE FROM " + table) : 0;
    } finally {
      con.close();
    }
  }

  public int purgeAsserted(String table) throws SQLException {
    // KNOWN(source) unexpected JdbcConnectionLeak: without Spring's signatures, Assert.notNull may throw the SQLException the method declares
    Connection con = dataSource.getConnection();
    Assert.notNull(table, "table");
    try {
      return runner.update(con, "DELETE FROM " + table);
    } finally {
      con.close();
    }
  }
}
