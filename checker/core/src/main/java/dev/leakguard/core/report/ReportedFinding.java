package dev.leakguard.core.report;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
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
 * @param severity the finding's severity: its id's, or lower where the finding says why (see
 *     {@link dev.leakguard.core.finding.Finding#severity})
 */
public record ReportedFinding(
    String path, int line, CheckId id, String message, String fingerprint, List<String> engines, Severity severity) {

  /** A finding at its id's severity. */
  public ReportedFinding(
      String path, int line, CheckId id, String message, String fingerprint, List<String> engines) {
    this(path, line, id, message, fingerprint, engines, id.severity());
  }

  /** This finding, placed at {@code path} instead. */
  public ReportedFinding withPath(String path) {
    return new ReportedFinding(path, line, id, message, fingerprint, engines, severity);
  }

  /** This finding, reported by {@code engines} instead. */
  public ReportedFinding withEngines(List<String> engines) {
    return new ReportedFinding(path, line, id, message, fingerprint, engines, severity);
  }

  /**
   * A fingerprint from the id, the enclosing method's signature, the resource kind and the
   * acquiring call's text — never the line number, so it survives code moving around it.
   */
  public static String fingerprintOf(CheckId id, String methodSignature, String kind, String callText) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      // whitespace is left out: engines print the same call from source or from a syntax tree
      String call = callText.replaceAll("\\s+", "");
      String key = id.name() + '\u0000' + methodSignature + '\u0000' + kind + '\u0000' + call;
      return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The method signature every engine uses in fingerprints: the declaring class's binary name, the
   * method name ({@code <init>} for constructors) and the erased parameter types' binary names,
   * e.g. {@code shop.OrderDao.count(java.lang.String,long)}.
   */
  public static String methodSignature(String owner, String name, java.util.List<String> erasedParamTypes) {
    return owner + "." + name + "(" + String.join(",", erasedParamTypes) + ")";
  }

  /** javac-style line that IDEs and CI logs link: {@code path:line: warning: [Id] message}. */
  public String toTextLine() {
    String level =
        switch (severity) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case NOTE -> "note";
        };
    return path + ":" + line + ": " + level + ": [" + id.name() + "] " + message;
  }
}
