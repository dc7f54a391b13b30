package corpus.inference;

/** Options of a statement, as a driver keeps them: a member type that other files import. */
public interface StatementOptions {

  /** How a statement scrolls. */
  enum Kind {
    FORWARD,
    SCROLLABLE;

    /** The kind for a JDBC result set type; never throws. */
    public static Kind of(int resultSetType, Kind fallback) {
      return resultSetType == java.sql.ResultSet.TYPE_FORWARD_ONLY ? FORWARD : fallback;
    }
  }
}
