package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many threads borrow, query and close at once, and leak a known number of resources. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CYCLES = 500;

  /** Iterations that leak the connection with its statement and result set. */
  private static boolean leaksConnection(int i) {
    return i % 100 == 3;
  }

  /** Iterations that close the connection but leave the statement to it. */
  private static boolean leavesStatement(int i) {
    return i % 100 == 50;
  }

  @Test
  void noRecordIsLostUnderContention() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(10));
    List<Connection> leaked = runConcurrently(verifier);

    int perThread = (int) IntStream.range(0, CYCLES).filter(ConcurrencyTest::leaksConnection).count();
    int leftPerThread = (int) IntStream.range(0, CYCLES).filter(ConcurrencyTest::leavesStatement).count();
    Map<String, Long> byKind =
        verifier.leaks().stream()
            .collect(Collectors.groupingBy(LeakRecord::checkId, TreeMap::new, Collectors.counting()));
    assertEquals(
        Map.of(
            "JdbcConnectionLeak", (long) THREADS * perThread,
            "JdbcStatementLeak", (long) THREADS * perThread,
            "JdbcResultSetLeak", (long) THREADS * perThread,
            "JdbcStatementLeftToConnectionClose", (long) THREADS * leftPerThread),
        byKind);
    VerifierStats stats = verifier.stats();
    assertEquals((long) THREADS * CYCLES, stats.connections());
    assertEquals((long) THREADS * CYCLES, stats.statements());
    assertEquals((long) THREADS * CYCLES, stats.resultSets());
    assertEquals(3L * THREADS * perThread, stats.open());
    // Every leak points at the one line that acquires in the worker.
    assertEquals(1, verifier.leaks().stream()
        .filter(l -> l.kind() == LeakKind.CONNECTION_LEAK).map(LeakRecord::lineNumber).distinct().count());

    for (Connection connection : leaked) {
      connection.close();
    }
    assertEquals(
        (long) THREADS * (perThread + leftPerThread),
        verifier.leaks().stream().filter(l -> l.kind() == LeakKind.STATEMENT_LEFT_TO_CONNECTION_CLOSE).count());
    assertEquals(List.of(), verifier.snapshot());
    verifier.reset();
    assertEquals(0, verifier.retainedRecords());
  }

  @Test
  void aPooledVerifierUnderContentionEndsEmpty() throws Exception {
    try (VerifyingDataSource verifier = VerifierPools.h2Hikari(4, Duration.ofSeconds(5))) {
      TestDatabase.createItems(verifier, 10);
      verifier.reset();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          results.add(pool.submit(() -> {
            start.await();
            int rows = 0;
            for (int i = 0; i < CYCLES / 2; i++) {
              rows += cycle(verifier);
            }
            return rows;
          }));
        }
        for (Future<Integer> result : results) {
          assertEquals(CYCLES / 2 * 10, result.get());
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(List.of(), verifier.leaks());
      assertEquals(0, verifier.retainedRecords());
      assertEquals(3L * THREADS * (CYCLES / 2), verifier.stats().closedExplicitly());
    }
  }

  private static int cycle(VerifyingDataSource verifier) throws SQLException {
    try (Connection connection = verifier.getConnection();
        PreparedStatement query = connection.prepareStatement("select name from items where id > ?")) {
      query.setInt(1, 0);
      try (ResultSet rows = query.executeQuery()) {
        int count = 0;
        while (rows.next()) {
          count++;
        }
        return count;
      }
    }
  }

  private static List<Connection> runConcurrently(VerifyingDataSource verifier) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<List<Connection>>> results = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        results.add(pool.submit(() -> {
          start.await();
          List<Connection> kept = new ArrayList<>();
          for (int i = 0; i < CYCLES; i++) {
            Connection connection = verifier.getConnection();
            PreparedStatement query = connection.prepareStatement("select name from items where id > ?");
            query.setInt(1, i % 10);
            ResultSet rows = query.executeQuery();
            while (rows.next()) {
              rows.getString(1);
            }
            if (leaksConnection(i)) {
              kept.add(connection); // leaks all three
              continue;
            }
            if (!leavesStatement(i)) {
              rows.close();
              query.close();
            }
            connection.close();
          }
          return kept;
        }));
      }
      List<Connection> leaked = new ArrayList<>();
      for (Future<List<Connection>> result : results) {
        leaked.addAll(result.get());
      }
      return leaked;
    } finally {
      pool.shutdown();
    }
  }
}
