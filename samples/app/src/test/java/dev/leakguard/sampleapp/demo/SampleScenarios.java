package dev.leakguard.sampleapp.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leakguard.sampleapp.AuditLog;
import dev.leakguard.sampleapp.CheckoutService;
import dev.leakguard.sampleapp.LoginService;
import dev.leakguard.sampleapp.LoginServiceFixed;
import dev.leakguard.sampleapp.LoginServiceLeaky;
import dev.leakguard.sampleapp.OrderDao;
import dev.leakguard.sampleapp.OrderDaoFixed;
import dev.leakguard.sampleapp.OrderDaoLeaky;
import dev.leakguard.sampleapp.OrderImport;
import dev.leakguard.sampleapp.OrderImportFixed;
import dev.leakguard.sampleapp.OrderImportLeaky;
import dev.leakguard.sampleapp.OrderLine;
import dev.leakguard.sampleapp.OrderReport;
import dev.leakguard.sampleapp.OrderReportFixed;
import dev.leakguard.sampleapp.OrderReportLeaky;
import dev.leakguard.sampleapp.PaymentService;
import dev.leakguard.sampleapp.PaymentServiceFixed;
import dev.leakguard.sampleapp.PaymentServiceLeaky;
import dev.leakguard.sampleapp.PoolConfigFixed;
import dev.leakguard.sampleapp.PoolConfigHermit;
import dev.leakguard.sampleapp.Schema;
import dev.leakguard.verifier.VerifierPools;
import dev.leakguard.verifier.VerifyingDataSource;
import dev.leakguard.verifier.confirm.RuntimeEvidence;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every scenario of the sample app, leaky and fixed, with the inputs that drive each leaking
 * path: the user name H2 rejects, the customer without orders, the helper that returns a
 * ResultSet, the import that reassigns its statement and the one with a repeated SKU, the retry
 * loop. Each runs on a fresh HikariCP pool over a fresh H2 database, wrapped by a verifier that
 * records every acquisition site, so a static finding can be told confirmed, exercised without
 * leaking, or not exercised.
 *
 * <p>A scenario checks that the app did what the scenario is about (the bad input was rejected,
 * the pool timed out) and throws {@link IllegalStateException} if not, so a scenario never
 * silently stops driving its path.
 */
final class SampleScenarios {
  /** The pool the samples run on: 3 connections, a borrow waits at most 250 ms. */
  static final int POOL_SIZE = 3;

  static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(250);

  /** One character longer than the attempts table accepts: H2 rejects it (SQLState 22001). */
  static final String TOO_LONG = "x".repeat(Schema.MAX_USER_NAME + 1);

  /** Requests the fixed login serves in the demo. */
  static final int FIXED_LOGIN_REQUESTS = 2000;

  private static final String USER = "alice";
  private static final String PASSWORD = "correct horse";
  private static final long REGULAR = 7;
  private static final long NEW_CUSTOMER = 404;
  private static final List<OrderLine> GOOD_LINES =
      List.of(new OrderLine("TEA", 2, 450), new OrderLine("MUG", 1, 1200), new OrderLine("SPOON", 4, 150));
  private static final List<OrderLine> REPEATED_SKU =
      List.of(new OrderLine("TEA", 2, 450), new OrderLine("MUG", 1, 1200), new OrderLine("TEA", 1, 450));

  private SampleScenarios() {}

  /** The login outage and its fix: the part of the demo that is narrated request by request. */
  static List<Scenario> outage() {
    return List.of(
        Scenario.of("login leaky: 3 bad names, timeout", SampleScenarios::leakyLoginOutage),
        Scenario.of("login fixed: " + FIXED_LOGIN_REQUESTS + " requests", SampleScenarios::fixedLogin));
  }

