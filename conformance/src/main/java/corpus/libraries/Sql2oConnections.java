package corpus.libraries;

import java.io.IOException;
import java.util.List;
import org.sql2o.Connection;
import org.sql2o.Sql2o;

/** sql2o: open() and beginTransaction() hand out a connection; commit() closes it. */
public class Sql2oConnections {
  private final Sql2o sql2o;

  public Sql2oConnections(Sql2o sql2o) {
    this.sql2o = sql2o;
  }

  public List<String> namesNeverClosed() {
    Connection con = sql2o.open(); // LEAK DbSessionLeak
    return con.createQuery("SELECT name FROM users").executeAndFetch(String.class);
  }

  public void insertCommitOnHappyPath(String name) throws IOException {
    Connection con = sql2o.beginTransaction(); // LEAK DbSessionLeak
    con.createQuery("INSERT INTO users(name) VALUES (:name)").addParameter("name", name).executeUpdate();
    audit(name);
    con.commit();
  }

  public List<String> namesClosed() {
    try (Connection con = sql2o.open()) {
      return con.createQuery("SELECT name FROM users").executeAndFetch(String.class);
    }
  }

  /** commit() closes the transaction's connection. */
  public void insertCommitted(String name) {
    Connection con = sql2o.beginTransaction();
    con.createQuery("INSERT INTO users(name) VALUES (:name)").addParameter("name", name).executeUpdate();
    con.commit();
  }

  private static void audit(String name) throws IOException {
    if (name.isEmpty()) {
      throw new IOException("empty name");
    }
  }
}
