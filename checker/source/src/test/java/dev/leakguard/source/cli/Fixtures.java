package dev.leakguard.source.cli;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import java.util.List;

/** Hand-built findings and reports for the format tests. */
final class Fixtures {
  private Fixtures() {}

  static ReportedFinding finding(String path, int line, CheckId id, String message) {
    return new ReportedFinding(
        path,
        line,
        id,
        message,
        ReportedFinding.fingerprintOf(id, path + "#m()", id.name(), message),
        List.of("source"));
  }

  static final ReportedFinding CONNECTION =
      finding(
          "src/main/java/shop/OrderDao.java",
          42,
          CheckId.JdbcConnectionLeak,
          "Connection 'c' acquired by DataSource.getConnection() is not closed when"
              + " executeQuery throws SQLException at line 45; open it in the try-with-resources"
              + " header.");

  static final ReportedFinding STATEMENT =
      finding(
          "src/main/java/shop/OrderDao.java",
          57,
          CheckId.JdbcStatementLeak,
          "Statement 'st' acquired by Connection.createStatement() is not closed on the return at"
              + " line 61; open it in the try-with-resources header.");

  static final ReportedFinding NOTE =
      finding(
          "src/main/java/shop/ReportDao.java",
          12,
          CheckId.JdbcStatementLeftToConnectionClose,
          "PreparedStatement 'ps' is closed only by closing its Connection.");

  /** A message with every character the formats must escape. */
  static final ReportedFinding AWKWARD =
      finding(
          "src/main/java/odd dir/Caf\u00e9, \"Q\".java",
          3,
          CheckId.JdbcResultSetLeak,
          "ResultSet 'rs' <b>&</b> 100% 'quoted' \"double\", a:b\r\nsecond line\ttab");

  static ScanReport report(List<ReportedFinding> findings, List<Skipped> skipped) {
    return new ScanReport("9.9.9-test", findings, skipped, 10, 1234, 0, 0);
  }
}
