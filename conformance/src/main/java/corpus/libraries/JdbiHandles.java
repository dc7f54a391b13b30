package corpus.libraries;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** JDBI 3: a Handle from open() holds a connection; a query's Stream holds its statement. */
public class JdbiHandles {
  private final Jdbi jdbi;

  public JdbiHandles(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public List<String> namesHandleNeverClosed() {
    Handle handle = jdbi.open(); // LEAK DbSessionLeak
    return handle.createQuery("SELECT name FROM users").mapTo(String.class).list();
  }

  public List<String> namesFromUnclosedStream(Handle handle) {
    // KNOWN(source) missing DbCursorLeak: without the library on the class path, what mapTo returns is not known
    Stream<String> names = handle.createQuery("SELECT name FROM users").mapTo(String.class).stream(); // LEAK DbCursorLeak
    return names.collect(Collectors.toList());
  }

  public List<String> namesInTryWithResources() {
    try (Handle handle = jdbi.open()) {
      return handle.createQuery("SELECT name FROM users").mapTo(String.class).list();
    }
  }

  /** withHandle opens and closes the handle; the callback borrows it. */
  public List<String> namesWithHandle() {
    return jdbi.withHandle(h -> h.createQuery("SELECT name FROM users").mapTo(String.class).list());
  }

  /** The stream, filtered, is closed by the try: closing it closes the one it was made from. */
  public long countStreamClosed(Handle handle) {
    try (Stream<String> names =
        handle.createQuery("SELECT name FROM users").mapTo(String.class).stream().filter(n -> !n.isEmpty())) {
      return names.count();
    }
  }
}
