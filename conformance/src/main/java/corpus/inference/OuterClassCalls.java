package corpus.inference;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * An unqualified call in an inner class that the inner class does not declare is a call of its
 * outer class, also of a method the outer class inherits: what that body does decides, as for a
 * call in the outer class itself. A body that cannot throw leaves no exceptional path, whatever
 * its throws clause; one that throws leaves the connection open when it does.
 */
public class OuterClassCalls {

  /** Audits what its subclasses do. */
  public abstract static class Audited {
    private String last;

    protected void audit(String what) throws SQLException {
      last = what;
    }

    protected void requireAudited() throws SQLException {
      if (last == null) {
        throw new SQLException("nothing audited yet");
      }
    }
  }

  public static class Dao extends Audited {
    private final DataSource dataSource;

    public Dao(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /** Opens connections for a batch job. */
    public class Job {
      public Connection open() throws SQLException {
        Connection con = dataSource.getConnection();
        audit("open");
        return con;
      }

      public Connection openAuditedLeaky() throws SQLException {
        Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
        requireAudited();
        return con;
      }
    }
  }
}
