package dev.leakguard.core.finding;

/** One-line summaries of the check ids, as compile-time constants (annotations need them). */
public final class CheckSummaries {
  private CheckSummaries() {}

  public static final String CONNECTION_LEAK =
      "A JDBC Connection is not closed on every path; each leak keeps a pooled connection borrowed until the pool is exhausted.";

  public static final String STATEMENT_LEAK =
      "A JDBC Statement is not closed on every path; its cursor stays open on the database.";

  public static final String RESULT_SET_LEAK =
      "A JDBC ResultSet is not closed on every path (nor its Statement); its cursor stays open.";

  public static final String STATEMENT_LEFT_TO_CONNECTION_CLOSE =
      "A Statement is only closed implicitly by closing its Connection; pools keep the physical connection open, so its cursor may stay open.";

  public static final String CLOSE_CHAIN =
      "A close() that can throw runs before later closes; if it throws, the later resources are not closed.";

  public static final String UNCLOSED_OWNING_FIELD =
      "A JDBC resource is stored in a field that no method of the class closes.";

  public static final String DB_SESSION_LEAK =
      "A database session (Hibernate Session, JPA EntityManager, JDBI Handle, MyBatis SqlSession, sql2o Connection) is not closed on every path; it keeps its pooled connection.";

  public static final String DB_CURSOR_LEAK =
      "A lazy database cursor or stream of rows (jOOQ Cursor, Hibernate ScrollableResults, a query's Stream, a MyBatis Cursor) is not closed on every path; it keeps its statement and connection open.";

  public static final String CONNECTION_POOL_LEAK =
      "A connection pool created in code is neither closed nor handed over; its connections and threads stay open.";

  public static final String HTTP_RESPONSE_LEAK =
      "An HTTP client response is not closed on every path; its pooled connection is never given back, until the client's pool times out.";

  public static final String REDIS_CONNECTION_LEAK =
      "A Redis connection taken from a pool is not closed (given back) on every path; the pool runs dry.";

  public static final String JMS_RESOURCE_LEAK =
      "A JMS connection, session, producer, consumer or context is not closed on every path; the broker keeps it open.";

  public static final String POOL_SIZE_OUT_OF_RANGE =
      "A connection pool's maximum size is too small to serve concurrent requests (or above the allowed ceiling), or its minimum idle exceeds its maximum.";

  public static final String POOL_UNBOUNDED_WAIT =
      "A connection pool waits forever for a free connection; when the pool runs dry, requests hang instead of failing fast.";

  public static final String POOL_LIFETIME_MISCONFIGURED =
      "A pooled connection's lifetime or idle settings contradict each other or outlive the database's idle cut-off, so the pool hands out dead connections.";

  public static final String POOL_LEAK_DETECTION_IGNORED =
      "A pool's leak-detection threshold is so short it reports every normal query, or longer than a connection lives, so it never reports a leak.";

  public static final String POOL_ABANDONED_MISCONFIGURED =
      "A pool reclaims \"abandoned\" connections so early that it takes them from running queries, or logs abandoned stacks on every borrow in production.";
}
