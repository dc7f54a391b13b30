package corpus.inference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A DAO whose base class, not in the corpus, hands out connections through a method whose name
 * decides nothing. The other methods of the DAO close what it returns: that is the evidence that
 * the caller owns it, and the one method that does not close it leaks.
 */
public abstract class CallerEvidence extends CallerEvidenceBase {
  private static final String DELETE = "DELETE FROM sessions WHERE id = ?";
  private static final String TOUCH = "UPDATE sessions SET seen = CURRENT_TIMESTAMP WHERE id = ?";

  public void delete(long id) throws SQLException {
    try (Connection con = connection(); PreparedStatement ps = con.prepareStatement(DELETE)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  public void touch(long id) throws SQLException {
    Connection con = connection();
    try {
      PreparedStatement ps = con.prepareStatement(TOUCH);
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

  public void touchNotClosed(long id) throws SQLException {
    Connection con = connection(); // LEAK JdbcConnectionLeak
    try (PreparedStatement ps = con.prepareStatement(TOUCH)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }

  /** Nothing in the corpus closes what auditConnection() returns: no evidence, no finding. */
  public void audit(long id) throws SQLException {
    Connection con = auditConnection();
    try (PreparedStatement ps = con.prepareStatement(TOUCH)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }
}

/** A base class whose connection methods have no body in the corpus (say, a framework's). */
abstract class CallerEvidenceBase {
  protected abstract Connection connection() throws SQLException;

  protected abstract Connection auditConnection() throws SQLException;
}
