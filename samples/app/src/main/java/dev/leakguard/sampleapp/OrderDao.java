package dev.leakguard.sampleapp;

import java.sql.SQLException;
import java.util.Optional;

/** Reads orders one at a time. */
public interface OrderDao {

  /** The customer's most recent order, if there is one. */
  Optional<Order> latestOrder(long customerId) throws SQLException;
}
