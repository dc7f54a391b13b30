package dev.leakguard.core.pool;

/**
 * The connection pools whose settings are checked, with the names (relaxed: lower case, without
 * dashes and underscores) of the settings the checks read and the pools' own defaults.
 */
public enum Pool {
  HIKARI("HikariCP", "maximumPoolSize", 10, "minimumIdle", "connectionTimeout"),
  DBCP2("Commons DBCP2", "maxTotal", 8, "minIdle", "maxWaitMillis"),
  TOMCAT("Tomcat JDBC", "maxActive", 100, "minIdle", "maxWait"),
  C3P0("c3p0", "maxPoolSize", 15, "minPoolSize", "checkoutTimeout");

  private final String label;
  private final String maxSize;
  private final int defaultMaxSize;
  private final String minSize;
  private final String wait;

  Pool(String label, String maxSize, int defaultMaxSize, String minSize, String wait) {
    this.label = label;
    this.maxSize = maxSize;
    this.defaultMaxSize = defaultMaxSize;
    this.minSize = minSize;
    this.wait = wait;
  }

  /** The pool's name as people write it. */
  public String label() {
    return label;
  }

  /** The setting that caps the number of connections, as the pool's own API spells it. */
  public String maxSize() {
    return maxSize;
  }

  public int defaultMaxSize() {
    return defaultMaxSize;
  }

  /** The setting of the connections kept open when idle. */
  public String minSize() {
    return minSize;
  }

  /** The setting that bounds how long a borrower waits for a free connection (milliseconds). */
  public String waitSetting() {
    return wait;
  }

  /** A setting name in relaxed form: {@code maximum-pool-size}, {@code maximumPoolSize} → {@code maximumpoolsize}. */
  public static String relaxed(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '-' && c != '_') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }
}
