package corpus.trywithresources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Try-with-resources in its usual forms: one resource, several resources in one header, nested
 * headers, a header that declares a supertype or {@code var}, and try-with-resources combined with
 * catch and finally. One mistake: the header holds the statement but not the connection.
 */
public class ProductRepository {
  private static final String FIND = "SELECT name, price FROM products WHERE sku = ?";
  private static final String ALL_SKUS = "SELECT sku FROM products ORDER BY sku";
  private static final String RAISE = "UPDATE products SET price = price * ? WHERE category = ?";
  private static final String COUNT = "SELECT COUNT(*) FROM products";

  /** A product row. */
  public record Product(String sku, String name, long price) {}

  private final DataSource dataSource;

  public ProductRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<Product> findSingleResource(String sku) throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      try (PreparedStatement ps = con.prepareStatement(FIND)) {
        ps.setString(1, sku);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(new Product(sku, rs.getString(1), rs.getLong(2)));
          }
          return Optional.empty();
        }
      }
    }
  }

  public List<String> allSkusOneHeader() throws SQLException {
    List<String> skus = new ArrayList<>();
    try (Connection con = dataSource.getConnection();
        Statement st = con.createStatement();
        ResultSet rs = st.executeQuery(ALL_SKUS)) {
      while (rs.next()) {
        skus.add(rs.getString(1));
      }
    }
    return skus;
  }

  public int raisePricesNested(String category, double factor) throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      try (PreparedStatement ps = con.prepareStatement(RAISE)) {
        ps.setDouble(1, factor);
        ps.setString(2, category);
        return ps.executeUpdate();
      }
    }
  }

  /** The header declares the statement as its supertype and uses var for the connection. */
  public long countSupertypeAndVar() throws SQLException {
    try (var con = dataSource.getConnection();
        Statement st = con.prepareStatement(COUNT);
        ResultSet rs = ((PreparedStatement) st).executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  /** Try-with-resources with a catch and a finally: resources close before either runs. */
  public int raisePricesWithCatchAndFinally(String category, double factor) {
    long started = System.nanoTime();
    try (Connection con = dataSource.getConnection();
        PreparedStatement ps = con.prepareStatement(RAISE)) {
      ps.setDouble(1, factor);
      ps.setString(2, category);
      return ps.executeUpdate();
    } catch (SQLException e) {
      System.err.println("price update failed: " + e.getMessage());
      return -1;
    } finally {
      System.err.println("price update took " + (System.nanoTime() - started) + " ns");
    }
  }

  /** Only the statement is in the header; the connection is never closed. */
  public Optional<Product> findConnectionOutsideHeader(String sku) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try (PreparedStatement ps = con.prepareStatement(FIND)) {
      ps.setString(1, sku);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return Optional.of(new Product(sku, rs.getString(1), rs.getLong(2)));
        }
        return Optional.empty();
      }
    }
  }
}
