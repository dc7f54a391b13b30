package dev.leakguard.sampleapp;

import java.sql.ResultSet;
import java.sql.SQLException;

/** An order as the DAOs read it. */
public record Order(long id, long customerId, String status, long totalCents) {

  /** The columns {@link #read} expects, in a select list. */
  static final String COLUMNS = "id, customer_id, status, total_cents";

  /** Reads the current row of {@code row}. */
  static Order read(ResultSet row) throws SQLException {
    return new Order(
        row.getLong("id"), row.getLong("customer_id"), row.getString("status"),
        row.getLong("total_cents"));
  }
}
