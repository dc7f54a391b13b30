package dev.leakguard.sampleapp;

/** The order statements, shared by the twins. */
final class OrderSql {
  static final String LATEST_ORDER =
      "select " + Order.COLUMNS + " from orders where customer_id = ? order by id desc limit 1";
  static final String PAGE =
      "select " + Order.COLUMNS + " from orders order by id limit ? offset ?";
  static final String INSERT_ORDER =
      "insert into orders (customer_id, status, total_cents) values (?, 'IMPORTED', ?)";
  static final String INSERT_LINE =
      "insert into order_lines (order_id, sku, quantity, price_cents) values (?, ?, ?, ?)";
  static final String MARK_PAID = "update orders set status = 'PAID' where id = ?";
  static final String INSERT_PAYMENT =
      "insert into payments (order_id, reference, amount_cents) values (?, ?, ?)";
  static final String INSERT_AUDIT = "insert into audit_log (message) values (?)";

  private OrderSql() {}
}
