/**
 * A small shop back end whose leaky code paths reproduce connection-pool outages. Each leaky
 * class sits beside its fixed twin ({@code LoginServiceLeaky} / {@code LoginServiceFixed}, ...),
 * both implementing the same interface so the same test drives both:
 *
 * <ul>
 *   <li>{@link dev.leakguard.sampleapp.LoginService}: a connection not returned when a query
 *       throws SQLException on bad input, which locks every user out once the pool is drained;
 *   <li>{@link dev.leakguard.sampleapp.OrderDao}: a close forgotten on an early return;
 *   <li>{@link dev.leakguard.sampleapp.OrderReport}: a paging query whose helper hands back a
 *       ResultSet, leaking it with its statement and connection;
 *   <li>{@link dev.leakguard.sampleapp.OrderImport}: a batch import in a transaction that
 *       reassigns its statement in a loop, and leaks the connection (with the transaction open)
 *       when a line is rejected;
 *   <li>{@link dev.leakguard.sampleapp.PaymentService}: a retry loop that abandons the failed
 *       attempt's connection;
 *   <li>{@link dev.leakguard.sampleapp.PoolConfigHermit}: a pool far too small for a checkout
 *       that needs two connections at once, next to {@link
 *       dev.leakguard.sampleapp.PoolConfigFixed} and the {@link
 *       dev.leakguard.sampleapp.PoolSizing} check that catches it.
 * </ul>
 *
 * <p>Every acquiring call is on one line: static analysis reports a leak at that line, and the
 * runtime verifier reports the same line.
 */
package dev.leakguard.sampleapp;
