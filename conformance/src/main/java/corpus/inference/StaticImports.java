package corpus.inference;

import static corpus.inference.StaticImports.Checks.notNull;
import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls through statically imported generic helpers that hand back their argument
 * (Objects.requireNonNull, a project's notNull): the result has the argument's type, so the call
 * made on it is known. A statement prepared on it is acquired, and leaks if nothing closes it; a
 * statement handed to a registry reached through it is kept by the registry.
 */
public class StaticImports {
  private final Connection con;
  private final Registry registry;

  public StaticImports(Connection con, Registry registry) {
    this.con = con;
    this.registry = registry;
  }

  public int update(String sql) throws SQLException {
    PreparedStatement ps = requireNonNull(con).prepareStatement(sql); // LEAK JdbcStatementLeak
    return ps.executeUpdate();
  }

  public int updateClosed(String sql) throws SQLException {
    try (PreparedStatement ps = requireNonNull(con).prepareStatement(sql)) {
      return ps.executeUpdate();
    }
  }

  public void prepareForLater(String sql) throws SQLException {
    PreparedStatement ps = con.prepareStatement(sql);
    notNull(registry).keep(ps);
  }

  /** Keeps statements until it is closed. */
  public static final class Registry implements AutoCloseable {
    private final List<Statement> kept = new ArrayList<>();

    public void keep(Statement statement) {
      kept.add(statement);
    }

    @Override
    public void close() throws SQLException {
      for (Statement s : kept) {
        s.close();
      }
    }
  }

  /** Argument checks. */
  public static final class Checks {
    private Checks() {}

    public static <T> T notNull(T value) {
      if (value == null) {
        throw new IllegalArgumentException("null");
      }
      return value;
    }
  }
}
