package dev.leakguard.verifier.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leakguard.verifier.VerifyingDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Measures what the verifier costs per borrow/prepare/query/iterate/close cycle against HikariCP
 * over in-memory H2, the setting its tests use. Each variant runs the same cycles on the same
 * pool; rounds alternate the variants' order, and the table shows each variant's median round.
 *
 * <p>Each round is timed twice: the wall clock, and the CPU time of the thread running the
 * cycles. The ratios are taken on CPU time, which a busy machine (other builds on the same cores)
 * does not inflate the way it inflates wall time; the wall ratio is printed beside it. CPU time
 * leaves out the garbage collector's threads, whose share the wall time of a quiet machine shows.
 *
 * <p>Arguments (all optional): {@code --cycles N} per round (default 20000), {@code --rounds N}
 * measured rounds (default 7), {@code --warmup N} rounds (default 3), {@code --rows N} rows per
 * query (default 10), {@code --max-ratio R} to exit with status 1 when the default verifier's
 * CPU-time ratio is above R (for a CI gate; by default the run only reports).
 */
public final class OverheadBenchmark {

  /**
   * A window of rows that moves every cycle: with the same parameters each time, H2 would hand
   * back its cached last result and the baseline would measure no query at all.
   */
  private static final String QUERY =
      "select id, name, price from items where id > ? and id <= ? order by id";
  private static final int ITEMS = 1000;
  private static final int DEEP_FRAMES = 100;
  private static final double TARGET_RATIO = 1.5;

