package corpus.libraries;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Hibernate and JPA: sessions and entity managers opened in code hold a connection until closed;
 * a scroll or a stream of results holds its statement. The session bound to the current
 * transaction and an injected EntityManager are not the method's to close.
 */
public class OrmSessions {
  private final SessionFactory sessionFactory;
  private final EntityManagerFactory emf;
  private EntityManager injected;

  public OrmSessions(SessionFactory sessionFactory, EntityManagerFactory emf) {
    this.sessionFactory = sessionFactory;
    this.emf = emf;
  }

  public Object findSessionNeverClosed(long id) {
    Session session = sessionFactory.openSession(); // LEAK DbSessionLeak
    return session.find(Object.class, id);
  }

  public Object findClosedOnHappyPath(long id) throws IOException {
    EntityManager em = emf.createEntityManager(); // LEAK DbSessionLeak
    Object found = em.find(Object.class, id);
    audit(found);
    em.close();
    return found;
  }

  public void insertStateless(Object row) throws IOException {
    StatelessSession session = sessionFactory.openStatelessSession(); // LEAK DbSessionLeak
    session.insert(row);
    audit(row);
    session.close();
  }

  public Object findClosed(long id) {
    try (Session session = sessionFactory.openSession()) {
      return session.find(Object.class, id);
    }
  }

  public Object findInFinally(long id) throws IOException {
    EntityManager em = emf.createEntityManager();
    try {
      Object found = em.find(Object.class, id);
      audit(found);
      return found;
    } finally {
      em.close();
    }
  }

  /** The transaction's session: the context closes it. */
  public Object findInCurrentSession(long id) {
    Session session = sessionFactory.getCurrentSession();
    return session.find(Object.class, id);
  }

  /** The container's EntityManager: the container closes it. */
  public Object findWithInjected(long id) {
    return injected.find(Object.class, id);
  }

  public List<String> namesFromUnclosedStream(Session session) {
    // KNOWN(source) missing DbCursorLeak: without the library on the class path, what createSelectionQuery returns is not known
    Stream<String> names = session.createSelectionQuery("select name from Person", String.class).getResultStream(); // LEAK DbCursorLeak
    return names.collect(Collectors.toList());
  }

  public List<String> namesFromClosedStream(Session session) {
    try (Stream<String> names = session.createSelectionQuery("select name from Person", String.class).getResultStream()) {
      return names.collect(Collectors.toList());
    }
  }

  public int countScrolled(Session session) throws IOException {
    // KNOWN(source) missing DbCursorLeak: without the library on the class path, what createSelectionQuery returns is not known
    ScrollableResults<String> rows = session.createSelectionQuery("select name from Person", String.class).scroll(); // LEAK DbCursorLeak
    int n = 0;
    while (rows.next()) {
      n++;
      audit(rows.get());
    }
    rows.close();
    return n;
  }

  private static void audit(Object row) throws IOException {
    if (row == null) {
      throw new IOException("no row");
    }
  }
}
