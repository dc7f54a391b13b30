package dev.leakguard.core.report;

import dev.leakguard.core.finding.CheckId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A finding placed in a file, as the report writers need it.
 *
 * @param path the file, relative to the repository root with '/' separators where possible
 * @param line 1-based line of the acquisition
 * @param id the check id
 * @param message the rendered message (without the id prefix)
 * @param fingerprint stable across unrelated edits and line shifts: see {@link #fingerprintOf}
 * @param engines the engines that reported it (errorprone, spotbugs, source)
 */
public record ReportedFinding(
    String path, int line, CheckId id, String message, String fingerprint, List<String> engines) {

  /**
   * A fingerprint from the id, the enclosing method's signature, the resource kind and the
   * acquiring call's text — never the line number, so it survives code moving around it.
   */
  public static String fingerprintOf(CheckId id, String methodSignature, String kind, String callText) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      String key = id.name() + '\u0000' + methodSignature + '\u0000' + kind + '\u0000' + callText;
      return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** javac-style line that IDEs and CI logs link: {@code path:line: warning: [Id] message}. */
  public String toTextLine() {
    String level =
        switch (id.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case NOTE -> "note";
        };
    return path + ":" + line + ": " + level + ": [" + id.name() + "] " + message;
  }
}
