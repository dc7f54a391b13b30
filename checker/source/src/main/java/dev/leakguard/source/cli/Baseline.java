package dev.leakguard.source.cli;

import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings a code base has accepted for now, so that only new ones are reported.
 *
 * <p>The file is line-based UTF-8 text so that it reviews and merges like code:
 *
 * <pre>
 * # LeakGuard baseline, format 1
 * # fingerprint&lt;TAB&gt;check id&lt;TAB&gt;path&lt;TAB&gt;message
 * 6c1f0e...&lt;TAB&gt;JdbcConnectionLeak&lt;TAB&gt;src/main/java/a/Dao.java&lt;TAB&gt;Connection 'c' ...
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are ignored. Only the first column, the finding's
 * fingerprint, is matched; the others are for people and may be left out. The fingerprint does not
 * contain the line number, so code moving around a finding keeps it matched. Each line accepts one
 * finding: when a method gains a second leak with the same fingerprint, the extra one is reported.
 */
final class Baseline {
  static final String HEADER = "# LeakGuard baseline, format 1";

  private final Map<String, Integer> counts;
  private final int size;

  private Baseline(Map<String, Integer> counts, int size) {
    this.counts = counts;
    this.size = size;
  }

  /** Number of entries (lines with a fingerprint). */
  int size() {
    return size;
  }

  /**
   * Reads a baseline file.
   *
   * @throws CliException naming the file (and line) if it cannot be read or a line is malformed
   */
  static Baseline read(Path file) throws CliException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new CliException(file + ": cannot read the baseline file (not UTF-8)", e);
    } catch (IOException e) {
      throw new CliException(
          file + ": cannot read the baseline file (" + InputFiles.describe(e) + ")", e);
    }
    return parse(file.toString(), text);
  }

  static Baseline parse(String source, String text) throws CliException {
    Map<String, Integer> counts = new HashMap<>();
    int size = 0;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String fingerprint = (tab < 0 ? line : line.substring(0, tab)).strip();
      if (fingerprint.isEmpty() || !fingerprint.chars().allMatch(Baseline::isFingerprintChar)) {
        throw new CliException(
            source
                + ":"
                + (i + 1)
                + ": expected a fingerprint (letters, digits, '-', '_', '.', ':' or '/') as the"
                + " first tab-separated column, found '"
                + abbreviate(fingerprint)
                + "'");
      }
      counts.merge(fingerprint, 1, Integer::sum);
      size++;
    }
    return new Baseline(counts, size);
  }

  private static boolean isFingerprintChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == ':'
        || c == '/';
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /**
   * The findings split into those this baseline accepts and the others. {@code findings} are
   * expected in report order (path, line); when there are more findings with one fingerprint than
   * entries, the earliest are accepted.
   */
  Split split(List<ReportedFinding> findings) {
    Map<String, Integer> left = new HashMap<>(counts);
    List<ReportedFinding> reported = new ArrayList<>();
    List<ReportedFinding> accepted = new ArrayList<>();
    for (ReportedFinding f : findings) {
      Integer n = left.get(f.fingerprint());
      if (n != null && n > 0) {
        left.put(f.fingerprint(), n - 1);
        accepted.add(f);
      } else {
        reported.add(f);
      }
    }
    return new Split(List.copyOf(reported), List.copyOf(accepted));
  }

  /**
   * @param reported findings that are not in the baseline
   * @param accepted findings the baseline accepts
   */
  record Split(List<ReportedFinding> reported, List<ReportedFinding> accepted) {}

  /** The baseline text for {@code findings}: the header, then one line per finding, sorted. */
  static String render(List<ReportedFinding> findings) {
    StringBuilder sb = new StringBuilder();
    sb.append(HEADER).append('\n');
    sb.append("# Findings accepted for now: 'leakguard scan --baseline FILE' reports only the others.\n");
    sb.append("# Columns: fingerprint<TAB>check id<TAB>path<TAB>message. Only the fingerprint is matched\n");
    sb.append("# (it has no line number, so moved code stays matched); the rest is for people.\n");
    sb.append("# Regenerate with 'leakguard scan --write-baseline FILE PATH...'.\n");
    List<ReportedFinding> sorted = new ArrayList<>(findings);
    sorted.sort(
        Comparator.comparing(ReportedFinding::path)
            .thenComparing(f -> f.id().name())
            .thenComparing(ReportedFinding::fingerprint)
            .thenComparingInt(ReportedFinding::line));
    for (ReportedFinding f : sorted) {
      sb.append(f.fingerprint())
          .append('\t')
          .append(f.id().name())
          .append('\t')
          .append(oneLine(f.path()))
          .append('\t')
          .append(oneLine(f.message()))
          .append('\n');
    }
    return sb.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }
}
