package dev.leakguard.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over any other one (usually a real pool) that tracks every Connection,
 * Statement, PreparedStatement, CallableStatement and ResultSet it hands out: where it was
 * acquired (the first application frame and its next callers, see {@link SiteLocator}) and
 * whether and why it was closed. Where it was closed is located whenever a report can show it
 * (a Connection whose close closed Statements left open), and for every close with {@link
 * Builder#keepClosedRecords(int)}. At a checkpoint, {@link #leaks()} lists what is still open,
 * plus the statements that only their connection's close closed.
 *
 * <h2>JDBC's implicit closing</h2>
 *
 * Closing a Statement closes its ResultSets; executing a Statement again (or {@code
 * getMoreResults}) closes its current ResultSets; none of these is a leak. Closing a Connection
 * closes its Statements too, but a pool keeps the physical connection and its cursors, so such a
 * Statement is reported as {@link LeakKind#STATEMENT_LEFT_TO_CONNECTION_CLOSE}, apart from plain
 * leaks. {@code Statement.getConnection()}, {@code ResultSet.getStatement()} and {@code
 * DatabaseMetaData.getConnection()} return the tracked objects already handed out, never new
 * acquisitions.
 *
 * <h2>Bookkeeping, and why the verifier leaks nothing itself</h2>
 *
 * The choice is "records removed on close", not weak references: a tracked object is held in
 * the open map from acquisition until it is closed (explicitly or implicitly), and is removed
 * then. A program that closes everything therefore leaves the verifier empty, however long it
 * runs ({@link #retainedRecords()} is 0). What stays is exactly what is reported: resources still
 * open (held strongly, on purpose, so {@link #reclaim()} can give a leaked connection back to the
 * pool) and the small immutable records of statements left to their connection's close, which
 * hold no JDBC object. Both are dropped by {@link #reset()}. Weak references were rejected
 * because a leak must stay visible until the checkpoint even if the application dropped its last
 * reference, and because deciding through garbage collection would make the check
 * non-deterministic.
 *
 * <p>All methods are thread-safe. Ids come from one atomic sequence; {@link #mark()} and {@link
 * #leaksSince(long)} use it to scope a check to what was acquired after a point in time.
 */
public final class VerifyingDataSource implements DataSource, AutoCloseable {

  /**
   * Application frames kept per acquisition by default: the site and two callers, enough to see
   * through a helper that acquires for its caller without walking deep stacks.
   */
  public static final int DEFAULT_APP_FRAMES = 3;

  private final DataSource delegate;
  private final ResourceTracker tracker;
  private final AutoCloseable onClose;
  private final String name;
  private final List<String> starvations = new ArrayList<>();

  private VerifyingDataSource(Builder builder) {
    this.delegate = builder.delegate;
    this.tracker =
        new ResourceTracker(
            new SiteLocator(builder.skippedPrefixes, builder.appFrames),
            builder.keepClosed,
            builder.recordSites);
    this.onClose = builder.onClose;
    this.name = builder.name;
  }

  /** Wraps {@code delegate} with the default settings. */
  public static VerifyingDataSource wrap(DataSource delegate) {
    return builder(delegate).build();
  }

  /** A builder for a verifier over {@code delegate}. */
  public static Builder builder(DataSource delegate) {
    return new Builder(delegate);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection;
    try {
      connection = delegate.getConnection();
    } catch (SQLTransientConnectionException e) {
      starved(e);
      throw e;
    }
    return tracker.connection(connection);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Connection connection;
    try {
      connection = delegate.getConnection(username, password);
    } catch (SQLTransientConnectionException e) {
      starved(e);
      throw e;
    }
    return tracker.connection(connection);
  }

  private void starved(SQLTransientConnectionException e) {
    synchronized (starvations) {
      starvations.add(String.valueOf(e.getMessage()));
    }
  }

  /**
   * The messages of the borrows that failed because the pool had no connection to give within its
   * timeout ({@link SQLTransientConnectionException}), oldest first: the pool ran dry.
   */
  public List<String> starvedBorrows() {
    synchronized (starvations) {
      return List.copyOf(starvations);
    }
  }

  /** The data source this one wraps, e.g. the HikariDataSource. */
  public DataSource delegate() {
    return delegate;
  }

  /** The name used in reports. */
  public String name() {
    return name;
  }

  /** The frame filter this verifier uses. */
  public SiteLocator siteLocator() {
    return tracker.locator();
  }

  /** Every resource open now, in acquisition order. */
  public List<ResourceRecord> snapshot() {
    return tracker.snapshot();
  }

  /** The leaks at this checkpoint since the verifier was built or reset. */
  public List<LeakRecord> leaks() {
    return tracker.leaksSince(0);
  }

  /** A point in the acquisition sequence, for {@link #leaksSince(long)}. */
  public long mark() {
    return tracker.mark();
  }

  /** The leaks among resources acquired after {@code mark}. */
  public List<LeakRecord> leaksSince(long mark) {
    return tracker.leaksSince(mark);
  }

  /**
   * Forgets every record and counter: resources acquired before are no longer tracked (and no
   * longer reclaimable). Call {@link #reclaim()} first to give leaked connections back.
   */
  public void reset() {
    tracker.reset();
    synchronized (starvations) {
      starvations.clear();
    }
  }

  /**
   * Closes every open resource on the application's behalf, result sets first, so leaked
   * connections go back to the pool. Returns how many were closed. Leaks should be read first:
   * reclaimed resources are no longer open.
   */
  public int reclaim() {
    return tracker.reclaimAll();
  }

  /** Closes the open resources among {@code leaks}; returns how many were closed. */
  public int reclaim(List<LeakRecord> leaks) {
    return tracker.reclaim(leaks);
  }

  /**
   * The most recently closed resources, oldest first, with why and where each was closed; empty
   * unless {@link Builder#keepClosedRecords(int)} was set.
   */
  public List<ResourceRecord> closedRecords() {
    return tracker.history();
  }

  /**
   * Every distinct place resources were acquired since the verifier was built or reset, closed or
   * not, with counts, in the order first seen. A comparison with static findings uses it to tell
   * a finding whose line never ran ("not exercised") from one whose line ran without leaking.
   *
   * @throws IllegalStateException unless built with {@link Builder#recordAcquisitionSites()}: an
   *     empty answer would wrongly say that nothing ran
   */
  public List<AcquisitionSite> acquisitionSites() {
    List<AcquisitionSite> sites = tracker.acquisitionSites();
    if (sites == null) {
      throw new IllegalStateException(
          name + " does not record acquisition sites; build it with recordAcquisitionSites()");
    }
    return sites;
  }

  /** Counters since the verifier was built or reset. */
  public VerifierStats stats() {
    return tracker.stats();
  }

  /**
   * How many records the verifier holds now: open resources plus statements left to their
   * connection's close. Zero after a run that closed everything.
   */
  public int retainedRecords() {
    return tracker.retained();
  }

  /** Throws {@link LeaksFoundError} listing every leak, if there is any. */
  public void assertNoLeaks() {
    List<LeakRecord> leaks = leaks();
    if (!leaks.isEmpty()) {
      throw new LeaksFoundError(name, leaks);
    }
  }

  /** The report of {@link #leaks()}, two lines per leak; empty when there is none. */
  public String report() {
    return LeakMessages.render(leaks());
  }

  /** Prints {@link #report()} if there are leaks. */
  public void printLeaks(PrintStream out) {
    List<LeakRecord> leaks = leaks();
    if (!leaks.isEmpty()) {
      out.println(LeakMessages.render(leaks));
    }
  }

  /** Writes {@link #leaks()} to {@code file} in the {@link LeakExport} format. */
  public void export(Path file) throws IOException {
    List<LeakExport.Row> rows = new ArrayList<>();
    for (LeakRecord leak : leaks()) {
      rows.add(LeakExport.Row.of(leak, ""));
    }
    LeakExport.write(file, rows);
  }

  /** Closes what the verifier was built to own (for the H2 factory: the pool and database). */
  @Override
  public void close() throws SQLException {
    if (onClose == null) {
      return;
    }
    try {
      onClose.close();
    } catch (SQLException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SQLException("closing " + name + " failed", e);
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (iface.isInstance(delegate)) {
      return iface.cast(delegate);
    }
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
  }

  @Override
  public String toString() {
    return "VerifyingDataSource[" + name + " over " + delegate + "]";
  }

  /** Settings of a verifier. */
  public static final class Builder {
    private final DataSource delegate;
    private final List<String> skippedPrefixes =
        new ArrayList<>(SiteLocator.defaultPrefixesWithSystemProperty());
    private int appFrames = DEFAULT_APP_FRAMES;
    private int keepClosed;
    private boolean recordSites;
    private AutoCloseable onClose;
    private String name = "verifier";

    private Builder(DataSource delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Adds class-name prefixes whose frames are skipped, e.g. the application's own data-access
     * framework {@code "com.acme.db."}, so the site is its caller.
     */
    public Builder skipFramesFrom(String... prefixes) {
      skippedPrefixes.addAll(List.of(prefixes));
      return this;
    }

    /** Replaces the skipped prefixes altogether (defaults: {@link SiteLocator}). */
    public Builder skippedPrefixes(List<String> prefixes) {
      skippedPrefixes.clear();
      skippedPrefixes.addAll(prefixes);
      return this;
    }

    /** How many application frames to keep per acquisition (default 3, at least 1). */
    public Builder appFrames(int count) {
      this.appFrames = count;
      return this;
    }

    /**
     * Keeps the last {@code count} closed records, with where each close happened, for {@link
     * VerifyingDataSource#closedRecords()} (default 0: off). Every close then costs a stack
     * capture, resolved to a site only when the records are read. Without it the verifier
     * records every close and its reason, but captures the stack for a close only when a report
     * shows it: a Connection closing Statements left open.
     */
    public Builder keepClosedRecords(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
      this.keepClosed = count;
      return this;
    }

    /**
     * Records every distinct acquisition site, closed resources included, for {@link
     * VerifyingDataSource#acquisitionSites()} (default: off). Each acquisition then costs one
     * hash lookup on the frames already captured; lines are resolved only when the sites are
     * read, once per distinct call path.
     */
    public Builder recordAcquisitionSites() {
      this.recordSites = true;
      return this;
    }

    /** Something to close when the verifier is closed, e.g. the pool it wraps. */
    public Builder onClose(AutoCloseable action) {
      this.onClose = action;
      return this;
    }

    /** The name used in reports (default "verifier"). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public VerifyingDataSource build() {
      return new VerifyingDataSource(this);
    }
  }
}
