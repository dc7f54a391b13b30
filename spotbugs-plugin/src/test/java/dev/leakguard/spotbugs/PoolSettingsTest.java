package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.Priorities;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pool settings set in Java code, seen from a SpotBugs run: the messages, placed at the setter
 * call on its method, with the fingerprint every engine computes; the ceiling option and what a
 * bad value does; classes missing from the auxiliary class path. The shapes bytecode gives the
 * calls (finally copies, lambdas, slots, branches ...) are labelled fixtures run by {@link
 * BytecodeShapesTest}.
 */
class PoolSettingsTest {
  private static final String SHOP =
      String.join(
          "\n",
          "package demo;", // 1
          "import com.zaxxer.hikari.HikariConfig;", // 2
          "import java.time.Duration;", // 3
          "import java.util.function.Supplier;", // 4
          "import org.apache.commons.dbcp2.BasicDataSource;", // 5
          "public class Shop {", // 6
          "  HikariConfig hermit() {", // 7
          "    HikariConfig config = new HikariConfig();", // 8
          "    config.setMaximumPoolSize(1);", // 9
          "    return config;", // 10
          "  }", // 11
          "  BasicDataSource unbounded() {", // 12
          "    BasicDataSource ds = new BasicDataSource();", // 13
          "    ds.setMaxWait(Duration.ofMillis(-1));", // 14
          "    return ds;", // 15
          "  }", // 16
          "  Shop() {", // 17
          "    Supplier<HikariConfig> s = () -> {", // 18
          "      HikariConfig c = new HikariConfig();", // 19
          "      c.setMaxLifetime(10_000);", // 20
          "      return c;", // 21
          "    };", // 22
          "  }", // 23
          "  @Profile(\"prod\")", // 24
          "  BasicDataSource production() {", // 25
          "    BasicDataSource ds = new BasicDataSource();", // 26
          "    ds.setLogAbandoned(true);", // 27
          "    return ds;", // 28
          "  }", // 29
          "  static class Tuned extends HikariConfig {", // 30
          "    Tuned() {", // 31
          "      setMaximumPoolSize(0);", // 32
          "    }", // 33
          "  }", // 34
          "  HikariConfig sized(int size) {", // 35
          "    HikariConfig big = new HikariConfig();", // 36
          "    big.setMaximumPoolSize(60);", // 37
          "    HikariConfig huge = new HikariConfig();", // 38
          "    huge.setMaximumPoolSize(500);", // 39
          "    return size > 100 ? huge : big;", // 40
          "  }", // 41
          "  static HikariConfig create() {", // 42
          "    return new HikariConfig();", // 43
          "  }", // 44
          "  HikariConfig copiedFinally() {", // 45
          "    try {", // 46
          "      return create();", // 47
          "    } finally {", // 48
          "      create().setConnectionTimeout(0);", // 49
          "    }", // 50
          "  }", // 51
          "}", // 52
          "@interface Profile {", // 53
          "  String[] value();", // 54
          "}");

  @AfterEach
  void clearProperties() {
    System.clearProperty(PoolCeiling.PROPERTY);
  }

  private static Engine.Run run(String cls, String source, List<Path> aux) throws Exception {
    Path classes = Javac.compileSources(Map.of(cls, source), List.of("--release", "17", "-g"));
    return Engine.run(List.of(classes), aux);
  }

  private static List<BugInstance> poolBugs(Engine.Run run) {
    List<BugInstance> out = new ArrayList<>();
    for (BugInstance b : run.reporter().getBugCollection()) {
      if (CheckId.byName(b.getType()).category() == CheckId.Category.POOL_CONFIG) {
        out.add(b);
      }
    }
    return out;
  }

