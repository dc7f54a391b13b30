package dev.leakguard.maven.engine;

import dev.leakguard.core.report.ReportedFinding;
import java.util.List;

/**
 * What one engine did.
 *
 * @param engine the engine's name
 * @param ran true if it analysed the module (perhaps with notes), false if it could not run
 * @param findings its findings (report paths relative to the repository root)
 * @param units how many files or classes it analysed
 * @param unitName "files" or "classes"
 * @param notes one-line remarks for the log and SARIF: files it could not analyse, why it did not run
 * @param skippedFiles how many files with code in them it could not analyse (they do not parse,
 *     are not valid in the source encoding, ...): their leaks are unseen
 */
public record EngineResult(
    String engine,
    boolean ran,
    List<ReportedFinding> findings,
    int units,
    String unitName,
    List<String> notes,
    int skippedFiles) {

  public static EngineResult ran(
      String engine, List<ReportedFinding> findings, int units, String unitName, List<String> notes) {
    return ran(engine, findings, units, unitName, notes, 0);
  }

  /** As above, with the number of files it could not analyse. */
  public static EngineResult ran(
      String engine, List<ReportedFinding> findings, int units, String unitName, List<String> notes, int skippedFiles) {
    return new EngineResult(engine, true, List.copyOf(findings), units, unitName, List.copyOf(notes), skippedFiles);
  }

  /** "1 finding", "3 findings". */
  public static String count(int n) {
    return plural(n, "finding");
  }

  /** "1 file", "3 files", "1 class", "2 classes". */
  public static String plural(int n, String word) {
    if (n == 1) {
      return "1 " + word;
    }
    return n + " " + word + (word.endsWith("s") ? "es" : "s");
  }

  public static EngineResult unavailable(String engine, String reason) {
    return new EngineResult(engine, false, List.of(), 0, "files", List.of(reason), 0);
  }
}
