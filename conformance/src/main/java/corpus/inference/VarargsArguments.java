package corpus.inference;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A resource passed among a varargs call's arguments is an argument like any other: formatting or
 * logging it hands nothing over, so it is still open when the method leaves. An array written out
 * ({@code new Object[] {con}}) and kept is another matter: the resource goes where the array goes.
 */
public class VarargsArguments {
  private final DataSource dataSource;
  private Object[] kept;

  public VarargsArguments(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private static void log(String format, Object... args) {
    System.out.println(String.format(format, args));
  }

  private static void closeAll(AutoCloseable... resources) throws Exception {
    for (AutoCloseable r : resources) {
      if (r != null) {
        r.close();
      }
    }
  }

  public String describeLeaky() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    return String.format("connected to %s as %s", con.getCatalog(), con);
  }

  public int countLogsLeaky() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    log("counting with %s", con);
    return 1;
  }

  public int countLogsAndCloses() throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      log("counting with %s", con);
      return 1;
    }
  }

  public void updateClosedByVarargsHelper() throws Exception {
    Connection con = dataSource.getConnection();
    Statement st = null;
    try {
      st = con.createStatement();
      st.executeUpdate("UPDATE orders SET seen = TRUE");
    } finally {
      closeAll(st, con);
    }
  }

  public void keepInArray() throws SQLException {
    Connection con = dataSource.getConnection();
    kept = new Object[] {con};
  }

  /** Holds a connection; a constructor that fails after storing it leaves it open. */
  public static class Session {
    private final Connection con;

    public Session(DataSource dataSource) {
      try {
        con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      try {
        con.setAutoCommit(true);
      } catch (SQLException e) {
        throw new IllegalStateException(String.format("cannot set up [%s]", con), e);
      }
    }

    public void close() throws SQLException {
      con.close();
    }
  }
}
