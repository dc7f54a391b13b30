package corpus.ownership;

import com.google.errorprone.annotations.MustBeClosed;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.annotation.WillClose;
import javax.annotation.WillNotClose;
import javax.sql.DataSource;
import org.checkerframework.checker.mustcall.qual.NotOwning;
import org.checkerframework.checker.mustcall.qual.Owning;

/**
 * Ownership told by annotations, recognised by simple name: JSR-305 {@code @WillClose} (the
 * callee closes the argument) and {@code @WillNotClose} (the caller still must), Error Prone
 * {@code @MustBeClosed} on a factory (the caller must close the result), Checker Framework
 * {@code @Owning} on a parameter (the callee takes the resource over) and {@code @NotOwning} on a
 * getter (the result is borrowed and must not be closed by the caller). The interfaces have no
 * body in the corpus, so only the annotations say what their methods do.
 */
public class AnnotatedOwnershipDao {
  private static final String COUNT = "SELECT COUNT(*) FROM jobs";
  private static final String CLEAR = "DELETE FROM jobs WHERE done";

  /** Hands connections back to wherever they came from. */
  public interface ConnectionSink {
    void recycle(@WillClose Connection con);

    void audit(@WillNotClose Connection con) throws SQLException;

    void adopt(@Owning Connection con);
  }

  /** The connection of the current unit of work, owned by the unit of work. */
  public interface UnitOfWork {
    @NotOwning
    Connection currentConnection();
  }

  private final DataSource dataSource;
  private final ConnectionSink sink;

  public AnnotatedOwnershipDao(DataSource dataSource, ConnectionSink sink) {
    this.dataSource = dataSource;
    this.sink = sink;
  }

  @MustBeClosed
  public Connection openForJobs() throws SQLException {
    return dataSource.getConnection();
  }

  public long countRecycledByWillClose() throws SQLException {
    Connection con = dataSource.getConnection();
    try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    } finally {
      sink.recycle(con);
    }
  }

  /** audit() promises not to close the connection, and nobody else does. */
  public void auditWillNotClose() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    sink.audit(con);
  }

  public void auditWillNotCloseThenClosed() throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      sink.audit(con);
    }
  }

  public void adoptOwning() throws SQLException {
    Connection con = dataSource.getConnection();
    sink.adopt(con);
  }

  public long countMustBeClosedClosed() throws SQLException {
    try (Connection con = openForJobs();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(COUNT)) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /** The @MustBeClosed factory's connection is never closed. */
  public int clearMustBeClosedIgnored() throws SQLException {
    Connection con = openForJobs(); // LEAK JdbcConnectionLeak
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(CLEAR);
    }
  }

  /** Borrowed from the unit of work: closing it here would be the bug. */
  public int clearNotOwningBorrowed(UnitOfWork unit) throws SQLException {
    Connection con = unit.currentConnection();
    try (Statement st = con.createStatement()) {
      return st.executeUpdate(CLEAR);
    }
  }
}