  /** Every other scenario: each remaining leaky path, its clean path, and the fixed twins. */
  static List<Scenario> others() {
    return List.of(
        Scenario.of("order DAO leaky: no orders", (db, out) -> {
          Schema.addOrders(db, REGULAR, 3);
          expect(new OrderDaoLeaky(db).latestOrder(NEW_CUSTOMER).isEmpty(), "no order for a new customer");
        }),
        Scenario.of("order DAO leaky: has orders", (db, out) -> {
          long latest = Schema.addOrders(db, REGULAR, 3);
          OrderDao dao = new OrderDaoLeaky(db);
          for (int i = 0; i < 10; i++) {
            expect(dao.latestOrder(REGULAR).orElseThrow().id() == latest, "the latest order");
          }
        }),
        Scenario.of("order DAO fixed: both customers", (db, out) -> {
          Schema.addOrders(db, REGULAR, 3);
          OrderDao dao = new OrderDaoFixed(db);
          for (int i = 0; i < 100; i++) {
            expect(dao.latestOrder(REGULAR).isPresent() && dao.latestOrder(NEW_CUSTOMER).isEmpty(),
                "one order found, one not");
          }
        }),
        Scenario.of("report leaky: first page", (db, out) -> {
          Schema.addOrders(db, 1, 25);
          expect(new OrderReportLeaky(db).page(0, 10).size() == 10, "a full page");
        }),
        Scenario.of("report fixed: all pages x20", (db, out) -> {
          Schema.addOrders(db, 1, 25);
          OrderReport report = new OrderReportFixed(db);
          for (int run = 0; run < 20; run++) {
            for (int page = 0; page < 4; page++) {
              int expected = Math.max(0, Math.min(10, 25 - page * 10));
              expect(report.page(page, 10).size() == expected, "page " + page);
            }
          }
        }),
        Scenario.of("import leaky: 3 good lines", (db, out) -> {
          new OrderImportLeaky(db).importOrder(1, GOOD_LINES);
        }),
        Scenario.of("import leaky: repeated SKU", (db, out) -> {
          expectSqlState("23505", () -> new OrderImportLeaky(db).importOrder(1, REPEATED_SKU));
        }),
        Scenario.of("import fixed: good + repeated SKU", (db, out) -> {
          OrderImport importer = new OrderImportFixed(db);
          for (int i = 0; i < 20; i++) {
            importer.importOrder(2, GOOD_LINES);
            expectSqlState("23505", () -> importer.importOrder(2, REPEATED_SKU));
          }
        }),
        Scenario.of("payment leaky: 2 collisions", (db, out) -> {
          long order = Schema.addOrders(db, 1, 1);
          PaymentService payments = new PaymentServiceLeaky(db, references("PAY-1", "PAY-1", "PAY-1", "PAY-2"));
          expect(payments.recordPayment(order, 500).equals("PAY-1"), "first payment");
          expect(payments.recordPayment(order, 500).equals("PAY-2"), "second payment after 2 collisions");
        }),
        Scenario.of("payment fixed: 2 collisions each", (db, out) -> {
          long order = Schema.addOrders(db, 1, 1);
          String[] refs = new String[3 * 50 + 1];
          refs[0] = "PAY-TAKEN";
          for (int i = 0; i < 50; i++) {
            refs[3 * i + 1] = "PAY-TAKEN";
            refs[3 * i + 2] = "PAY-TAKEN";
            refs[3 * i + 3] = "PAY-" + i;
          }
          PaymentService payments = new PaymentServiceFixed(db, references(refs));
          payments.recordPayment(order, 100);
          for (int i = 0; i < 50; i++) {
            expect(payments.recordPayment(order, 100).equals("PAY-" + i), "payment " + i);
          }
        }),
        new Scenario("checkout: fixed pool", () -> PoolConfigFixed.create(newDatabase()),
            (db, out) -> {
              long last = Schema.addOrders(db, 1, 20);
              CheckoutService checkout = new CheckoutService(db, new AuditLog(db));
              for (long id = last - 19; id <= last; id++) {
                checkout.checkout(id);
              }
            }),
        new Scenario("checkout: hermit pool, starved", SampleScenarios::hermitPool, (db, out) -> {
          long order = Schema.addOrders(db, 1, 1);
          CheckoutService checkout = new CheckoutService(db, new AuditLog(db));
          try {
            checkout.checkout(order);
            throw new IllegalStateException("a checkout on a pool of 1 should time out");
          } catch (SQLTransientConnectionException expected) {
            // the audit log waits for a second connection while the checkout holds the only one
          }
        }, PoolConfigHermit.class));
  }

  /** {@link PoolConfigHermit}, waiting 250 ms instead of its 30 s before it gives up. */
  private static HikariConfig hermitPool() {
    HikariConfig config = PoolConfigHermit.create(newDatabase());
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    return config;
  }

  private static String newDatabase() {
    return "jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  /** {@link #outage()} and {@link #others()}. */
  static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>(outage());
    all.addAll(others());
    return all;
  }

  /** Runs every scenario without narration; what the confirmation test needs. */
  static RuntimeEvidence runAll() throws Exception {
    RuntimeEvidence evidence = new RuntimeEvidence();
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    for (Scenario scenario : all()) {
      run(scenario, evidence, silent);
    }
    HttpStockOutage.addTo(evidence, silent);
    return evidence;
  }

