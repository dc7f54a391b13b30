package dev.leakguard.verifier.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.verifier.AcquisitionSite;
import dev.leakguard.verifier.LeakExport;
import dev.leakguard.verifier.LeakKind;
import dev.leakguard.verifier.LeakRecord;
import dev.leakguard.verifier.ResourceRecord;
import dev.leakguard.verifier.ResourceType;
import dev.leakguard.verifier.Site;
import dev.leakguard.verifier.confirm.Confirmation.FindingStatus;
import dev.leakguard.verifier.confirm.Confirmation.LeakResult;
import dev.leakguard.verifier.confirm.Confirmation.LeakStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison on hand-built findings and runtime records: one rule per test, near misses beside. */
class ConfirmationTest {
  private static final String DAO = "app/src/main/java/com/acme/Dao.java";
  private static final Site FIND_24 = new Site("com.acme.Dao", "find", "Dao.java", 24);
  private static final Site FIND_25 = new Site("com.acme.Dao", "find", "Dao.java", 25);
  private static final Site OPEN_40 = new Site("com.acme.Dao", "open", "Dao.java", 40);
  private static final Site TEST_9 = new Site("com.acme.DaoTest", "finds", "DaoTest.java", 9);

  private static StaticFinding finding(String checkId, String path, int line) {
    return new StaticFinding(checkId, path, line, "", List.of("errorprone"));
  }

  private static LeakRecord leak(String checkId, ResourceType type, Site... stack) {
    return new LeakRecord(
        LeakKind.byCheckId(checkId),
        new ResourceRecord(1, type, List.of(stack), "main", 0, null, null, null, null));
  }

  private static AcquisitionSite acquired(ResourceType type, long count, Site... stack) {
    return new AcquisitionSite(type, List.of(stack), count);
  }

  @Test
  void aLeakAtTheFindingsLineWithItsIdConfirmsItAndIsFound() {
    StaticFinding connection = finding("JdbcConnectionLeak", DAO, 24);
    RuntimeEvidence evidence =
        new RuntimeEvidence()
            .addSites(List.of(acquired(ResourceType.CONNECTION, 3, FIND_24, TEST_9)))
            .addLeaks("no orders", List.of(leak("JdbcConnectionLeak", ResourceType.CONNECTION, FIND_24, TEST_9)));

    Confirmation confirmation = Confirmation.compare(List.of(connection), evidence);

    assertEquals(FindingStatus.CONFIRMED, confirmation.findings().get(0).status());
    assertEquals(1, confirmation.findings().get(0).confirmingLeaks());
    assertEquals(List.of("no orders"), confirmation.findings().get(0).confirmingSources());
    assertEquals(3, confirmation.findings().get(0).acquisitions());
    LeakResult found = confirmation.leaks().get(0);
    assertEquals(LeakStatus.FOUND, found.status());
    assertEquals(connection, found.finding());
    assertEquals(0, found.frame());
    assertTrue(found.sameId());
  }

  @Test
  void aResultSetReturnedByAHelperIsFoundAtTheCallersLine() {
    StaticFinding owner = finding("JdbcResultSetLeak", DAO, 24);
    RuntimeEvidence evidence =
        new RuntimeEvidence()
            .addSites(List.of(acquired(ResourceType.RESULT_SET, 1, OPEN_40, FIND_24, TEST_9)))
            .addLeaks("page", List.of(leak("JdbcResultSetLeak", ResourceType.RESULT_SET, OPEN_40, FIND_24, TEST_9)));

    Confirmation confirmation = Confirmation.compare(List.of(owner), evidence);

    assertEquals(FindingStatus.CONFIRMED, confirmation.findings().get(0).status());
    assertEquals(1, confirmation.leaks().get(0).frame());
    assertTrue(confirmation.table().contains("line 24 (caller)"), confirmation.table());
  }

