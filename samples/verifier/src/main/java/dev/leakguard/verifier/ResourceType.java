package dev.leakguard.verifier;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** The JDBC resource types the verifier tracks, named as in the JDBC API. */
public enum ResourceType {
  CONNECTION("Connection", Connection.class),
  STATEMENT("Statement", Statement.class),
  PREPARED_STATEMENT("PreparedStatement", PreparedStatement.class),
  CALLABLE_STATEMENT("CallableStatement", CallableStatement.class),
  RESULT_SET("ResultSet", ResultSet.class);

  private final String displayName;
  private final Class<?> jdbcInterface;

  ResourceType(String displayName, Class<?> jdbcInterface) {
    this.displayName = displayName;
    this.jdbcInterface = jdbcInterface;
  }

  /** The JDBC interface's simple name, as printed in leak reports: {@code PreparedStatement}. */
  public String displayName() {
    return displayName;
  }

  /** The JDBC interface a tracked object of this type implements. */
  public Class<?> jdbcInterface() {
    return jdbcInterface;
  }

  /** Whether this is one of the three statement types. */
  public boolean isStatement() {
    return this == STATEMENT || this == PREPARED_STATEMENT || this == CALLABLE_STATEMENT;
  }

  /** Parses a display name as written in reports and exports. */
  public static ResourceType byDisplayName(String name) {
    for (ResourceType type : values()) {
      if (type.displayName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown JDBC resource type '" + name + "'");
  }

  @Override
  public String toString() {
    return displayName;
  }
}
