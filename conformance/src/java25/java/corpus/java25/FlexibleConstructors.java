package corpus.java25;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Flexible constructor bodies: statements before {@code super(..)}. A probe connection opened to
 * learn the database product before calling the superclass constructor and never closed, versus
 * one closed by its try; a connection stored in a field before {@code super(..)} by a class that
 * closes it, after a call that can fail versus before it.
 */
public class FlexibleConstructors {
  /** A repository that knows which database it runs on. */
  public static class Repository {
    protected final DataSource dataSource;
    protected final String product;

    public Repository(DataSource dataSource, String product) {
      this.dataSource = dataSource;
      this.product = product;
    }
  }

  /** Asks the database for its name before super(..) and keeps the connection. */
  public static class ProbingRepository extends Repository {
    public ProbingRepository(DataSource dataSource) throws SQLException {
      Objects.requireNonNull(dataSource, "dataSource");
      Connection probe = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      String product = probe.getMetaData().getDatabaseProductName();
      super(dataSource, product);
    }
  }

  /** The probe is closed by its try before super(..). */
  public static class CheckedRepository extends Repository {
    public CheckedRepository(DataSource dataSource) throws SQLException {
      String product;
      try (Connection probe = dataSource.getConnection()) {
        product = probe.getMetaData().getDatabaseProductName();
      }
      super(dataSource, product);
    }
  }

  /** Only validates before super(..): nothing to close. */
  public static class ValidatedRepository extends Repository {
    public ValidatedRepository(DataSource dataSource, String product) {
      if (product == null || product.isBlank()) {
        throw new IllegalArgumentException("no database product");
      }
      super(dataSource, product.strip());
    }
  }

  /**
   * Stores its connection before super(..) and closes it in close(); but reading the metadata
   * can fail before the connection is stored, and then the object never exists.
   */
  public static class Session extends Repository implements AutoCloseable {
    private final Connection connection;

    public Session(DataSource dataSource) throws SQLException {
      Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
      String product = con.getMetaData().getDatabaseProductName();
      this.connection = con;
      super(dataSource, product);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  /** Stores the connection first, so close() is what releases it. */
  public static class StoredSession extends Repository implements AutoCloseable {
    private final Connection connection;

    public StoredSession(DataSource dataSource, String product) throws SQLException {
      this.connection = dataSource.getConnection();
      super(dataSource, product);
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }
}