  /** "line id" of each pool finding, sorted. */
  private static Set<String> found(Engine.Run run) {
    return poolBugs(run).stream()
        .map(b -> b.getPrimarySourceLineAnnotation().getStartLine() + " " + b.getType())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static BugInstance at(Engine.Run run, int line) {
    for (BugInstance b : poolBugs(run)) {
      if (b.getPrimarySourceLineAnnotation().getStartLine() == line) {
        return b;
      }
    }
    throw new AssertionError("no pool finding at line " + line + ": " + found(run));
  }

  private static String message(Engine.Run run, int line) {
    return at(run, line).getMessageWithoutPrefix();
  }

  private static void noLeakGuardFailure(Engine.Run run) {
    assertTrue(run.errors().stream().noneMatch(e -> e.startsWith("LeakGuard could not")),
        String.join("\n", run.errors()));
  }

  @Test
  void messagesNameTheCallAndTheUnitAndCarryTheFingerprint() throws Exception {
    Engine.Run run = run("demo.Shop", SHOP, Javac.libraries());
    noLeakGuardFailure(run);
    assertEquals(
        new TreeSet<>(List.of(
            "9 JdbcPoolSizeOutOfRange", "14 JdbcPoolUnboundedWait", "20 JdbcPoolLifetimeMisconfigured",
            "27 JdbcPoolAbandonedMisconfigured", "32 JdbcPoolSizeOutOfRange", "39 JdbcPoolSizeOutOfRange",
            "49 JdbcPoolUnboundedWait")),
        found(run));
    assertEquals(found(run).size(), poolBugs(run).size(), "one finding per line, whatever copies javac made");

    assertTrue(message(run, 9).startsWith(
        "[JdbcPoolSizeOutOfRange] config.setMaximumPoolSize(1) in Shop.hermit lets HikariCP open a single connection"),
        message(run, 9));
    assertTrue(message(run, 14).startsWith(
        "[JdbcPoolUnboundedWait] ds.setMaxWait(Duration.ofMillis(-1)) in Shop.unbounded "), message(run, 14));
    assertTrue(message(run, 20).startsWith(
        "[JdbcPoolLifetimeMisconfigured] c.setMaxLifetime(10000) in a lambda in the Shop constructor "),
        message(run, 20));
    assertTrue(message(run, 27).startsWith(
        "[JdbcPoolAbandonedMisconfigured] ds.setLogAbandoned(true) in Shop.production (profile 'prod') "),
        message(run, 27));
    assertTrue(message(run, 32).startsWith(
        "[JdbcPoolSizeOutOfRange] setMaximumPoolSize(0) in the Tuned constructor "), message(run, 32));
    assertTrue(message(run, 39).contains("above the ceiling of 100"), message(run, 39));
    assertTrue(message(run, 49).startsWith("[JdbcPoolUnboundedWait] create().setConnectionTimeout(0) in Shop.copiedFinally "),
        message(run, 49));

    BugInstance hermit = at(run, 9);
    assertEquals("demo.Shop", hermit.getPrimaryClass().getClassName());
    assertEquals("hermit", hermit.getPrimaryMethod().getMethodName());
    assertEquals(Priorities.HIGH_PRIORITY, hermit.getPriority());
    assertEquals(Priorities.NORMAL_PRIORITY, at(run, 20).getPriority());
    assertEquals("lambda$new$0", at(run, 20).getPrimaryMethod().getMethodName(), "reported on the lambda body");
    assertEquals(
        ReportedFinding.fingerprintOf(CheckId.JdbcPoolSizeOutOfRange,
            "demo.Shop.hermit()Lcom/zaxxer/hikari/HikariConfig;", "pool", "maximumPoolSize"),
        hermit.getProperty(LeakGuardPoolDetector.FINGERPRINT_PROPERTY));
  }

  @Test
  void theCeilingIsAProperty() throws Exception {
    System.setProperty(PoolCeiling.PROPERTY, "50");
    Engine.Run run = run("demo.Shop", SHOP, Javac.libraries());
    assertTrue(run.errors().isEmpty(), String.join("\n", run.errors()));
    assertTrue(found(run).contains("37 JdbcPoolSizeOutOfRange"), found(run).toString());
    assertTrue(found(run).contains("39 JdbcPoolSizeOutOfRange"), found(run).toString());
    assertTrue(message(run, 37).contains("above the ceiling of 50"), message(run, 37));

    System.setProperty(PoolCeiling.PROPERTY, " 500 ");
    run = run("demo.Shop", SHOP, Javac.libraries());
    assertTrue(!found(run).contains("39 JdbcPoolSizeOutOfRange"), "500 is at the ceiling: " + found(run));
  }

  @Test
  void aBadCeilingIsReportedOnceAndTheDefaultIsUsed() throws Exception {
    for (String bad : List.of("lots", "1", "-5", "99999999999")) {
      System.setProperty(PoolCeiling.PROPERTY, bad);
      Engine.Run run = run("demo.Shop", SHOP, Javac.libraries());
      List<String> told = run.errors().stream().filter(e -> e.contains(PoolCeiling.PROPERTY)).toList();
      assertEquals(1, told.size(), bad + ": " + run.errors());
      assertTrue(told.get(0).contains(PoolCeiling.PROPERTY + "=" + bad) && told.get(0).contains("default ceiling of 100"),
          told.get(0));
      noLeakGuardFailure(run);
      assertTrue(found(run).contains("39 JdbcPoolSizeOutOfRange"), bad + ": " + found(run));
      assertTrue(!found(run).contains("37 JdbcPoolSizeOutOfRange"), bad + ": " + found(run));
    }
  }

  @Test
  void ceilingValues() {
    assertEquals(new PoolCeiling.Loaded(100, null), PoolCeiling.load((String) null));
    assertEquals(new PoolCeiling.Loaded(100, null), PoolCeiling.load(" "));
    assertEquals(new PoolCeiling.Loaded(2, null), PoolCeiling.load("2"));
    assertEquals(new PoolCeiling.Loaded(250, null), PoolCeiling.load("250"));
    assertEquals(100, PoolCeiling.load("1").value());
    assertTrue(PoolCeiling.load("1").error().contains("at least 2"));
    assertTrue(PoolCeiling.load("ten").error().contains("not a whole number"));
    assertTrue(PoolCeiling.load("1.5").error().contains("not a whole number"));
    assertTrue(PoolCeiling.load("99999999999").error().contains("too large"));
    assertNull(PoolCeiling.load("64").error());
  }

  @Test
  void unitNames() {
    assertEquals("Shop", PoolUnit.simpleClassName("demo.Shop"));
    assertEquals("Tuned", PoolUnit.simpleClassName("demo.Shop$Tuned"));
    assertEquals("Shop", PoolUnit.simpleClassName("demo.Shop$1"));
    assertEquals("Local", PoolUnit.simpleClassName("demo.Shop$1Local"));
    assertEquals("Inner", PoolUnit.simpleClassName("demo.Shop$2$Inner"));
    assertEquals("Shop", PoolUnit.simpleClassName("Shop"));
    assertEquals("dataSource", PoolUnit.methodNameOfLambda("lambda$dataSource$0"));
    assertEquals("<init>", PoolUnit.methodNameOfLambda("lambda$new$3"));
    assertEquals("<clinit>", PoolUnit.methodNameOfLambda("lambda$static$1"));
  }

  /**
   * Classes missing from the auxiliary class path: a call on a pool class is still known by the
   * class's name, a subclass of the application's by its superclass's name; a missing class of
   * any other name is not a pool, and nothing fails.
   */
  @Test
  void missingClassesAreNotPoolsAndStopNothing() throws Exception {
    Path lib =
        Javac.compileSources(
            Map.of(
                "acme.Executor",
                String.join(
                    "\n",
                    "package acme;",
                    "public class Executor {",
                    "  public void setMaximumPoolSize(int size) {}",
                    "  public void setConnectionTimeout(long millis) {}",
                    "}")),
            List.of("--release", "17"));
    String source =
        String.join(
            "\n",
            "package demo;", // 1
            "import com.zaxxer.hikari.HikariConfig;", // 2
            "public class Missing {", // 3
            "  void executor(acme.Executor e) {", // 4
            "    e.setMaximumPoolSize(1);", // 5
            "    e.setConnectionTimeout(0);", // 6
            "  }", // 7
            "  void hikari(HikariConfig c) {", // 8
            "    c.setMaximumPoolSize(1);", // 9
            "  }", // 10
            "  static class Own extends HikariConfig {", // 11
            "    Own() {", // 12
            "      setConnectionTimeout(0);", // 13
            "    }", // 14
            "  }", // 15
            "}");
    Path classes = Javac.compileSources(Map.of("demo.Missing", source), List.of("--release", "17", "-g"), List.of(lib));
    // neither acme.Executor nor HikariCP is on the auxiliary class path
    List<Path> aux = new ArrayList<>();
    for (Path p : Javac.libraries()) {
      if (!p.getFileName().toString().startsWith("HikariCP")) {
        aux.add(p);
      }
    }
    Engine.Run run = Engine.run(List.of(classes), aux);
    noLeakGuardFailure(run);
    assertEquals(new TreeSet<>(List.of("9 JdbcPoolSizeOutOfRange", "13 JdbcPoolUnboundedWait")), found(run));
    Set<String> missing = new TreeSet<>();
    for (Iterator<String> it = ((edu.umd.cs.findbugs.SortedBugCollection) run.reporter().getBugCollection()).missingClassIterator(); it.hasNext(); ) {
      missing.add(it.next());
    }
    assertTrue(missing.contains("acme.Executor"), "SpotBugs lists the missing class as usual: " + missing);
  }
}
