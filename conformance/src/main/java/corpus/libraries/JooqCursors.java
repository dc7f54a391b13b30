package corpus.libraries;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * jOOQ: fetchLazy() and fetchStream() keep the statement open until the cursor is closed. A
 * context made with DSL.using(connection) borrows the connection: its owner still closes it.
 */
public class JooqCursors {
  private final DSLContext ctx;

  public JooqCursors(DSLContext ctx) {
    this.ctx = ctx;
  }

  public int countLazyNeverClosed() {
    // KNOWN(source) missing DbCursorLeak: without the library on the class path, what resultQuery returns is not known
    Cursor<Record> cursor = ctx.resultQuery("SELECT id FROM orders").fetchLazy(); // LEAK DbCursorLeak
    int n = 0;
    while (cursor.hasNext()) {
      cursor.fetchNext();
      n++;
    }
    return n;
  }

  public List<Object> idsFromTemporaryStream() {
    return ctx.fetchStream("SELECT id FROM orders").map(r -> r.get(0)).collect(Collectors.toList()); // LEAK DbCursorLeak
  }

  public int countLazyClosed() throws IOException {
    try (Cursor<Record> cursor = ctx.resultQuery("SELECT id FROM orders").fetchLazy()) {
      int n = 0;
      while (cursor.hasNext()) {
        cursor.fetchNext();
        n++;
      }
      audit(n);
      return n;
    }
  }

  public List<Object> idsFromClosedStream() {
    try (Stream<Record> rows = ctx.fetchStream("SELECT id FROM orders")) {
      return rows.map(r -> r.get(0)).collect(Collectors.toList());
    }
  }

  /** fetch() reads every row at once and closes its statement. */
  public int countEager() {
    return ctx.fetch("SELECT id FROM orders").size();
  }

  private static void audit(int n) throws IOException {
    if (n < 0) {
      throw new IOException("negative");
    }
  }

  public int countOnOwnConnection(javax.sql.DataSource ds) throws SQLException {
    try (Connection con = ds.getConnection()) {
      return DSL.using(con).fetchCount(DSL.table("orders"));
    }
  }

  /** DSL.using does not take the connection over: nobody closes it. */
  public int countOnConnectionNeverClosed(javax.sql.DataSource ds) throws SQLException {
    Connection con = ds.getConnection(); // LEAK JdbcConnectionLeak
    return DSL.using(con).fetchCount(DSL.table("orders"));
  }
}
