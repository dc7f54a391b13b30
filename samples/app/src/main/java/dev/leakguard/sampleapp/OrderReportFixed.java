package dev.leakguard.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The fix: the helper keeps ownership. It takes what to bind and how to read a row, and closes
 * everything it opened before returning plain objects.
 */
public final class OrderReportFixed implements OrderReport {
  private final DataSource dataSource;

  public OrderReportFixed(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<Order> page(int pageNumber, int pageSize) throws SQLException {
    return query(
        OrderSql.PAGE,
        statement -> {
          statement.setInt(1, pageSize);
          statement.setInt(2, pageNumber * pageSize);
        },
        Order::read);
  }

  /** Binds parameters of a statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads the current row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(reader.read(rows));
        }
        return result;
      }
    }
  }
}
