package corpus.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A base class that owns the statements its subclasses prepare lazily, and closes them. */
public abstract class SessionBase implements AutoCloseable {
  protected final Connection connection;
  protected PreparedStatement lookup;
  protected PreparedStatement audit;

  protected SessionBase(Connection connection) {
    this.connection = connection;
  }

  @Override
  public void close() throws SQLException {
    if (lookup != null) {
      lookup.close();
    }
    if (audit != null) {
      audit.close();
    }
  }
}
