package corpus.inference;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An anonymous class, or a class declared in a method, calls a helper it declares itself: that body
 * decides what the call does with its argument, as for a helper of a member class.
 */
public class AnonymousHelpers {
  /** A unit of work run later. */
  public interface Job {
    int run() throws SQLException;
  }

  private final Connection con;

  public AnonymousHelpers(Connection con) {
    this.con = con;
  }

  /** The job's own helper closes the statement. */
  public Job purge(String sql) {
    return new Job() {
      private int finish(Statement st) throws SQLException {
        try {
          st.execute(sql);
          return st.getUpdateCount();
        } finally {
          st.close();
        }
      }

      @Override
      public int run() throws SQLException {
        Statement st = con.createStatement();
        return finish(st);
      }
    };
  }

  /** The job's own helper only reads the statement. */
  public Job count(String sql) {
    return new Job() {
      private int finish(Statement st) throws SQLException {
        st.execute(sql);
        return st.getUpdateCount();
      }

      @Override
      public int run() throws SQLException {
        Statement st = con.createStatement(); // LEAK JdbcStatementLeak
        return finish(st);
      }
    };
  }

  /** A class declared in the method; its own helper closes the statement. */
  public Job purgeLater(String sql) {
    class Purge implements Job {
      private int finish(Statement st) throws SQLException {
        try {
          st.execute(sql);
          return st.getUpdateCount();
        } finally {
          st.close();
        }
      }

      @Override
      public int run() throws SQLException {
        Statement st = con.createStatement();
        return finish(st);
      }
    }
    return new Purge();
  }

  /** A class declared in the method; its own helper only reads the statement. */
  public Job countLater(String sql) {
    class Count implements Job {
      private int finish(Statement st) throws SQLException {
        st.execute(sql);
        return st.getUpdateCount();
      }

      @Override
      public int run() throws SQLException {
        Statement st = con.createStatement(); // LEAK JdbcStatementLeak
        return finish(st);
      }
    }
    return new Count();
  }
}
