package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakExportTest {

  @TempDir Path temp;

  @Test
  void writesOneRowPerLeakAndReadsItBack() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(1));
    Connection connection = verifier.getConnection();
    connection.createStatement();
    Path file = temp.resolve("out/leaks.tsv");
    verifier.export(file);

    List<String> lines = Files.readAllLines(file);
    assertEquals(LeakExport.MARKER, lines.get(0));
    assertEquals("check_id\tresource\tfile\tline\tclass\tmethod\tapp_stack\tclosed_at\tthread\ttest", lines.get(1));
    List<LeakExport.Row> rows = LeakExport.read(file);
    assertEquals(2, rows.size());
    LeakExport.Row first = rows.get(0);
    assertEquals("JdbcConnectionLeak", first.checkId());
    assertEquals("Connection", first.resource());
    assertEquals("LeakExportTest.java", first.file());
    assertEquals(SourceLines.lineOf(getClass(), "writesOneRowPerLeakAndReadsItBack", "verifier.getConnection();"), first.line());
    assertEquals(getClass().getName(), first.className());
    assertEquals("writesOneRowPerLeakAndReadsItBack", first.methodName());
    assertEquals(verifier.leaks().get(0).site().toString(), first.appStack().split(";")[0]);
    assertEquals("", first.closedAt());
    assertEquals("JdbcStatementLeak", rows.get(1).checkId());

    connection.close();
    verifier.export(file);
    LeakExport.Row left = LeakExport.read(file).get(0);
    assertEquals("JdbcStatementLeftToConnectionClose", left.checkId());
    assertEquals(SourceLines.lineOf(getClass(), "writesOneRowPerLeakAndReadsItBack", "connection.close();"),
        Site.parse(left.closedAt()).lineNumber());
  }

  @Test
  void escapesTabsNewlinesAndBackslashes() throws Exception {
    LeakExport.Row row = new LeakExport.Row("JdbcConnectionLeak", "Connection", "", -1, "", "", "", "",
        "worker\t1\nsecond line \\ end", "a#b");
    Path file = temp.resolve("escaped.tsv");
    LeakExport.write(file, List.of(row));
    assertEquals(3, Files.readAllLines(file).size());
    assertEquals(List.of(row), LeakExport.read(file));
  }

  @Test
  void rejectsAFileThatIsNotAnExport() throws Exception {
    Path file = temp.resolve("other.tsv");
    Files.writeString(file, "a\tb\n");
    assertThrows(IllegalArgumentException.class, () -> LeakExport.read(file));
  }
}
