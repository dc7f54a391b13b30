package corpus.java25;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Maintenance jobs dispatched by a pattern switch, each arm opening its own connection: arms
 * that leave it open (one with several patterns in its case label) next to arms that close it,
 * and a connection chosen by a guarded pattern switch expression.
 */
public class PatternSwitchJobs {
  /** A maintenance job. */
  public sealed interface Job permits Export, Purge, Vacuum, Reindex, Ping {}

  public record Export(String table) implements Job {}

  public record Purge(String table, int days) implements Job {}

  public record Vacuum(String table) implements Job {}

  public record Reindex(String table) implements Job {}

  public record Ping() implements Job {}

  /** Where a read goes: the replica unless it lags. */
  public record Replica(DataSource dataSource, int lagSeconds) {}

  private final DataSource dataSource;

  public PatternSwitchJobs(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The export arm and the vacuum/reindex arm never close their connections. */
  public int runLeaky(Job job) throws SQLException {
    switch (job) {
      case Export(String table) -> {
        Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
        try (Statement st = con.createStatement()) {
          return st.executeUpdate("INSERT INTO exports SELECT * FROM " + table);
        }
      }
      case Purge(String table, int days) when days > 0 -> {
        try (Connection con = dataSource.getConnection();
            PreparedStatement ps =
                con.prepareStatement("DELETE FROM " + table + " WHERE age_days > ?")) {
          ps.setInt(1, days);
          return ps.executeUpdate();
        }
      }
      case Purge _ -> {
        return 0;
      }
      case Vacuum _, Reindex _ -> {
        Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
        con.setAutoCommit(true);
        return 1;
      }
      case Ping() -> {
        try (Connection con = dataSource.getConnection()) {
          return con.isValid(1) ? 1 : 0;
        }
      }
    }
  }

  /** Every arm that opens a connection closes it. */
  public int run(Job job) throws SQLException {
    return switch (job) {
      case Export(var table) -> {
        try (Connection con = dataSource.getConnection();
            Statement st = con.createStatement()) {
          yield st.executeUpdate("INSERT INTO exports SELECT * FROM " + table);
        }
      }
      case Vacuum _, Reindex _ -> {
        Connection con = dataSource.getConnection();
        try {
          con.setAutoCommit(true);
          yield 1;
        } finally {
          con.close();
        }
      }
      case Purge _, Ping _ -> 0;
    };
  }

  /** The connection comes from the replica or the primary; its try closes it either way. */
  public String catalog(Object route) throws SQLException {
    Connection con =
        switch (route) {
          case Replica r when r.lagSeconds() < 5 -> r.dataSource().getConnection();
          case Replica _ -> dataSource.getConnection();
          default -> dataSource.getConnection();
        };
    try (con) {
      return con.getCatalog();
    }
  }

  /** A type pattern in instanceof: the replica's connection is never closed. */
  public boolean replicaAlive(Object route) throws SQLException {
    if (route instanceof Replica r && r.lagSeconds() < 60) {
      Connection con = r.dataSource().getConnection(); // LEAK JdbcConnectionLeak
      return con.isValid(1);
    }
    return false;
  }

  /** A record pattern in instanceof: its data source component opens a connection, never closed. */
  public boolean replicaAliveDeconstructed(Object route) throws SQLException {
    if (route instanceof Replica(DataSource replica, int lag) && lag < 60) {
      Connection con = replica.getConnection(); // LEAK JdbcConnectionLeak
      return con.isValid(1);
    }
    return false;
  }

  /** The same, closed. */
  public boolean replicaAliveClosed(Object route) throws SQLException {
    if (route instanceof Replica(DataSource replica, var _)) {
      try (Connection con = replica.getConnection()) {
        return con.isValid(1);
      }
    }
    return false;
  }

  /** As above, but the catalog is read outside any try: a failing read keeps the connection. */
  public String catalogNotClosed(Object route) throws SQLException {
    Connection con =
        switch (route) {
          case Replica r when r.lagSeconds() < 5 -> r.dataSource().getConnection(); // LEAK JdbcConnectionLeak
          default -> dataSource.getConnection(); // LEAK JdbcConnectionLeak
        };
    String catalog = con.getCatalog();
    con.close();
    return catalog;
  }
}