  @Test
  void aResultSetLeftOpenWithItsStatementIsFoundByTheStatementsFinding() {
    // static analysis reports the statement (line 24), whose close closes the result set (line 40)
    StaticFinding statement = finding("JdbcStatementLeak", DAO, 24);
    LeakRecord statementLeak = leak("JdbcStatementLeak", ResourceType.STATEMENT, FIND_24, TEST_9);
    LeakRecord rowsLeak =
        new LeakRecord(
            LeakKind.RESULT_SET_LEAK,
            new ResourceRecord(2, ResourceType.RESULT_SET, List.of(OPEN_40, TEST_9), "main", 1,
                ResourceType.STATEMENT, FIND_24, null, null));
    RuntimeEvidence evidence = new RuntimeEvidence().addLeaks("no orders", List.of(statementLeak, rowsLeak));

    Confirmation confirmation = Confirmation.compare(List.of(statement), evidence);

    LeakResult rows = confirmation.leaks().stream().filter(l -> l.checkId().equals("JdbcResultSetLeak")).findFirst().orElseThrow();
    assertEquals(LeakStatus.FOUND, rows.status());
    assertEquals(statement, rows.finding());
    assertEquals(Confirmation.BY_PARENT, rows.frame());
    assertFalse(rows.sameId());
    assertEquals(FindingStatus.CONFIRMED, confirmation.findings().get(0).status());
    assertEquals(1, confirmation.findings().get(0).confirmingLeaks(), "the statement's own leak confirms it");
    assertTrue(confirmation.table().contains("line 24 (its statement)"), confirmation.table());

    // near miss: a result set whose parent has no statement finding is still missed
    Confirmation none = Confirmation.compare(List.of(finding("JdbcConnectionLeak", DAO, 24)), evidence);
    assertEquals(
        LeakStatus.MISSED,
        none.leaks().stream().filter(l -> l.checkId().equals("JdbcResultSetLeak")).findFirst().orElseThrow().status());
  }

  @Test
  void aLeakOfAnotherIdAtTheSameLineIsMissedAndConfirmsNothing() {
    StaticFinding statement = finding("JdbcStatementLeak", DAO, 24);
    RuntimeEvidence evidence =
        new RuntimeEvidence()
            .addSites(List.of(acquired(ResourceType.CONNECTION, 1, FIND_24)))
            .addLeaks("run", List.of(leak("JdbcConnectionLeak", ResourceType.CONNECTION, FIND_24)));

    Confirmation confirmation = Confirmation.compare(List.of(statement), evidence);

    assertEquals(LeakStatus.MISSED, confirmation.leaks().get(0).status());
    assertNull(confirmation.leaks().get(0).finding());
    assertEquals(FindingStatus.NOT_CONFIRMED, confirmation.findings().get(0).status());
  }

  @Test
  void aStatementLeakFindingCoversAStatementLeftToItsConnectionButIsNotConfirmedByIt() {
    StaticFinding statement = finding("JdbcStatementLeak", DAO, 25);
    RuntimeEvidence evidence =
        new RuntimeEvidence()
            .addSites(List.of(acquired(ResourceType.PREPARED_STATEMENT, 3, FIND_25)))
            .addLeaks("good lines",
                List.of(leak("JdbcStatementLeftToConnectionClose", ResourceType.PREPARED_STATEMENT, FIND_25)));

    Confirmation confirmation = Confirmation.compare(List.of(statement), evidence);

    LeakResult covered = confirmation.leaks().get(0);
    assertEquals(LeakStatus.FOUND, covered.status());
    assertFalse(covered.sameId());
    assertEquals(FindingStatus.NOT_CONFIRMED, confirmation.findings().get(0).status());
    assertEquals(1, confirmation.findings().get(0).coveredLeaks());
    assertTrue(confirmation.table().contains("same line [1]"), confirmation.table());
    assertTrue(confirmation.table().contains(
        "[1] JdbcStatementLeftToConnectionClose reported as JdbcStatementLeak"), confirmation.table());
  }

  @Test
  void aLeftToConnectionCloseFindingDoesNotCoverAPlainStatementLeak() {
    assertTrue(Confirmation.covers("JdbcStatementLeak", "JdbcStatementLeftToConnectionClose"));
    assertFalse(Confirmation.covers("JdbcStatementLeftToConnectionClose", "JdbcStatementLeak"));
    assertFalse(Confirmation.covers("JdbcConnectionLeak", "JdbcStatementLeak"));
    assertFalse(Confirmation.covers("JdbcResultSetLeak", "JdbcStatementLeftToConnectionClose"));

    Confirmation confirmation =
        Confirmation.compare(
            List.of(finding("JdbcStatementLeftToConnectionClose", DAO, 25)),
            new RuntimeEvidence()
                .addSites(List.of())
                .addLeaks("run", List.of(leak("JdbcStatementLeak", ResourceType.STATEMENT, FIND_25))));
    assertEquals(LeakStatus.MISSED, confirmation.leaks().get(0).status());
  }

