package corpus.lambdas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.StatementCallback;

/**
 * Spring-style callbacks: the Connection, Statement or ResultSet given to a callback belongs to
 * the template and is borrowed (no finding for it). Resources the callback creates itself follow
 * the usual rules, except that a PreparedStatementCreator returns its statement to the template,
 * so it must close it only when it fails before returning it.
 */
public class SpringCallbackDao {
  private static final String COUNT = "SELECT COUNT(*) FROM tickets";
  private static final String TITLES = "SELECT title FROM tickets ORDER BY id";
  private static final String INSERT = "INSERT INTO tickets (title) VALUES (?)";
  private static final String DELETE_CLOSED = "DELETE FROM tickets WHERE closed";

  private final JdbcTemplate jdbcTemplate;

  public SpringCallbackDao(JdbcTemplate jdbcTemplate) {
    this.jdbcTemplate = jdbcTemplate;
  }

  public Long countConnectionCallback() {
    return jdbcTemplate.execute((ConnectionCallback<Long>) con -> {
      try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    });
  }

  /** The callback's own statement is never closed, nor its result set, which closing it closes. */
  public Long countConnectionCallbackLeaky() {
    return jdbcTemplate.execute((ConnectionCallback<Long>) con -> {
      Statement st = con.createStatement(); // LEAK JdbcStatementLeak
      ResultSet rs = st.executeQuery(COUNT); // closed with its statement, which is reported
      return rs.next() ? rs.getLong(1) : 0L;
    });
  }

  public List<String> titlesStatementCallback() {
    return jdbcTemplate.execute((StatementCallback<List<String>>) st -> {
      List<String> titles = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(TITLES)) {
        while (rs.next()) {
          titles.add(rs.getString(1));
        }
      }
      return titles;
    });
  }

  public List<String> titlesRowMapper() {
    return jdbcTemplate.query(TITLES, (rs, rowNum) -> rs.getString(1));
  }

  /** setString can throw after the statement is prepared and before it reaches the template. */
  public int insertCreatorLeaky(String title) {
    return jdbcTemplate.update((PreparedStatementCreator) con -> {
      PreparedStatement ps = con.prepareStatement(INSERT); // LEAK JdbcStatementLeak
      ps.setString(1, title);
      return ps;
    });
  }

  public int insertCreator(String title) {
    return jdbcTemplate.update((PreparedStatementCreator) con -> {
      PreparedStatement ps = con.prepareStatement(INSERT);
      try {
        ps.setString(1, title);
      } catch (SQLException e) {
        ps.close();
        throw e;
      }
      return ps;
    });
  }

  public int deleteClosedExpressionCreator() {
    return jdbcTemplate.update((PreparedStatementCreator) con -> con.prepareStatement(DELETE_CLOSED));
  }

  public Long countAnonymousCallback() {
    return jdbcTemplate.execute(new ConnectionCallback<Long>() {
      @Override
      public Long doInConnection(Connection con) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(COUNT);
            ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  /** A method reference to a method whose Connection parameter is borrowed. */
  public Long countMethodReference() {
    return jdbcTemplate.execute((ConnectionCallback<Long>) this::countWith);
  }

  private Long countWith(Connection con) throws SQLException {
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }
}
