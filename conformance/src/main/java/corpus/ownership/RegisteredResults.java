package corpus.ownership;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A unit of work that registers the result sets it hands out with a registry, which closes them
 * when the unit ends: a caller of the registering method borrows the result set. The same method
 * without the registry hands the caller a result set to close.
 */
public class RegisteredResults {
  /** Closes what it registers when the unit of work ends. */
  public interface Registry {
    void register(ResultSet rs);
  }

  /**
   * A holder for the last result set of a unit of work; the unit closes what it holds (outside
   * this class, which only stores it).
   */
  public static final class LastResult {
    private ResultSet last;

    public void hold(ResultSet rs) {
      last = rs;
    }

    public boolean holds() {
      return last != null;
    }
  }

  private final Connection con;
  private final Registry registry;
  private final LastResult holder = new LastResult();

  public RegisteredResults(Connection con, Registry registry) {
    this.con = con;
    this.registry = registry;
  }

  private ResultSet tablesRegistered() throws SQLException {
    ResultSet rs = con.getMetaData().getTables(null, null, "%", null);
    registry.register(rs);
    return rs;
  }

  private ResultSet tablesHeld() throws SQLException {
    ResultSet rs = con.getMetaData().getTables(null, null, "%", null);
    holder.hold(rs);
    return rs;
  }

  /** The holder keeps the result set. */
  public boolean anyTableHeld() throws SQLException {
    return tablesHeld().next();
  }

  private ResultSet tables() throws SQLException {
    return con.getMetaData().getTables(null, null, "%", null);
  }

  /** The registry closes the result set. */
  public boolean anyTable() throws SQLException {
    ResultSet rs = tablesRegistered();
    return rs.next();
  }

  /** Nobody closes this one. */
  public boolean anyTableUnregistered() throws SQLException {
    ResultSet rs = tables(); // LEAK JdbcResultSetLeak
    return rs.next();
  }
}