  @Test
  void findingsWithoutALeakAreToldApartByWhetherTheirLineRan() {
    StaticFinding ran = finding("JdbcConnectionLeak", DAO, 24);
    StaticFinding neverRan = finding("JdbcConnectionLeak", DAO, 60);
    RuntimeEvidence withSites =
        new RuntimeEvidence().addSites(List.of(acquired(ResourceType.CONNECTION, 7, FIND_24)));

    Confirmation confirmation = Confirmation.compare(List.of(ran, neverRan), withSites);
    assertEquals(
        List.of(FindingStatus.NOT_CONFIRMED, FindingStatus.NOT_EXERCISED),
        confirmation.findings().stream().map(Confirmation.FindingResult::status).toList());
    assertEquals(7, confirmation.findings().get(0).acquisitions());

    Confirmation withoutSites = Confirmation.compare(List.of(ran), new RuntimeEvidence());
    assertEquals(FindingStatus.NO_LEAK_SEEN, withoutSites.findings().get(0).status());
  }

  @Test
  void pathsAgreeOnlyAsWholeTrailingSegments() {
    List<String> agreeing = List.of(DAO, "com/acme/Dao.java", "Dao.java", "/abs/src/com/acme/Dao.java");
    for (String path : agreeing) {
      assertTrue(SourcePaths.at(path, 24, FIND_24), path);
    }
    List<String> differing = List.of("app/src/main/java/com/other/Dao.java", "com/acme/MyDao.java", "");
    for (String path : differing) {
      assertFalse(SourcePaths.at(path, 24, FIND_24), path);
    }
    assertFalse(SourcePaths.at(DAO, 25, FIND_24), "another line");
    assertFalse(SourcePaths.at(DAO, 24, Site.UNKNOWN), "an unknown frame");
  }

  @Test
  void exportRowsAreRuntimeLeaksWithTheirTestAsSource() {
    LeakExport.Row row =
        new LeakExport.Row("JdbcConnectionLeak", "Connection", "Dao.java", 24, "com.acme.Dao", "find",
            FIND_24 + ";" + TEST_9, "", "main", "com.acme.DaoTest#finds", "");
    RuntimeLeak leak = RuntimeLeak.of(row);
    assertEquals(List.of(FIND_24, TEST_9), leak.appStack());
    assertEquals("com.acme.DaoTest#finds", leak.source());

    Confirmation confirmation =
        Confirmation.compare(List.of(finding("JdbcConnectionLeak", DAO, 24)), new RuntimeEvidence().addExport(List.of(row)));
    assertEquals(FindingStatus.CONFIRMED, confirmation.findings().get(0).status());
  }

  @Test
  void theTablePrintsFixedColumnsAndTheSummary() {
    RuntimeEvidence evidence =
        new RuntimeEvidence()
            .addSites(List.of(acquired(ResourceType.CONNECTION, 2, FIND_24, TEST_9)))
            .addLeaks("no orders", List.of(
                leak("JdbcConnectionLeak", ResourceType.CONNECTION, FIND_24, TEST_9),
                leak("JdbcConnectionLeak", ResourceType.CONNECTION, FIND_24, TEST_9)))
            .addLeaks("helper", List.of(leak("JdbcStatementLeak", ResourceType.STATEMENT, OPEN_40, TEST_9)));
    Confirmation confirmation =
        Confirmation.compare(
            List.of(finding("JdbcConnectionLeak", DAO, 24), finding("JdbcResultSetLeak", DAO, 70)),
            evidence);

    assertEquals(
        """
        Static findings -> runtime (2)
          RESULT         CHECK               FINDING AT   RUNTIME EVIDENCE
          confirmed      JdbcConnectionLeak  Dao.java:24  2 leaks in no orders
          not exercised  JdbcResultSetLeak   Dao.java:70  no acquisition recorded at this line

        Runtime leaks -> static (3)
          RESULT  CHECK               LEAKS  ACQUIRED AT  STATIC FINDING  RUN BY
          found   JdbcConnectionLeak      2  Dao.java:24  same line       no orders
          missed  JdbcStatementLeak       1  Dao.java:40  -               helper

        Static findings: 2 - 1 confirmed, 0 not confirmed (ran without leaking), 1 not exercised.
        Runtime leaks: 3 - 2 found statically, 1 missed.
        """,
        confirmation.table());
  }
}
