package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class VerifyingDataSourceTest {

  @Test
  void leakedConnectionIsReportedAtTheAcquiringLine() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(3));

    Connection leaked = verifier.getConnection();

    int line = SourceLines.lineOf(getClass(), "leakedConnectionIsReportedAtTheAcquiringLine", "Connection leaked = verifier.getConnection();");
    List<LeakRecord> leaks = verifier.leaks();
    assertEquals(1, leaks.size());
    LeakRecord leak = leaks.get(0);
    assertEquals(LeakKind.CONNECTION_LEAK, leak.kind());
    assertEquals("JdbcConnectionLeak", leak.checkId());
    assertEquals("VerifyingDataSourceTest.java", leak.fileName());
    assertEquals(getClass().getName(), leak.className());
    assertEquals("leakedConnectionIsReportedAtTheAcquiringLine", leak.methodName());
    assertEquals(line, leak.lineNumber());
    assertEquals(
        "LEAK JdbcConnectionLeak Connection acquired at dev.leakguard.verifier.VerifyingDataSourceTest"
            + ".leakedConnectionIsReportedAtTheAcquiringLine(VerifyingDataSourceTest.java:"
            + line
            + ") was not closed",
        leak.message());
    assertTrue(leak.context().startsWith("    thread \"" + Thread.currentThread().getName() + "\""));
    leaked.close();
    assertEquals(List.of(), verifier.leaks());
  }

  @Test
  void everythingClosedLeavesNothingBehind() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(5));
    for (int i = 0; i < 100; i++) {
      try (Connection connection = verifier.getConnection();
          PreparedStatement query = connection.prepareStatement("select name from items where id <= ?")) {
        query.setInt(1, 5);
        try (ResultSet rows = query.executeQuery()) {
          int count = 0;
          while (rows.next()) {
            count++;
          }
          assertEquals(5, count);
        }
      }
    }
    assertEquals(List.of(), verifier.leaks());
    assertEquals(List.of(), verifier.snapshot());
    assertEquals(0, verifier.retainedRecords());
    VerifierStats stats = verifier.stats();
    assertEquals(100, stats.connections());
    assertEquals(100, stats.statements());
    assertEquals(100, stats.resultSets());
    assertEquals(300, stats.closedExplicitly());
    assertEquals(0, stats.open());
  }

  @Test
  void eachOpenResourceIsAPlainLeakOfItsOwnKind() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(2));
    Connection connection = verifier.getConnection();
    Statement plain = connection.createStatement();
    PreparedStatement prepared = connection.prepareStatement("select id from items");
    ResultSet rows = prepared.executeQuery();

    List<LeakRecord> leaks = verifier.leaks();
    assertEquals(
        List.of(
            "JdbcConnectionLeak Connection",
            "JdbcStatementLeak Statement",
            "JdbcStatementLeak PreparedStatement",
            "JdbcResultSetLeak ResultSet"),
        leaks.stream().map(l -> l.checkId() + " " + l.type()).toList());
    assertEquals(
        "    thread \"" + Thread.currentThread().getName() + "\", on PreparedStatement acquired at "
            + leaks.get(2).site(),
        leaks.get(3).context());
    rows.close();
    plain.close();
    prepared.close();
    connection.close();
    assertEquals(List.of(), verifier.leaks());
  }

  @Test
  void borrowedAccessorsReturnTheTrackedObjectsAndAcquireNothing() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(2));
    try (Connection connection = verifier.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id from items")) {
      assertSame(connection, statement.getConnection());
      assertSame(statement, rows.getStatement());
      assertSame(connection, rows.getStatement().getConnection());
      DatabaseMetaData metaData = connection.getMetaData();
      assertSame(connection, metaData.getConnection());
      assertEquals(3, verifier.stats().acquired());
      assertEquals(3, verifier.snapshot().size());
    }
    assertEquals(List.of(), verifier.leaks());
  }

  @Test
  void getResultSetReturnsTheSameTrackedResultSet() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(2));
    try (Connection connection = verifier.getConnection();
        Statement statement = connection.createStatement()) {
      assertTrue(statement.execute("select id from items"));
      ResultSet first = statement.getResultSet();
      ResultSet again = statement.getResultSet();
      assertSame(first, again);
      assertEquals(1, verifier.stats().resultSets());
      first.close();
    }
    assertEquals(List.of(), verifier.leaks());
  }

  @Test
  void unwrapSeesTheProxyFirstThenTheDriver() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(1));
    try (Connection connection = verifier.getConnection()) {
      assertSame(connection, connection.unwrap(Connection.class));
      assertTrue(connection.isWrapperFor(Connection.class));
      assertInstanceOf(org.h2.jdbc.JdbcConnection.class, connection.unwrap(org.h2.jdbc.JdbcConnection.class));
      assertEquals(connection, connection);
      assertFalse(connection.equals(null));
      assertTrue(connection.toString().startsWith("Connection#"));
    }
    assertSame(verifier, verifier.unwrap(VerifyingDataSource.class));
    assertInstanceOf(DataSource.class, verifier.unwrap(org.h2.jdbcx.JdbcDataSource.class));
  }

  @Test
  void driverExceptionsPassThroughUnchanged() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(1));
    try (Connection connection = verifier.getConnection();
        Statement statement = connection.createStatement()) {
      SQLException e =
          assertThrows(SQLException.class, () -> statement.executeQuery("select missing from items"));
      assertEquals("42S22", e.getSQLState());
    }
    assertEquals(List.of(), verifier.leaks());
  }

  @Test
  void markScopesACheckToLaterAcquisitions() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(1));
    Connection before = verifier.getConnection();
    long mark = verifier.mark();
    Connection after = verifier.getConnection();
    assertEquals(2, verifier.leaks().size());
    List<LeakRecord> since = verifier.leaksSince(mark);
    assertEquals(1, since.size());
    assertEquals(verifier.snapshot().get(1).id(), since.get(0).resource().id());
    before.close();
    after.close();
  }

  @Test
  void resetForgetsEverything() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(1));
    Connection connection = verifier.getConnection();
    Statement statement = connection.createStatement();
    verifier.reset();
    assertEquals(List.of(), verifier.leaks());
    connection.close(); // the statement was acquired before reset: not a finding now
    assertEquals(List.of(), verifier.leaks());
    statement.close();
    assertEquals(0, verifier.retainedRecords());
    assertEquals(0, verifier.stats().acquired());
  }

  @Test
  void reclaimGivesALeakedConnectionBackToThePool() throws Exception {
    try (VerifyingDataSource verifier = VerifierPools.h2Hikari(1, Duration.ofMillis(250))) {
      Connection leaked = verifier.getConnection();
      PreparedStatement statement = leaked.prepareStatement("select 1");
      statement.executeQuery();
      assertThrows(SQLTransientConnectionException.class, verifier::getConnection);
      assertEquals(3, verifier.leaks().size());

      assertEquals(3, verifier.reclaim(verifier.leaks()));
      assertEquals(List.of(), verifier.leaks());
      assertTrue(leaked.isClosed());
      try (Connection next = verifier.getConnection()) {
        assertNotNull(next);
      }
      assertEquals(3, verifier.stats().reclaimed());
    }
  }

  @Test
  void assertNoLeaksFailsWithTheReport() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.builder(TestDatabase.create(1)).name("orders-db").build();
    verifier.assertNoLeaks();
    Connection connection = verifier.getConnection();
    LeaksFoundError error = assertThrows(LeaksFoundError.class, verifier::assertNoLeaks);
    assertEquals(1, error.leaks().size());
    assertTrue(error.getMessage().startsWith("1 JDBC resource was left open by orders-db"), error.getMessage());
    assertTrue(error.getMessage().contains(error.leaks().get(0).message()));
    connection.close();
  }

  /** Stands for an application's own data-access helper. */
  static final class Db {
    static Connection open(DataSource dataSource) throws SQLException {
      return dataSource.getConnection();
    }
  }

  @Test
  void skippedPrefixesMoveTheSiteToTheCaller() throws Exception {
    DataSource database = TestDatabase.create(1);
    VerifyingDataSource plain = VerifyingDataSource.builder(database).build();
    VerifyingDataSource skipping =
        VerifyingDataSource.builder(database).skipFramesFrom(Db.class.getName()).build();

    Connection first = Db.open(plain);
    Connection second = Db.open(skipping);

    LeakRecord inHelper = plain.leaks().get(0);
    assertEquals(Db.class.getName(), inHelper.className());
    assertEquals("open", inHelper.methodName());
    assertEquals(getClass().getName(), inHelper.resource().appStack().get(1).className());
    LeakRecord atCaller = skipping.leaks().get(0);
    assertEquals("skippedPrefixesMoveTheSiteToTheCaller", atCaller.methodName());
    assertEquals(SourceLines.lineOf(getClass(), "skippedPrefixesMoveTheSiteToTheCaller", "Db.open(skipping)"), atCaller.lineNumber());
    first.close();
    second.close();
  }

  @Test
  void closedRecordsKeepWhyAndWhereEachCloseHappened() throws Exception {
    VerifyingDataSource verifier =
        VerifyingDataSource.builder(TestDatabase.create(1)).keepClosedRecords(2).appFrames(1).build();
    Connection connection = verifier.getConnection();
    Statement statement = connection.createStatement();
    ResultSet rows = statement.executeQuery("select id from items");
    statement.close();
    connection.close();

    List<ResourceRecord> closed = verifier.closedRecords();
    assertEquals(List.of(ResourceType.RESULT_SET, ResourceType.CONNECTION), closed.stream().map(ResourceRecord::type).toList());
    assertEquals(CloseReason.STATEMENT_CLOSED, closed.get(0).closeReason());
    String method = "closedRecordsKeepWhyAndWhereEachCloseHappened";
    assertEquals(SourceLines.lineOf(getClass(), method, "statement.close();"), closed.get(0).closedAt().lineNumber());
    assertEquals(CloseReason.EXPLICIT, closed.get(1).closeReason());
    assertEquals(SourceLines.lineOf(getClass(), method, "connection.close();"), closed.get(1).closedAt().lineNumber());
    assertEquals(1, closed.get(1).appStack().size());
    assertTrue(rows.isClosed());
    assertEquals(List.of(), verifier.leaks());
  }

  @Test
  void withoutHistoryOnlyReportedClosesAreLocated() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(1));
    Connection connection = verifier.getConnection();
    connection.createStatement();
    connection.close();
    LeakRecord leak = verifier.leaks().get(0);
    assertEquals(LeakKind.STATEMENT_LEFT_TO_CONNECTION_CLOSE, leak.kind());
    assertEquals(SourceLines.lineOf(getClass(), "withoutHistoryOnlyReportedClosesAreLocated", "connection.close();"),
        leak.resource().closedAt().lineNumber());
    assertEquals(List.of(), verifier.closedRecords());
  }
}
