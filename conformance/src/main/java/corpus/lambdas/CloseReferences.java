package corpus.lambdas;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;

/**
 * A stream over scrolled results that closes them when the stream is closed: the close is
 * registered as a method reference ({@code rows::close}), which captures the results as a lambda
 * would, so they go with the stream. A stream that registers no close leaves them open.
 */
public class CloseReferences {

  /** Iterates over the scrolled rows. */
  static final class RowIterator implements Iterator<String> {
    private final ScrollableResults<String> rows;

    RowIterator(ScrollableResults<String> rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      return rows.next();
    }

    @Override
    public String next() {
      return rows.get();
    }
  }

  /** Closing the stream closes the rows. */
  public Stream<String> names(Session session) {
    final ScrollableResults<String> rows =
        session.createSelectionQuery("select name from Person", String.class).scroll();
    Spliterator<String> spliterator = Spliterators.spliteratorUnknownSize(new RowIterator(rows), Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false).onClose(rows::close);
  }

  /** Nothing closes the rows when the stream is closed. */
  public Stream<String> unclosedNames(Session session) {
    // KNOWN(source) missing DbCursorLeak: without the library on the class path, what createSelectionQuery returns is not known
    ScrollableResults<String> rows = session.createSelectionQuery("select name from Person", String.class).scroll(); // LEAK DbCursorLeak
    Spliterator<String> spliterator = Spliterators.spliteratorUnknownSize(new RowIterator(rows), Spliterator.NONNULL);
    return StreamSupport.stream(spliterator, false);
  }
}
