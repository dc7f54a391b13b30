package dev.leakguard.sampleapp;

import java.sql.SQLException;
import java.util.List;

/** Lists orders a page at a time, for the back-office report. */
public interface OrderReport {

  /** Page {@code pageNumber} (from 0) of all orders by id, {@code pageSize} per page. */
  List<Order> page(int pageNumber, int pageSize) throws SQLException;
}
