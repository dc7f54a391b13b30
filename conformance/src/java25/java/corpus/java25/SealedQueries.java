package corpus.java25;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Queries as a sealed hierarchy of records, run by a switch over record patterns with guards: an
 * arm that leaves its statement open next to arms that close theirs. The connection is the
 * caller's.
 */
public class SealedQueries {
  private static final String BY_ID = "SELECT name FROM customers WHERE id = ?";
  private static final String BY_NAME = "SELECT name FROM customers WHERE name LIKE ? LIMIT ?";
  private static final String COUNT = "SELECT COUNT(*) FROM customers";

  /** What the search form can ask for. */
  public sealed interface Query permits ById, ByName, CountAll {}

  public record ById(long id) implements Query {}

  public record ByName(String prefix, int limit) implements Query {}

  public record CountAll() implements Query {}

  /** Every arm closes what it opens. */
  public String run(Connection con, Query query) throws SQLException {
    return switch (query) {
      case ById(long id) -> {
        try (PreparedStatement ps = con.prepareStatement(BY_ID)) {
          ps.setLong(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            yield rs.next() ? rs.getString(1) : null;
          }
        }
      }
      case ByName(String prefix, int limit) when limit > 0 -> {
        try (PreparedStatement ps = con.prepareStatement(BY_NAME)) {
          ps.setString(1, prefix + "%");
          ps.setInt(2, limit);
          try (ResultSet rs = ps.executeQuery()) {
            yield rs.next() ? rs.getString(1) : null;
          }
        }
      }
      case ByName _ -> null;
      case CountAll() -> {
        try (Statement st = con.createStatement();
            ResultSet rs = st.executeQuery(COUNT)) {
          rs.next();
          yield Long.toString(rs.getLong(1));
        }
      }
    };
  }

  /** The lookup by id forgets its statement (and so its result set). */
  public String runLeavingTheLookupOpen(Connection con, Query query) throws SQLException {
    switch (query) {
      case ById(var id) -> {
        PreparedStatement ps = con.prepareStatement(BY_ID); // LEAK JdbcStatementLeak
        ps.setLong(1, id);
        ResultSet rs = ps.executeQuery(); // closed with its statement, which is reported
        return rs.next() ? rs.getString(1) : null;
      }
      case ByName(var prefix, var _) -> {
        return prefix;
      }
      case CountAll _ -> {
        try (Statement st = con.createStatement();
            ResultSet rs = st.executeQuery(COUNT)) {
          return rs.next() ? Long.toString(rs.getLong(1)) : null;
        }
      }
    }
  }

  /** A record pattern in instanceof; the count's statement is left open when the guard holds. */
  public long countIfAsked(Connection con, Object request) throws SQLException {
    if (request instanceof CountAll() && con.isValid(1)) {
      Statement st = con.createStatement(); // LEAK JdbcStatementLeak
      try (ResultSet rs = st.executeQuery(COUNT)) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
    return -1L;
  }
}
