package corpus.libraries;

import java.io.IOException;
import java.util.List;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** MyBatis: openSession() hands out a SqlSession to close; a Cursor closes with its session. */
public class MyBatisSessions {
  private final SqlSessionFactory factory;

  public MyBatisSessions(SqlSessionFactory factory) {
    this.factory = factory;
  }

  public List<Object> ordersSessionNeverClosed() {
    SqlSession session = factory.openSession(); // LEAK DbSessionLeak
    return session.selectList("orders.all");
  }

  /** Committed, then closed on the happy path only: a failing audit skips the close. */
  public int insertClosedOnHappyPath(Object order) throws IOException {
    SqlSession session = factory.openSession(false); // LEAK DbSessionLeak
    int n = session.insert("orders.insert", order);
    audit(n);
    session.commit();
    session.close();
    return n;
  }

  public List<Object> ordersClosed() {
    try (SqlSession session = factory.openSession()) {
      return session.selectList("orders.all");
    }
  }

  /** The cursor goes with the session that opened it. */
  public int countWithCursor() {
    try (SqlSession session = factory.openSession()) {
      Cursor<Object> cursor = session.selectCursor("orders.all");
      int n = 0;
      for (Object o : cursor) {
        n++;
      }
      return n;
    }
  }

  /** A cursor of the caller's session must be closed here. */
  public boolean anyOrder(SqlSession session) throws IOException {
    Cursor<Object> cursor = session.selectCursor("orders.all"); // LEAK DbCursorLeak
    boolean any = cursor.iterator().hasNext();
    checkOpen(session);
    cursor.close();
    return any;
  }

  private static void audit(int rows) throws IOException {
    if (rows < 0) {
      throw new IOException("negative row count");
    }
  }

  private static void checkOpen(SqlSession session) throws IOException {
    if (session.getConnection() == null) {
      throw new IOException("closed");
    }
  }
}
