package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Statements stored in fields inherited from another file's class: that class closes them. A
 * field of this class's own that nothing closes is reported.
 */
public class ReportSession extends SessionBase {
  private PreparedStatement summary;

  public ReportSession(Connection connection) {
    super(connection);
  }

  public String label(String code) throws SQLException {
    if (lookup == null) {
      lookup = connection.prepareStatement("SELECT label FROM codes WHERE code = ?");
    }
    lookup.setString(1, code);
    try (ResultSet rs = lookup.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  public long total() throws SQLException {
    if (summary == null) {
      summary = connection.prepareStatement("SELECT SUM(amount) FROM orders"); // LEAK JdbcUnclosedOwningField
    }
    try (ResultSet rs = summary.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }
}
