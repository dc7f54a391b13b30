package dev.leakguard.maven.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.core.report.SarifWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifResultsTest {
  /** A finding's own level survives the trip through a forked engine's SARIF, never above its id's. */
  @Test
  void readsEachResultsLevel(@TempDir Path dir) throws Exception {
    List<ReportedFinding> written =
        List.of(
            new ReportedFinding("a/Dao.java", 10, CheckId.JdbcConnectionLeak, "plain", "f1", List.of("source")),
            new ReportedFinding(
                "a/Dao.java", 20, CheckId.JdbcConnectionLeak, "disputed", "f2", List.of("source"), Severity.WARNING),
            new ReportedFinding("a/Dao.java", 30, CheckId.JdbcStatementLeak, "statement", "f3", List.of("source")));
    Path sarif = dir.resolve("engine.sarif");
    Files.writeString(sarif, SarifWriter.write("0.1.0", written));
    List<ReportedFinding> read = SarifResults.read(sarif, "source");
    assertEquals(
        List.of(Severity.ERROR, Severity.WARNING, Severity.WARNING),
        read.stream().map(ReportedFinding::severity).toList());

    // a level above the id's own is not believed
    Files.writeString(
        sarif,
        Files.readString(sarif).replaceFirst("\"level\": \"warning\", \"message\": \\{\"text\": \"statement\"",
            "\"level\": \"error\", \"message\": {\"text\": \"statement\""));
    assertEquals(Severity.WARNING, SarifResults.read(sarif, "source").get(2).severity());
  }
}