  /**
   * Runs {@code scenario} on a fresh pool, adds what the verifier saw to {@code evidence}, then
   * closes the leaked resources and the pool. Returns the number of leaks.
   */
  static int run(Scenario scenario, RuntimeEvidence evidence, PrintStream out) throws Exception {
    try (VerifyingDataSource db =
        VerifierPools.hikari(scenario.pool().get(), builder -> builder.recordAcquisitionSites())) {
      Schema.create(db);
      try {
        scenario.body().run(db, out);
      } catch (Exception | AssertionError e) {
        throw new IllegalStateException("scenario '" + scenario.name() + "' failed: " + e, e);
      }
      int leaks = db.leaks().size();
      evidence.add(scenario.name(), db, scenario.configuredBy());
      db.reclaim();
      return leaks;
    }
  }

  /**
   * The outage, narrated: a valid login, three user names too long for the attempts table (each
   * leaks its connection), and a valid login that finds the pool empty.
   */
  private static void leakyLoginOutage(VerifyingDataSource db, PrintStream out) throws SQLException {
    Schema.addUser(db, USER, PASSWORD);
    LoginService login = new LoginServiceLeaky(db);
    int request = 0;
    out.println(request(++request, "alice, right password", signIn(login, USER, PASSWORD), db));
    for (int bad = 0; bad < POOL_SIZE; bad++) {
      String outcome;
      try {
        login.authenticate(TOO_LONG, "x");
        throw new IllegalStateException("H2 accepted a name longer than the column");
      } catch (SQLException e) {
        expect("22001".equals(e.getSQLState()), "SQLState 22001, got " + e.getSQLState());
        outcome = "SQLException " + e.getSQLState() + " (value too long)";
      }
      out.println(request(++request, TOO_LONG.length() + "-character user name", outcome, db));
    }
    long start = System.nanoTime();
    try {
      login.authenticate(USER, PASSWORD);
      throw new IllegalStateException("the drained pool served a connection");
    } catch (SQLTransientConnectionException outage) {
      long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
      out.println(request(++request, "alice, right password",
          "SQLTransientConnectionException after " + waited + " ms", db));
      out.println("    " + outage.getMessage());
    }
    out.println();
    out.println("What the verifier reports (each leak's acquisition site and one line of context):");
    out.println(db.report().indent(2).stripTrailing());
  }

  /** The fixed twin under the same pool: every kind of request, a quarter of them rejected. */
  private static void fixedLogin(VerifyingDataSource db, PrintStream out) throws SQLException {
    Schema.addUser(db, USER, PASSWORD);
    LoginService login = new LoginServiceFixed(db);
    int signedIn = 0;
    int refused = 0;
    int rejected = 0;
    for (int request = 0; request < FIXED_LOGIN_REQUESTS; request++) {
      switch (request % 4) {
        case 0 -> signedIn += login.authenticate(USER, PASSWORD) ? 1 : 0;
        case 1 -> refused += login.authenticate(USER, "wrong") ? 0 : 1;
        case 2 -> refused += login.authenticate("mallory", "guess") ? 0 : 1;
        default -> {
          try {
            login.authenticate(TOO_LONG, "x");
          } catch (SQLException e) {
            rejected++;
          }
        }
      }
    }
    int quarter = FIXED_LOGIN_REQUESTS / 4;
    expect(signedIn == quarter && refused == 2 * quarter && rejected == quarter, "the fixed login's answers");
    out.printf("  %d requests: %d signed in, %d refused (wrong password or unknown user), %d rejected"
            + " names (SQLException 22001)%n",
        FIXED_LOGIN_REQUESTS, signedIn, refused, rejected);
    out.printf("  leaks: %d, pool active %d/%d%n", db.leaks().size(), active(db), POOL_SIZE);
  }

  private static String signIn(LoginService login, String user, String password) throws SQLException {
    return login.authenticate(user, password) ? "signed in" : "refused";
  }

  private static String request(int number, String input, String outcome, VerifyingDataSource db) {
    return String.format("  request %d  %-24s -> %-50s pool active %d/%d",
        number, input, outcome, active(db), POOL_SIZE).stripTrailing();
  }

  /** Connections borrowed from the pool now. */
  static int active(VerifyingDataSource db) {
    try {
      return db.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hands out the given references in order. */
  private static Supplier<String> references(String... values) {
    Deque<String> queue = new ArrayDeque<>(Arrays.asList(values));
    return queue::removeFirst;
  }

  @FunctionalInterface
  private interface SqlCall {
    void run() throws SQLException;
  }

  private static void expectSqlState(String state, SqlCall call) {
    try {
      call.run();
    } catch (SQLException e) {
      expect(state.equals(e.getSQLState()), "SQLState " + state + ", got " + e.getSQLState());
      return;
    }
    throw new IllegalStateException("expected SQLException " + state);
  }

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("unexpected result: " + what);
    }
  }
}