  /** A verifier setting (or none) run at the benchmark's own depth or below a deep framework. */
  private record Variant(
      String name, DataSource dataSource, boolean deep, List<Double> millis, List<Double> cpuMillis) {
    Variant(String name, DataSource dataSource, boolean deep) {
      this(name, dataSource, deep, new ArrayList<>(), new ArrayList<>());
    }

    long run(int cycles, int rows) throws SQLException {
      return deep
          ? Framework.cycles(dataSource, cycles, rows)
          : OverheadBenchmark.cycles(dataSource, cycles, rows);
    }
  }

  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cycles = option(args, "--cycles", 20_000);
    int rounds = option(args, "--rounds", 7);
    int warmup = option(args, "--warmup", 3);
    int rows = option(args, "--rows", 10);
    double maxRatio = Double.parseDouble(stringOption(args, "--max-ratio", "0"));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM does not measure thread CPU time");
    }
    threads.setThreadCpuTimeEnabled(true);

    HikariConfig config = new HikariConfig();
    config.setPoolName("overhead-benchmark");
    config.setJdbcUrl("jdbc:h2:mem:overhead-benchmark;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(4);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      createItems(pool, ITEMS);
      VerifyingDataSource verifier = VerifyingDataSource.wrap(pool);
      VerifyingDataSource lean = VerifyingDataSource.builder(pool).appFrames(1).build();
      VerifyingDataSource history = VerifyingDataSource.builder(pool).keepClosedRecords(1000).build();
      VerifyingDataSource deep =
          VerifyingDataSource.builder(pool).skipFramesFrom(Framework.class.getName()).build();
      VerifyingDataSource deepLean =
          VerifyingDataSource.builder(pool)
              .skipFramesFrom(Framework.class.getName())
              .appFrames(1)
              .build();
      Variant baselineVariant = new Variant("HikariCP alone (baseline)", pool, false);
      Variant defaults = new Variant("verifier, defaults (3 app frames)", verifier, false);
      Variant deepDefaults = new Variant("verifier, defaults, 100 framework frames deep", deep, true);
      Variant deepBaselineVariant = new Variant("HikariCP alone, 100 framework frames deep", pool, true);
      List<Variant> variants =
          List.of(
              baselineVariant,
              defaults,
              new Variant("verifier, 1 app frame", lean, false),
              new Variant("verifier, closed-records history (close sites)", history, false),
              deepDefaults,
              new Variant("verifier, 1 app frame, 100 framework frames deep", deepLean, true),
              deepBaselineVariant);

      long checksum = 0;
      for (int round = 0; round < warmup + rounds; round++) {
        List<Variant> order = new ArrayList<>(variants);
        if (round % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (Variant variant : order) {
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          checksum += variant.run(cycles, rows);
          double elapsed = (System.nanoTime() - start) / 1e6;
          double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
          if (round >= warmup) {
            variant.millis().add(elapsed);
            variant.cpuMillis().add(cpu);
          }
        }
      }
      for (VerifyingDataSource v : List.of(verifier, lean, history, deep, deepLean)) {
        if (!v.leaks().isEmpty() || v.retainedRecords() != 0) {
          throw new IllegalStateException("the benchmark leaked: " + v.report());
        }
      }

      System.out.printf(
          Locale.ROOT,
          "%d borrow/prepare/query/iterate/close cycles per round, %d rows each of %d;"
              + " median of %d rounds after %d warm-up rounds (checksum %d)%n",
          cycles, rows, ITEMS, rounds, warmup, checksum);
      System.out.printf(Locale.ROOT, "%s, %d cores, Java %s%n%n",
          System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      double baseline = median(baselineVariant.cpuMillis());
      double deepBaseline = median(deepBaselineVariant.cpuMillis());
      double wallBaseline = median(baselineVariant.millis());
      double wallDeepBaseline = median(deepBaselineVariant.millis());
      System.out.printf(Locale.ROOT, "| %-48s | %7s | %7s | %8s | %5s | %10s |%n",
          "variant", "cpu ms", "wall ms", "us/cycle", "ratio", "wall ratio");
      System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%n", "-".repeat(50), "-".repeat(9),
          "-".repeat(9), "-".repeat(10), "-".repeat(7), "-".repeat(12));
      double defaultRatio = 0;
      double deepRatio = 0;
      for (Variant variant : variants) {
        double cpu = median(variant.cpuMillis());
        double wall = median(variant.millis());
        double ratio = cpu / (variant.deep() ? deepBaseline : baseline);
        double wallRatio = wall / (variant.deep() ? wallDeepBaseline : wallBaseline);
        if (variant == defaults) {
          defaultRatio = ratio;
        } else if (variant == deepDefaults) {
          deepRatio = ratio;
        }
        System.out.printf(Locale.ROOT, "| %-48s | %7.1f | %7.1f | %8.2f | %5.2f | %10.2f |%n",
            variant.name(), cpu, wall, cpu * 1000 / cycles, ratio, wallRatio);
      }
      System.out.printf(Locale.ROOT, "%nMedian rounds; us/cycle and ratio on the cycles' CPU time,"
          + " against HikariCP alone at the same stack depth.%nTarget, at most %.2fx: defaults %s,"
          + " 100 framework frames deep %s%n", TARGET_RATIO, verdict(defaultRatio), verdict(deepRatio));
      if (maxRatio > 0 && defaultRatio > maxRatio) {
        System.exit(1);
      }
    }
  }

  /** One variant's work: borrow, prepare, query, read every row, close, {@code count} times. */
  static long cycles(DataSource dataSource, int count, int rows) throws SQLException {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement query = connection.prepareStatement(QUERY)) {
        int from = (i * 7) % (ITEMS - rows);
        query.setInt(1, from);
        query.setInt(2, from + rows);
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            sum += result.getInt(1) + result.getString(2).length() + result.getLong(3);
          }
        }
      }
    }
    return sum;
  }

  /** Stands for a framework between the application's entry point and its data access. */
  static final class Framework {
    static long cycles(DataSource dataSource, int count, int rows) throws SQLException {
      return descend(DEEP_FRAMES, dataSource, count, rows);
    }

    private static long descend(int depth, DataSource dataSource, int count, int rows)
        throws SQLException {
      if (depth == 0) {
        return OverheadBenchmark.cycles(dataSource, count, rows);
      }
      return descend(depth - 1, dataSource, count, rows);
    }
  }

  private static void createItems(DataSource dataSource, int rows) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement ddl = connection.createStatement()) {
      ddl.execute("create table items (id int primary key, name varchar(40), price bigint)");
      try (PreparedStatement insert =
          connection.prepareStatement("insert into items values (?, ?, ?)")) {
        for (int i = 1; i <= rows; i++) {
          insert.setInt(1, i);
          insert.setString(2, "item-" + i);
          insert.setLong(3, i * 100L);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private static String verdict(double ratio) {
    return String.format(Locale.ROOT, "%.2fx (%s)", ratio, ratio <= TARGET_RATIO ? "met" : "not met");
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static int option(String[] args, String name, int fallback) {
    return Integer.parseInt(stringOption(args, name, Integer.toString(fallback)));
  }

  private static String stringOption(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
