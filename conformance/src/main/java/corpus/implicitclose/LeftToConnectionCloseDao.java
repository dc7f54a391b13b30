package corpus.implicitclose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.dbutils.DbUtils;

/**
 * A Statement that is not closed while its Connection is closed on every such path: JDBC closes
 * it with the connection, but a pool keeps the physical connection (and the cursor) open, so it
 * is reported with its own id, JdbcStatementLeftToConnectionClose, not JdbcStatementLeak. The
 * result sets here are closed explicitly, so only the statement is in question.
 */
public class LeftToConnectionCloseDao {
  private static final String REFRESH = "UPDATE inbox SET refreshed_at = CURRENT_TIMESTAMP";
  private static final String MARK_READ = "UPDATE inbox SET read = TRUE WHERE id = ?";
  private static final String SUBJECTS = "SELECT subject FROM inbox ORDER BY received_at";

  private final DataSource dataSource;

  public LeftToConnectionCloseDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public int refreshLeftToConnection() throws SQLException {
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

  /** The statement is closed on the happy path; when it throws, only the connection is closed. */
  public void markReadHappyPathStatement(long id) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      PreparedStatement ps = con.prepareStatement(MARK_READ); // LEAK JdbcStatementLeftToConnectionClose
      ps.setLong(1, id);
      ps.executeUpdate();
      ps.close();
    } finally {
      con.close();
    }
  }

  public void markReadFixed(long id) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      PreparedStatement ps = con.prepareStatement(MARK_READ);
      try {
        ps.setLong(1, id);
        ps.executeUpdate();
      } finally {
        ps.close();
      }
    } finally {
      con.close();
    }
  }

  public void markReadQuietConnectionOnly(long id) throws SQLException {
    Connection con = null;
    PreparedStatement ps = null;
    try {
      con = dataSource.getConnection();
      ps = con.prepareStatement(MARK_READ); // LEAK JdbcStatementLeftToConnectionClose
      ps.setLong(1, id);
      ps.executeUpdate();
    } finally {
      DbUtils.closeQuietly(con);
    }
  }

  public int refreshTemporaryStatement() throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      return con.createStatement().executeUpdate(REFRESH); // LEAK JdbcStatementLeftToConnectionClose
    }
  }

  /** The result set is closed by its own header; its statement is left to the connection. */
  public List<String> subjectsResultClosedStatementLeft() throws SQLException {
    List<String> subjects = new ArrayList<>();
    try (Connection con = dataSource.getConnection()) {
      Statement st = con.createStatement(); // LEAK JdbcStatementLeftToConnectionClose
      try (ResultSet rs = st.executeQuery(SUBJECTS)) {
        while (rs.next()) {
          subjects.add(rs.getString(1));
        }
      }
    }
    return subjects;
  }

  public List<String> subjectsFixed() throws SQLException {
    List<String> subjects = new ArrayList<>();
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(SUBJECTS)) {
      while (rs.next()) {
        subjects.add(rs.getString(1));
      }
    }
    return subjects;
  }
}
