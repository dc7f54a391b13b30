package corpus.realistic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * A batch importer: addBatch/executeBatch in chunks, in the caller's transaction or in its own.
 * The leaky versions re-prepare the statement for each chunk without closing the previous one,
 * or leave the statement to the connection close.
 */
public class BatchImporter {
  private static final String INSERT =
      "INSERT INTO products (sku, name, price_cents) VALUES (?, ?, ?)";

  /** A product to import. */
  public record Product(String sku, String name, long priceCents) {}

  private final DataSource dataSource;

  public BatchImporter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every chunk gets a new statement; the previous ones are never closed. */
  public int importInChunksLeaky(Connection con, List<Product> products, int chunkSize)
      throws SQLException {
    int total = 0;
    int inChunk = 0;
    PreparedStatement ps = con.prepareStatement(INSERT); // LEAK JdbcStatementLeak
    for (Product p : products) {
      bind(ps, p);
      ps.addBatch();
      if (++inChunk == chunkSize) {
        total += sum(ps.executeBatch());
        ps = con.prepareStatement(INSERT); // LEAK JdbcStatementLeak
        inChunk = 0;
      }
    }
    total += sum(ps.executeBatch());
    ps.close();
    return total;
  }

  public int importInChunks(Connection con, List<Product> products, int chunkSize)
      throws SQLException {
    int total = 0;
    int inChunk = 0;
    try (PreparedStatement ps = con.prepareStatement(INSERT)) {
      for (Product p : products) {
        bind(ps, p);
        ps.addBatch();
        if (++inChunk == chunkSize) {
          total += sum(ps.executeBatch());
          inChunk = 0;
        }
      }
      total += sum(ps.executeBatch());
    }
    return total;
  }

  /** Own transaction: the connection is closed, the statement only on success. */
  public int importAllLeftToConnection(List<Product> products) throws SQLException {
    Connection con = dataSource.getConnection();
    try {
      con.setAutoCommit(false);
      PreparedStatement ps = con.prepareStatement(INSERT); // LEAK JdbcStatementLeftToConnectionClose
      for (Product p : products) {
        bind(ps, p);
        ps.addBatch();
      }
      int total = sum(ps.executeBatch());
      ps.close();
      con.commit();
      return total;
    } catch (SQLException e) {
      con.rollback();
      throw e;
    } finally {
      con.close();
    }
  }

  public int importAll(List<Product> products) throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      con.setAutoCommit(false);
      try (PreparedStatement ps = con.prepareStatement(INSERT)) {
        for (Product p : products) {
          bind(ps, p);
          ps.addBatch();
        }
        int total = sum(ps.executeBatch());
        con.commit();
        return total;
      } catch (SQLException e) {
        con.rollback();
        throw e;
      }
    }
  }

  private static void bind(PreparedStatement ps, Product p) throws SQLException {
    ps.setString(1, p.sku());
    ps.setString(2, p.name());
    ps.setLong(3, p.priceCents());
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int c : counts) {
      total += Math.max(c, 0);
    }
    return total;
  }
}
