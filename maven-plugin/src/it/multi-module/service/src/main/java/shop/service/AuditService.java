package shop.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import shop.dao.Db;

public class AuditService {
  private final Db db;

  public AuditService(Db db) {
    this.db = db;
  }

  public Db db() {
    return db;
  }

  public void record(Connection con, String event) throws SQLException {
    PreparedStatement ps = con.prepareStatement("INSERT INTO audit(event) VALUES (?)"); // LEAK JdbcStatementLeak
    ps.setString(1, event);
    ps.executeUpdate();
  }
}
