package dev.leakguard.errorprone;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the checks also hand their findings when LeakGuard's own runner drives the compiler (to
 * write SARIF with fingerprints); unset in a plain javac + Error Prone build.
 */
public final class FindingSink {
  /**
   * A finding with what the reports need beyond the diagnostic.
   *
   * @param file the source file's path
   * @param line 1-based line of the diagnostic
   * @param id the check id
   * @param message the message, without the id prefix
   * @param fingerprint see {@link dev.leakguard.core.report.ReportedFinding#fingerprintOf}
   * @param fixable true if the finding carries a suggested fix
   * @param severity the finding's severity (its id's, or lower where the message says why)
   */
  public record Located(
      String file, int line, CheckId id, String message, String fingerprint, boolean fixable, Severity severity) {}

  private static volatile Consumer<Located> sink;

  private FindingSink() {}

  public static void install(Consumer<Located> consumer) {
    sink = consumer;
  }

  public static void uninstall() {
    sink = null;
  }

  /**
   * Hands a finding to the installed consumer. The finding is built only when one is installed:
   * its fingerprint (a digest of the method's signature and the call's source) is work a plain
   * javac + Error Prone build never uses.
   */
  static void offer(Supplier<Located> l) {
    Consumer<Located> s = sink;
    if (s != null) {
      s.accept(l.get());
    }
  }
}
