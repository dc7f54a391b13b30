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
    connection.createStatement().executeQuery("select 1");
    Path file = temp.resolve("out/leaks.tsv");
    verifier.export(file);

    List<String> lines = Files.readAllLines(file);
    assertEquals(LeakExport.MARKER, lines.get(0));
    assertEquals(
        "check_id\tresource\tfile\tline\tclass\tmethod\tapp_stack\tclosed_at\tthread\ttest\tparent", lines.get(1));
    List<LeakExport.Row> rows = LeakExport.read(file);
    assertEquals(3, rows.size());
    LeakExport.Row first = rows.get(0);
    assertEquals("JdbcConnectionLeak", first.checkId());
    assertEquals("Connection", first.resource());
    assertEquals("LeakExportTest.java", first.file());
    assertEquals(SourceLines.lineOf(getClass(), "writesOneRowPerLeakAndReadsItBack", "verifier.getConnection();"), first.line());
    assertEquals(getClass().getName(), first.className());
    assertEquals("writesOneRowPerLeakAndReadsItBack", first.methodName());
    assertEquals(verifier.leaks().get(0).site().toString(), first.appStack().split(";")[0]);
    assertEquals("", first.closedAt());
    assertEquals("", first.parent());
    assertEquals("JdbcStatementLeak", rows.get(1).checkId());
    assertEquals(first.appStack().split(";")[0], rows.get(1).parent(), "a statement's parent is its connection");
    assertEquals("JdbcResultSetLeak", rows.get(2).checkId());
    assertEquals(rows.get(1).appStack().split(";")[0], rows.get(2).parent(), "a result set's, its statement");

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
        "worker\t1\nsecond line \\ end", "a#b", "");
    Path file = temp.resolve("escaped.tsv");
    LeakExport.write(file, List.of(row));
    assertEquals(3, Files.readAllLines(file).size());
    assertEquals(List.of(row), LeakExport.read(file));
  }

  @Test
  void readsAVersionOneExportWithoutParents() throws Exception {
    Path file = temp.resolve("v1.tsv");
    Files.writeString(
        file,
        "# leakguard-runtime-leaks 1\n"
            + "check_id\tresource\tfile\tline\tclass\tmethod\tapp_stack\tclosed_at\tthread\ttest\n"
            + "JdbcConnectionLeak\tConnection\tDao.java\t24\tcom.acme.Dao\tfind\tcom.acme.Dao.find(Dao.java:24)\t\tmain\t\n");
    List<LeakExport.Row> rows = LeakExport.read(file);
    assertEquals(1, rows.size());
    assertEquals(24, rows.get(0).line());
    assertEquals("", rows.get(0).parent());
  }

  @Test
  void rejectsAFileThatIsNotAnExport() throws Exception {
    Path file = temp.resolve("other.tsv");
    Files.writeString(file, "a\tb\n");
    assertThrows(IllegalArgumentException.class, () -> LeakExport.read(file));
  }
}
