package corpus.java25;

import module java.sql;

/**
 * A module import ({@code import module java.sql;}) instead of single-type imports: Connection,
 * Statement, ResultSet and DataSource come from the module's packages.
 */
public class ModuleImports {
  private static final String TOTAL = "SELECT SUM(cents) FROM payments";

  private final DataSource dataSource;

  public ModuleImports(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The connection and its statement are never closed. */
  public long totalLeaky() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    Statement st = con.createStatement(); // LEAK JdbcStatementLeak
    ResultSet rs = st.executeQuery(TOTAL); // closed with its statement, which is reported
    return rs.next() ? rs.getLong(1) : 0L;
  }

  public long total() throws SQLException {
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(TOTAL)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /** The statement is closed; the result set goes with it. */
  public long totalOn(Connection con) throws SQLException {
    try (Statement st = con.createStatement()) {
      ResultSet rs = st.executeQuery(TOTAL);
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }
}
