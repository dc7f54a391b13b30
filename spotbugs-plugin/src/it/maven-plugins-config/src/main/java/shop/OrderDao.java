package shop;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

public class OrderDao {
  private final DataSource dataSource;

  public OrderDao(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public boolean ping() throws SQLException {
    Connection con = dataSource.getConnection(); // LEAK JdbcConnectionLeak
    return con.isValid(1);
  }

  public boolean pingFixed() throws SQLException {
    try (Connection con = dataSource.getConnection()) {
      return con.isValid(1);
    }
  }

  /** A resource type of this project, known only from acme.model. */
  public int leaseId(LeasePool pool) throws java.io.IOException {
    Lease lease = pool.lease(); // LEAK JdbcConnectionLeak
    return lease.id();
  }
}
