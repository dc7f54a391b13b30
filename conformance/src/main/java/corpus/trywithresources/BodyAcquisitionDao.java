package corpus.trywithresources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Resources opened inside a try-with-resources body rather than in its header: the header
 * closes only what it declares. A statement opened in the body of a header that closes its
 * connection is left to the connection close (its own id); a statement or connection unrelated
 * to the header is an ordinary leak.
 */
public class BodyAcquisitionDao {
  private static final String PRICES = "SELECT sku, price FROM products";
  private static final String INSERT_HISTORY = "INSERT INTO price_history (sku, price) VALUES (?, ?)";
  private static final String REFRESH = "REFRESH MATERIALIZED VIEW product_stats";
  private static final String AUDIT = "INSERT INTO audit_log (action) VALUES (?)";

  private final DataSource dataSource;
  private final DataSource auditDataSource;

  public BodyAcquisitionDao(DataSource dataSource, DataSource auditDataSource) {
    this.dataSource = dataSource;
    this.auditDataSource = auditDataSource;
  }

  /** The writer statement is created in the body, on the caller's connection, and never closed. */
  public void copyPricesBodyStatement(Connection con) throws SQLException {
    try (Statement read = con.createStatement(); ResultSet rs = read.executeQuery(PRICES)) {
      PreparedStatement write = con.prepareStatement(INSERT_HISTORY); // LEAK JdbcStatementLeak
      while (rs.next()) {
        write.setString(1, rs.getString(1));
        write.setLong(2, rs.getLong(2));
        write.addBatch();
      }
      write.executeBatch();
    }
  }

  public void copyPricesFixed(Connection con) throws SQLException {
    try (Statement read = con.createStatement();
        ResultSet rs = read.executeQuery(PRICES);
        PreparedStatement write = con.prepareStatement(INSERT_HISTORY)) {
      while (rs.next()) {
        write.setString(1, rs.getString(1));
        write.setLong(2, rs.getLong(2));
        write.addBatch();
      }
      write.executeBatch();
    }
  }

  /** The header closes the connection; the body's statement is only closed with it. */
  public int refreshBodyStatement() throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      Statement st = con.createStatement(); // LEAK JdbcStatementLeftToConnectionClose
      return st.executeUpdate(REFRESH);
    }
  }

  public int refreshFixed() throws SQLException {
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement()) {
      return st.executeUpdate(REFRESH);
    }
  }

  /** A second connection, to the audit database, is opened in the body and never closed. */
  public int refreshAuditedBodyConnection() throws SQLException {
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement()) {
      int rows = st.executeUpdate(REFRESH);
      Connection audit = auditDataSource.getConnection(); // LEAK JdbcConnectionLeak
      try (PreparedStatement log = audit.prepareStatement(AUDIT)) {
        log.setString(1, "refresh product_stats");
        log.executeUpdate();
      }
      return rows;
    }
  }

  public int refreshAuditedFixed() throws SQLException {
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement()) {
      int rows = st.executeUpdate(REFRESH);
      try (Connection audit = auditDataSource.getConnection();
          PreparedStatement log = audit.prepareStatement(AUDIT)) {
        log.setString(1, "refresh product_stats");
        log.executeUpdate();
      }
      return rows;
    }
  }
}
