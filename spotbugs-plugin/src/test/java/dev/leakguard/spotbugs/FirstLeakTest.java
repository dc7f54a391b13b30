package dev.leakguard.spotbugs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The simplest leak through the test harness: one bug, its id, line, priority and message. */
@ExtendWith(SpotBugsExtension.class)
class FirstLeakTest {
  @Test
  void neverClosedConnection(SpotBugsRunner spotbugs) throws Exception {
    Path classes =
        Javac.compileSources(
            Map.of(
                "demo.Dao",
                String.join(
                    "\n",
                    "package demo;",
                    "import java.sql.*;",
                    "import javax.sql.DataSource;",
                    "public class Dao {",
                    "  private final DataSource ds;",
                    "  public Dao(DataSource ds) { this.ds = ds; }",
                    "  public boolean ping() throws SQLException {",
                    "    Connection con = ds.getConnection();",
                    "    return con.isValid(1);",
                    "  }",
                    "  public boolean pingFixed() throws SQLException {",
                    "    try (Connection con = ds.getConnection()) {",
                    "      return con.isValid(1);",
                    "    }",
                    "  }",
                    "}")),
            List.of("--release", "17", "-g"));
    List<BugInstance> bugs = Runs.leakGuardBugs(Runs.analyze(spotbugs, classes));
    assertEquals(1, bugs.size(), bugs.toString());
    BugInstance bug = bugs.get(0);
    assertEquals("JdbcConnectionLeak", bug.getType());
    assertEquals(Priorities.HIGH_PRIORITY, bug.getPriority());
    assertEquals("demo/Dao.java", bug.getPrimarySourceLineAnnotation().getSourcePath());
    assertEquals(8, bug.getPrimarySourceLineAnnotation().getStartLine());
    assertEquals("ping", bug.getPrimaryMethod().getMethodName());
    assertEquals(
        "[JdbcConnectionLeak] Connection 'con' acquired by DataSource.getConnection() is not"
            + " closed; open it in a try-with-resources header.",
        bug.getMessageWithoutPrefix());
  }

  @Test
  void anAssignmentTestedForNullNamesItsVariable(SpotBugsRunner spotbugs) throws Exception {
    Path classes =
        Javac.compileSources(
            Map.of(
                "demo.Probe",
                String.join(
                    "\n",
                    "package demo;",
                    "import java.sql.*;",
                    "import javax.sql.DataSource;",
                    "public class Probe {",
                    "  public int probe(DataSource ds) throws SQLException {",
                    "    Connection con;",
                    "    if ((con = ds.getConnection()) != null) {",
                    "      con.setAutoCommit(false);",
                    "      return 1;",
                    "    }",
                    "    return 0;",
                    "  }",
                    "}")),
            List.of("--release", "17", "-g"));
    List<BugInstance> bugs = Runs.leakGuardBugs(Runs.analyze(spotbugs, classes));
    assertEquals(1, bugs.size(), bugs.toString());
    assertEquals(7, bugs.get(0).getPrimarySourceLineAnnotation().getStartLine());
    // the same message as the engines that read the source
    assertEquals(
        "[JdbcConnectionLeak] Connection 'con' acquired by DataSource.getConnection() is not"
            + " closed; open it in a try-with-resources header.",
        bugs.get(0).getMessageWithoutPrefix());
  }
}
