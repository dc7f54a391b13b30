package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JDBC's implicit closing rules, as the verifier records them. */
class ImplicitCloseTest {

  private VerifyingDataSource verifier;

  @BeforeEach
  void setUp() throws Exception {
    verifier = VerifyingDataSource.wrap(TestDatabase.create(4));
  }

  private List<String> leaks() {
    return verifier.leaks().stream().map(l -> l.checkId() + " " + l.type()).toList();
  }

  @Test
  void closingAStatementClosesItsResultSet() throws Exception {
    try (Connection connection = verifier.getConnection()) {
      Statement statement = connection.createStatement();
      ResultSet rows = statement.executeQuery("select id from items");
      statement.close();
      assertTrue(rows.isClosed());
    }
    assertEquals(List.of(), leaks());
    assertEquals(1, verifier.stats().closedImplicitly());
  }

  @Test
  void executingAgainClosesThePreviousResultSet() throws Exception {
    try (Connection connection = verifier.getConnection();
        PreparedStatement query = connection.prepareStatement("select id from items where id > ?")) {
      query.setInt(1, 0);
      ResultSet first = query.executeQuery();
      query.setInt(1, 2);
      ResultSet second = query.executeQuery();
      assertTrue(first.isClosed());
      // Only the second result set is open now: the first is not a leak.
      List<ResourceRecord> open = verifier.snapshot();
      assertEquals(
          List.of(ResourceType.CONNECTION, ResourceType.PREPARED_STATEMENT, ResourceType.RESULT_SET),
          open.stream().map(ResourceRecord::type).toList());
      assertEquals(second.getStatement(), query);
    }
    assertEquals(List.of(), leaks());
    assertEquals(2, verifier.stats().closedImplicitly());
  }

  @Test
  void anUpdateClosesTheStatementsCurrentResultSet() throws Exception {
    try (Connection connection = verifier.getConnection();
        Statement statement = connection.createStatement()) {
      ResultSet rows = statement.executeQuery("select id from items");
      statement.executeUpdate("update items set name = name");
      assertTrue(rows.isClosed());
      assertEquals(2, verifier.snapshot().size());
    }
    assertEquals(List.of(), leaks());
  }

  @Test
  void getMoreResultsClosesTheCurrentResultSet() throws Exception {
    try (Connection connection = verifier.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("select id from items");
      ResultSet rows = statement.getResultSet();
      statement.getMoreResults();
      assertTrue(rows.isClosed());
      assertEquals(2, verifier.snapshot().size());
    }
    assertEquals(List.of(), leaks());
  }

  @Test
  void closingTheConnectionLeavesStatementsToItsCloseAndReportsThemApart() throws Exception {
    Connection connection = verifier.getConnection();
    PreparedStatement query = connection.prepareStatement("select id from items");
    ResultSet rows = query.executeQuery();
    connection.close();

    List<LeakRecord> leaks = verifier.leaks();
    assertEquals(1, leaks.size(), "the result set goes with its statement: " + leaks);
    LeakRecord leak = leaks.get(0);
    assertEquals(LeakKind.STATEMENT_LEFT_TO_CONNECTION_CLOSE, leak.kind());
    assertEquals("JdbcStatementLeftToConnectionClose", leak.checkId());
    String method = "closingTheConnectionLeavesStatementsToItsCloseAndReportsThemApart";
    assertEquals(SourceLines.lineOf(getClass(), method, "connection.prepareStatement("), leak.lineNumber());
    Site closedAt = leak.resource().closedAt();
    assertEquals(SourceLines.lineOf(getClass(), method, "connection.close();"), closedAt.lineNumber());
    assertEquals(CloseReason.CONNECTION_CLOSED, leak.resource().closeReason());
    assertEquals(
        "LEAK JdbcStatementLeftToConnectionClose PreparedStatement acquired at " + leak.site()
            + " was not closed; only Connection.close() at " + closedAt + " closed it",
        leak.message());
    assertEquals(List.of(), verifier.snapshot());
  }

