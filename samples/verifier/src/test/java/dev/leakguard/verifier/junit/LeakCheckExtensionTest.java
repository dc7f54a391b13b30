package dev.leakguard.verifier.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.leakguard.verifier.LeakExport;
import dev.leakguard.verifier.LeaksFoundError;
import dev.leakguard.verifier.SourceLines;
import dev.leakguard.verifier.VerifyingDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs example test classes through the JUnit Platform and checks how the extension judged them. */
class LeakCheckExtensionTest {

  @TempDir Path temp;

  private EngineExecutionResults run(Class<?> example) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(example))
        .configurationParameter(OnlyInTestKit.PARAMETER, "true")
        .configurationParameter(LeakCheckExtension.EXPORT_FILE_PARAMETER, temp.resolve("leaks.tsv").toString())
        .execute();
  }

  /** Test method name to its outcome: SUCCESSFUL, or the failure's message. */
  private static Map<String, Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .collect(Collectors.toMap(LeakCheckExtensionTest::methodName,
            e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow()));
  }

  private static String methodName(Event event) {
    return event.getTestDescriptor().getDisplayName().replace("()", "").replaceAll("\\(.*\\)", "");
  }

  // ---------------------------------------------------------------------------------------------

  @OnlyInTestKit
  @VerifyNoLeaks
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  @VerifierPool(maximumPoolSize = 1)
  static class SharedPoolExample {
    static VerifyingDataSource pool;

    @BeforeAll
    static void createPool(VerifyingDataSource verifier) {
      pool = verifier;
    }

    @Test
    @Order(1)
    void leaksAConnection() throws SQLException {
      pool.getConnection();
    }

    @Test
    @Order(2)
    void borrowsAfterTheLeakWasReclaimed() throws SQLException {
      try (Connection connection = pool.getConnection()) {
        assertTrue(connection.isValid(1));
      }
    }

    @Test
    @Order(3)
    void leavesAStatementToTheConnection() throws SQLException {
      try (Connection connection = pool.getConnection()) {
        connection.prepareStatement("select 1").executeQuery();
      }
    }

    @Test
    @Order(4)
    @AllowLeaks("reproduces the leak on purpose")
    void leaksOnPurpose() throws SQLException {
      pool.getConnection();
    }
  }

  @Test
  void failsALeakingTestWithTheSiteAndKindAndReclaimsTheLeak() {
    EngineExecutionResults results = run(SharedPoolExample.class);
    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
    Map<String, Throwable> failures = failures(results);

    Throwable leak = failures.get("leaksAConnection");
    LeaksFoundError error = assertInstanceOf(LeaksFoundError.class, leak);
    int line = SourceLines.lineOf(SharedPoolExample.class, "leaksAConnection", "pool.getConnection();");
    assertEquals(
        "1 JDBC resource was left open by test " + SharedPoolExample.class.getName() + "#leaksAConnection"
            + "; close each one on every path, with try-with-resources:" + System.lineSeparator()
            + "LEAK JdbcConnectionLeak Connection acquired at " + SharedPoolExample.class.getName()
            + ".leaksAConnection(LeakCheckExtensionTest.java:" + line + ") was not closed"
            + System.lineSeparator() + error.leaks().get(0).context(),
        error.getMessage());

    String left = failures.get("leavesAStatementToTheConnection").getMessage();
    assertTrue(left.contains("LEAK JdbcStatementLeftToConnectionClose PreparedStatement acquired at "
        + SharedPoolExample.class.getName() + ".leavesAStatementToTheConnection(LeakCheckExtensionTest.java:"
        + SourceLines.lineOf(SharedPoolExample.class, "leavesAStatementToTheConnection", "connection.prepareStatement(")
        + ") was not closed; only Connection.close() at "), left);
  }

  @Test
  void exportsEveryLeakOfTheRunIncludingAllowedOnes() throws Exception {
    run(SharedPoolExample.class);
    List<LeakExport.Row> rows = LeakExport.read(temp.resolve("leaks.tsv"));
    assertEquals(
        List.of("JdbcConnectionLeak leaksAConnection", "JdbcStatementLeftToConnectionClose leavesAStatementToTheConnection",
            "JdbcConnectionLeak leaksOnPurpose"),
        rows.stream().map(r -> r.checkId() + " " + r.methodName()).toList());
    LeakExport.Row first = rows.get(0);
    assertEquals("Connection", first.resource());
    assertEquals("LeakCheckExtensionTest.java", first.file());
    assertEquals(SourceLines.lineOf(SharedPoolExample.class, "leaksAConnection", "pool.getConnection();"), first.line());
    assertEquals(SharedPoolExample.class.getName(), first.className());
    assertEquals(SharedPoolExample.class.getName() + "#leaksAConnection", first.test());
    assertTrue(rows.get(1).closedAt().contains("leavesAStatementToTheConnection"), rows.get(1).closedAt());
  }

  // ---------------------------------------------------------------------------------------------

  @OnlyInTestKit
  @ExtendWith(LeakCheckExtension.class)
  static class FieldExample {
    private final VerifyingDataSource verifier = VerifyingDataSource.wrap(h2());
    private Connection perTest;

    @BeforeEach
    void open() throws SQLException {
      perTest = verifier.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
      perTest.close();
    }

    @Test
    void usesTheConnectionOpenedBeforeEach() throws SQLException {
      assertTrue(perTest.isValid(1));
    }

    @Test
    void leaksAStatement() throws SQLException {
      PreparedStatement statement = perTest.prepareStatement("select 1");
      statement.execute();
    }

    @Test
    void failsOnItsOwnAndLeaks() throws SQLException {
      verifier.getConnection();
      throw new IllegalStateException("the test's own failure");
    }
  }

  @Test
  void findsAVerifierInAFieldAndJudgesAtTheEndOfTheTest() {
    EngineExecutionResults results = run(FieldExample.class);
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
    Map<String, Throwable> failures = failures(results);
    assertTrue(failures.get("leaksAStatement").getMessage()
        .contains("LEAK JdbcStatementLeftToConnectionClose PreparedStatement acquired at"));
    Throwable own = failures.get("failsOnItsOwnAndLeaks");
    assertInstanceOf(IllegalStateException.class, own);
    assertEquals(1, own.getSuppressed().length);
    assertInstanceOf(LeaksFoundError.class, own.getSuppressed()[0]);
  }

  // ---------------------------------------------------------------------------------------------

  @OnlyInTestKit
  static class RegisteredExample {
    static final VerifyingDataSource VERIFIER = VerifyingDataSource.wrap(h2());

    @RegisterExtension
    static final LeakCheckExtension LEAKS = LeakCheckExtension.watching(() -> Holder.current);

    /** Stands for a verifier created by the application under test, out of the test's reach. */
    static final class Holder {
      static VerifyingDataSource current = VERIFIER;
    }

    static Connection classLevel;

    @BeforeAll
    static void openForTheClass() throws SQLException {
      classLevel = Holder.current.getConnection();
    }

    @AfterAll
    static void forgetToClose() {
      // classLevel stays open: a class-level leak
    }

    @Test
    void leaksAConnection() throws SQLException {
      Holder.current.getConnection();
    }

    @Test
    void isClean() throws SQLException {
      try (Connection connection = Holder.current.getConnection()) {
        assertTrue(connection.isValid(1));
      }
    }
  }

  @Test
  void watchesARegisteredVerifierAndChecksTheClassAfterAfterAll() {
    EngineExecutionResults results = run(RegisteredExample.class);
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    List<Event> failedContainers = results.containerEvents().failed().list();
    assertEquals(1, failedContainers.size());
    Throwable classFailure = failedContainers.get(0)
        .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertInstanceOf(LeaksFoundError.class, classFailure);
    assertTrue(classFailure.getMessage().contains(
        "left open by class " + RegisteredExample.class.getName() + " (@BeforeAll/@AfterAll)"), classFailure.getMessage());
    assertTrue(classFailure.getMessage().contains(".openForTheClass(LeakCheckExtensionTest.java:"
        + SourceLines.lineOf(RegisteredExample.class, "openForTheClass", "Holder.current.getConnection()") + ")"));
    assertEquals(1, ((LeaksFoundError) classFailure).leaks().size(), "the test's own leak is not reported twice");
  }

  // ---------------------------------------------------------------------------------------------

  @OnlyInTestKit
  @VerifyNoLeaks
  static class CleanExample {
    @Test
    void closesEverything(VerifyingDataSource verifier) throws SQLException {
      try (Connection connection = verifier.getConnection();
          PreparedStatement query = connection.prepareStatement("select 1")) {
        query.executeQuery().close();
      }
    }
  }

  @Test
  void passesACleanTestAndStillWritesTheRunsExport() throws Exception {
    EngineExecutionResults results = run(CleanExample.class);
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    results.allEvents().assertStatistics(stats -> stats.failed(0));
    assertEquals(
        List.of(LeakExport.MARKER, String.join("\t", LeakExport.COLUMNS)),
        Files.readAllLines(temp.resolve("leaks.tsv")));
  }

  @Test
  void examplesAreSkippedOutsideTheTestKit() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(SharedPoolExample.class))
        .configurationParameter(LeakCheckExtension.EXPORT_FILE_PARAMETER, "off")
        .execute();
    results.containerEvents().assertStatistics(stats -> stats.skipped(1));
    results.testEvents().assertStatistics(stats -> stats.started(0));
  }

  private static JdbcDataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:extension-example;DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return dataSource;
  }
}
