package corpus.realistic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Paging queries: a count query plus a LIMIT/OFFSET page, and keyset paging in a loop. The leaky
 * page method returns early for a page past the end before closing its connection; the leaky
 * export leaves each page's statement open when the loop moves on.
 */
public class PagedQueryDao {
  private static final String COUNT = "SELECT COUNT(*) FROM customers";
  private static final String PAGE = "SELECT id, name FROM customers ORDER BY id LIMIT ? OFFSET ?";
  private static final String AFTER = "SELECT id, name FROM customers WHERE id > ? ORDER BY id LIMIT ?";

  /** A customer row. */
  public record Customer(long id, String name) {}

  /** One page of customers and the total count. */
  public record Page(List<Customer> items, long total) {}

  private final DataSource dataSource;

  public PagedQueryDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Returns early when the page is past the end; exceptions are handled by the catch. */
  public Page pageLeaky(int pageNo, int size) throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    try {
      long total = count(con);
      if ((long) pageNo * size >= total) {
        return new Page(List.of(), total);
      }
      List<Customer> items = readPage(con, pageNo, size);
      con.close();
      return new Page(items, total);
    } catch (SQLException e) {
      con.close();
      throw e;
    }
  }

  public Page page(int pageNo, int size) throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      long total = count(con);
      if ((long) pageNo * size >= total) {
        return new Page(List.of(), total);
      }
      return new Page(readPage(con, pageNo, size), total);
    }
  }

  private long count(Connection con) throws SQLException {
    try (PreparedStatement ps = con.prepareStatement(COUNT);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  private List<Customer> readPage(Connection con, int pageNo, int size) throws SQLException {
    List<Customer> items = new ArrayList<>();
    try (PreparedStatement ps = con.prepareStatement(PAGE)) {
      ps.setInt(1, size);
      ps.setLong(2, (long) pageNo * size);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(new Customer(rs.getLong(1), rs.getString(2)));
        }
      }
    }
    return items;
  }

  /** Keyset paging over the caller's connection: one statement per page, never closed. */
  public List<Customer> exportAllLeaky(Connection con, int size) throws SQLException {
    List<Customer> all = new ArrayList<>();
    long lastId = 0;
    while (true) {
      PreparedStatement ps = con.prepareStatement(AFTER); // LEAK JdbcStatementLeak
      ps.setLong(1, lastId);
      ps.setInt(2, size);
      int read = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lastId = rs.getLong(1);
          all.add(new Customer(lastId, rs.getString(2)));
          read++;
        }
      }
      if (read < size) {
        return all;
      }
    }
  }

  public List<Customer> exportAll(Connection con, int size) throws SQLException {
    List<Customer> all = new ArrayList<>();
    long lastId = 0;
    try (PreparedStatement ps = con.prepareStatement(AFTER)) {
      while (true) {
        ps.setLong(1, lastId);
        ps.setInt(2, size);
        int read = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lastId = rs.getLong(1);
            all.add(new Customer(lastId, rs.getString(2)));
            read++;
          }
        }
        if (read < size) {
          return all;
        }
      }
    }
  }
}