  @Test
  void aClosedStatementIsNotLeftToTheConnection() throws Exception {
    try (Connection connection = verifier.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("select id from items"); // result set closed with the statement
      }
    }
    assertEquals(List.of(), leaks());
  }

  @Test
  void metadataResultSetsMustBeClosedThemselves() throws Exception {
    try (Connection connection = verifier.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      try (ResultSet tables = metaData.getTables(null, null, "ITEMS", null)) {
        assertTrue(tables.next());
      }
      metaData.getTypeInfo(); // never closed
    }
    List<LeakRecord> leaks = verifier.leaks();
    assertEquals(List.of("JdbcResultSetLeak ResultSet"), leaks());
    assertEquals(CloseReason.CONNECTION_CLOSED, leaks.get(0).resource().closeReason());
  }

  @Test
  void closeOnCompletionClosesTheStatementWithItsLastResultSet() throws Exception {
    try (Connection connection = verifier.getConnection()) {
      Statement statement = connection.createStatement();
      statement.closeOnCompletion();
      ResultSet rows = statement.executeQuery("select id from items");
      rows.close();
      assertTrue(statement.isClosed());
    }
    assertEquals(List.of(), leaks());
  }

  @Test
  void generatedKeysGoWithTheirStatement() throws Exception {
    try (Connection connection = verifier.getConnection()) {
      try (PreparedStatement insert =
          connection.prepareStatement("insert into items (name) values (?)", Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, "new");
        insert.executeUpdate();
        ResultSet keys = insert.getGeneratedKeys();
        assertTrue(keys.next());
      }
    }
    assertEquals(List.of(), leaks());
    assertEquals(1, verifier.stats().resultSets());
  }

  @Test
  void abortReleasesTheConnectionLikeClose() throws Exception {
    Connection connection = verifier.getConnection();
    connection.abort(Runnable::run);
    assertEquals(List.of(), leaks());
  }

  @Test
  void closingTwiceIsRecordedOnce() throws Exception {
    Connection connection = verifier.getConnection();
    Statement statement = connection.createStatement();
    statement.close();
    statement.close();
    connection.close();
    connection.close();
    assertEquals(2, verifier.stats().closedExplicitly());
    assertEquals(List.of(), leaks());
  }

  @Test
  void aStatementOfALeakedConnectionIsAPlainLeak() throws Exception {
    Connection connection = verifier.getConnection();
    connection.createStatement().executeQuery("select id from items");
    assertEquals(
        List.of("JdbcConnectionLeak Connection", "JdbcStatementLeak Statement", "JdbcResultSetLeak ResultSet"),
        leaks());
    connection.close();
    assertEquals(List.of("JdbcStatementLeftToConnectionClose Statement"), leaks());
  }

  @Test
  void manyOpenChildrenClosedInAnyOrderLeaveOnlyTheRestToTheConnection() throws Exception {
    Connection connection = verifier.getConnection();
    Statement first = connection.createStatement();
    Statement second = connection.createStatement();
    Statement third = connection.createStatement();
    Statement fourth = connection.createStatement();
    ResultSet firstRows = first.executeQuery("select id from items");
    ResultSet secondRows = second.executeQuery("select id from items");
    first.close(); // the first child goes, the second takes its place
    third.close(); // one from the middle
    assertTrue(firstRows.isClosed());
    assertEquals(
        List.of(
            "JdbcConnectionLeak Connection",
            "JdbcStatementLeak Statement",
            "JdbcStatementLeak Statement",
            "JdbcResultSetLeak ResultSet"),
        leaks());
    String method = "manyOpenChildrenClosedInAnyOrderLeaveOnlyTheRestToTheConnection";
    int secondLine = SourceLines.lineOf(getClass(), method, "Statement second = ");
    int fourthLine = SourceLines.lineOf(getClass(), method, "Statement fourth = ");
    int rowsLine = SourceLines.lineOf(getClass(), method, "ResultSet secondRows = ");
    assertEquals(
        List.of(secondLine, fourthLine, rowsLine),
        verifier.leaks().stream().skip(1).map(LeakRecord::lineNumber).toList());

    connection.close();

    assertEquals(
        List.of(
            "JdbcStatementLeftToConnectionClose Statement",
            "JdbcStatementLeftToConnectionClose Statement"),
        leaks());
    assertEquals(
        List.of(secondLine, fourthLine),
        verifier.leaks().stream().map(LeakRecord::lineNumber).toList());
    assertEquals(List.of(), verifier.snapshot(), "the result set went with its statement");
    assertEquals(2, verifier.retainedRecords(), "the two findings, no open resource");
  }
}
