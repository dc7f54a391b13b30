package corpus.reassignment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Acquiring in a loop: a statement or connection created per iteration into a variable declared
 * outside the loop and closed after it (only the last one is closed); twins that close inside the
 * loop or prepare once outside it.
 */
public class LoopAcquisitionDao {
  private static final String INSERT_TAG = "INSERT INTO tags (name) VALUES (?)";

  public void runScriptKeepsLast(Connection con, List<String> script) throws SQLException {
    Statement st = null;
    for (String sql : script) {
      st = con.createStatement(); // LEAK JdbcStatementLeak
      st.execute(sql);
    }
    if (st != null) {
      st.close();
    }
  }

  public void runScriptClosedInLoop(Connection con, List<String> script) throws SQLException {
    for (String sql : script) {
      try (Statement st = con.createStatement()) {
        st.execute(sql);
      }
    }
  }

  public void runScriptOneStatement(Connection con, List<String> script) throws SQLException {
    try (Statement st = con.createStatement()) {
      for (String sql : script) {
        st.execute(sql);
      }
    }
  }

  /** A statement prepared per tag; the finally closes only the last one. */
  public void insertTagsKeepsLast(Connection con, List<String> tags) throws SQLException {
    PreparedStatement ps = null;
    try {
      for (String tag : tags) {
        ps = con.prepareStatement(INSERT_TAG); // LEAK JdbcStatementLeak
        ps.setString(1, tag);
        ps.executeUpdate();
      }
    } finally {
      if (ps != null) {
        ps.close();
      }
    }
  }

  public void insertTagsPreparedOnce(Connection con, List<String> tags) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(INSERT_TAG)) {
      for (String tag : tags) {
        ps.setString(1, tag);
        ps.executeUpdate();
      }
    }
  }

  /** One connection per shard; only the last one is closed. */
  public int validShardsKeepsLast(List<DataSource> shards) throws SQLException {
    int valid = 0;
    Connection con = null;
    try {
      for (DataSource shard : shards) {
        con = shard.getConnection(); // LEAK JdbcConnectionLeak
        if (con.isValid(2)) {
          valid++;
        }
      }
    } finally {
      if (con != null) {
        con.close();
      }
    }
    return valid;
  }

  public int validShardsClosedInLoop(List<DataSource> shards) throws SQLException {
    int valid = 0;
    for (DataSource shard : shards) {
      try (Connection con = shard.getConnection()) {
        if (con.isValid(2)) {
          valid++;
        }
      }
    }
    return valid;
  }

  /** Closes the previous statement before preparing the next one, and the last one after. */
  public void insertTagsClosePrevious(Connection con, List<String> tags) throws SQLException {
    PreparedStatement ps = null;
    try {
      for (String tag : tags) {
        if (ps != null) {
          ps.close();
          ps = null;
        }
        ps = con.prepareStatement(INSERT_TAG);
        ps.setString(1, tag);
        ps.executeUpdate();
      }
    } finally {
      if (ps != null) {
        ps.close();
      }
    }
  }
}
