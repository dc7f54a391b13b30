package dev.leakguard.maven.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.core.report.SarifWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator the verify scripts rely on accepts core's SARIF and rejects broken SARIF. */
class SarifCheckTest {
  @Test
  void acceptsValidAndRejectsInvalid(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.sarif");
    Files.writeString(good, SarifWriter.write("1", List.of(
        new ReportedFinding("src/A.java", 3, CheckId.JdbcConnectionLeak, "m", "ab12", List.of("errorprone")))));
    assertEquals(List.of(), SarifCheck.violations(good));
    Path bad = dir.resolve("bad.sarif");
    Files.writeString(bad, Files.readString(good).replace("\"startLine\": 3", "\"startLine\": 0")
        .replace("\"version\": \"2.1.0\"", "\"version\": \"2.0\""));
    assertFalse(SarifCheck.violations(bad).isEmpty());
  }
}
