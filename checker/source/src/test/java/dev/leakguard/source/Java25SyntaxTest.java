package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java 16 to 25 syntax in the source engine, on whatever JDK the build runs (the corpus' Java 25
 * section runs only on JDK 25): what the parser cannot read (local enums) is repaired with every
 * line kept, module imports and pattern variables are typed, records' accessors lend their
 * component.
 */
class Java25SyntaxTest {
  @TempDir Path dir;

  private SourceEngine.FileResult scan(String text) throws Exception {
    Path f = dir.resolve("Modern.java");
    Files.writeString(f, text);
    return SourceEngine.create(ResourceModel.builtIn(), dir, List.of(f)).analyze(f);
  }

  private static List<String> lines(SourceEngine.FileResult r) {
    assertNull(r.skipped(), r.skipped());
    assertEquals(List.of(), r.notes());
    return r.findings().stream().map(f -> f.line() + " " + f.id().name()).toList();
  }

  @Test
  void aLocalEnumIsReadAsALocalClassWithEveryMethodAnalysed() throws Exception {
    SourceEngine.FileResult r = scan("""
        import java.sql.*;
        import javax.sql.DataSource;

        class Modern {
          boolean check(DataSource ds, Connection given) throws SQLException {
            enum Probe implements java.util.function.Supplier<String> {
              @Deprecated PING("SELECT 1") {
                @Override
                boolean run(Connection con) throws SQLException {
                  Statement st = con.createStatement();
                  return st.execute(sql);
                }
              },
              /* no body */ VERSION("SELECT version()", 2),
              COUNT(String.join(",", "a", "b")) {
              };

              final String sql;

              Probe(String sql, int... flags) {
                this.sql = sql;
              }

              boolean run(Connection con) throws SQLException {
                try (Statement st = con.createStatement()) {
                  return st.execute(sql);
                }
              }

              public String get() {
                return "{" + sql + "}";
              }
            }
            Connection con = ds.getConnection();
            return Probe.PING.run(con) && Probe.valueOf("COUNT").run(given);
          }

          int local() {
            enum Empty {}
            enum Flag { ON, OFF; }
            return Flag.ON.ordinal();
          }
        }
        """);
    assertEquals(List.of("10 JdbcStatementLeak", "34 JdbcConnectionLeak"), lines(r));
  }

  @Test
  void aFileThatStillDoesNotParseIsSkippedWithTheNewestParsersError() throws Exception {
    SourceEngine.FileResult r = scan("""
        class Modern {
          void m(Object o) {
            enum Mode { A, B }
            if (o instanceof String _) {
              int x = ;
            }
          }
        }
        """);
    assertNotNull(r.skipped());
    assertTrue(r.skipped().startsWith("does not parse: (line 5,"), r.skipped());
  }

  @Test
  void severalPatternsInOneCaseLabelAndYieldOfACallAreRead() throws Exception {
    SourceEngine.FileResult r = scan("""
        import java.sql.*;
        import javax.sql.DataSource;

        class Modern {
          sealed interface Job permits Vacuum, Reindex, Ping {}
          record Vacuum() implements Job {}
          record Reindex() implements Job {}
          record Ping() implements Job {}

          int run(DataSource ds, Job job) throws SQLException {
            return switch (job) {
              case Vacuum _, Reindex _ -> {
                Connection con = ds.getConnection();
                yield con.getHoldability();
              }
              case Ping() -> {
                try (Connection con = ds.getConnection()) {
                  yield Math.max(0, con.getHoldability());
                }
              }
            };
          }

          boolean ping(Object o) {
            return o instanceof Ping();
          }
        }
        """);
    assertEquals(List.of("13 JdbcConnectionLeak"), lines(r));
  }

  @Test
  void aModuleImportResolvesTheModulesTypes() throws Exception {
    SourceEngine.FileResult r = scan("""
        import module java.sql;
        import module no.such.module;

        class Modern {
          long total(DataSource ds) throws SQLException {
            Connection con = ds.getConnection();
            try (Statement st = con.createStatement()) {
              return st.executeUpdate("DELETE FROM t");
            }
          }
        }
        """);
    assertEquals(List.of("6 JdbcConnectionLeak"), lines(r));
  }

  @Test
  void patternVariablesHaveTheirTypes() throws Exception {
    SourceEngine.FileResult r = scan("""
        import java.sql.*;
        import javax.sql.DataSource;

        class Modern {
          record Replica(DataSource dataSource, int lag) {}

          boolean typePattern(Object o) throws SQLException {
            if (o instanceof Replica r && r.lag() < 5) {
              Connection con = r.dataSource().getConnection();
              return con.isValid(1);
            }
            return false;
          }

          boolean recordPattern(Object o) throws SQLException {
            if (o instanceof Replica(DataSource ds, var _)) {
              Connection con = ds.getConnection();
              return con.isValid(1);
            }
            return false;
          }

          boolean switchPattern(Object o) throws SQLException {
            switch (o) {
              case Replica r when r.lag() > 5 -> {
                Connection con = r.dataSource().getConnection();
                return con.isValid(1);
              }
              case Replica(var ds, int lag) -> {
                return lag > 0;
              }
              default -> {
                return false;
              }
            }
          }
        }
        """);
    assertEquals(
        List.of("9 JdbcConnectionLeak", "17 JdbcConnectionLeak", "26 JdbcConnectionLeak"), lines(r));
  }

  @Test
  void aRecordsAccessorLendsItsComponent() throws Exception {
    SourceEngine.FileResult r = scan("""
        import java.sql.*;

        class Modern {
          record Work(Connection connection, String tenant) {
            Work {
              if (tenant.isBlank()) {
                throw new IllegalArgumentException();
              }
            }
          }

          int purge(Work work) throws SQLException {
            Statement st = work.connection().createStatement();
            return st.executeUpdate("DELETE FROM carts WHERE tenant = '" + work.tenant() + "'");
          }

          String catalog(Work work) throws SQLException {
            return work.connection().getCatalog();
          }
        }
        """);
    List<String> found = lines(r);
    assertEquals(List.of("13 JdbcStatementLeak"), found);
    ReportedFinding f = r.findings().get(0);
    assertTrue(f.message().contains("Connection.createStatement()"), f.message());
  }
}
