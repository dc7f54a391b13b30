package dev.leakguard.maven;

import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.nio.ByteBuffer;
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
 * A baseline file: the findings a code base accepts for now, so that only new ones fail the
 * build. The format is the one of the {@code leakguard scan} command line (format 1), so one file
 * serves both: UTF-8 text, {@code #} comment lines, then one line per accepted finding,
 * {@code fingerprint<TAB>check id<TAB>path<TAB>message}. Only the fingerprint is matched; it holds
 * the check id, the method signature, the resource kind and the acquiring call's text, never a
 * line number, so code moving around a finding keeps it accepted. Each line accepts one finding.
 */
public final class Baseline {
  public static final String HEADER = "# LeakGuard baseline, format 1";

  private final Map<String, Integer> counts;
  private final int size;
  private final Path file;

  private Baseline(Path file, Map<String, Integer> counts, int size) {
    this.file = file;
    this.counts = counts;
    this.size = size;
  }

  public Path file() {
    return file;
  }

  /** Number of accepted findings. */
  public int size() {
    return size;
  }

  /** Reads a baseline; the exception names the file, and the line of a malformed entry. */
  public static Baseline read(Path file) throws BaselineException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new BaselineException(file + ": cannot read the baseline file (it is not UTF-8)", e);
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot read the baseline file (" + e + ")", e);
    }
    return parse(file, text);
  }

  static Baseline parse(Path file, String text) throws BaselineException {
    Map<String, Integer> counts = new HashMap<>();
    int size = 0;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String fp = (tab < 0 ? line : line.substring(0, tab)).strip();
      if (fp.isEmpty() || !fp.chars().allMatch(Baseline::fingerprintChar)) {
        throw new BaselineException(
            file
                + ":"
                + (i + 1)
                + ": expected a fingerprint as the first tab-separated column, found '"
                + (fp.length() > 40 ? fp.substring(0, 40) + "..." : fp)
                + "'");
      }
      counts.merge(fp, 1, Integer::sum);
      size++;
    }
    return new Baseline(file, counts, size);
  }

  private static boolean fingerprintChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == ':'
        || c == '/';
  }

  /**
   * Splits merged findings (in report order) into the ones this baseline accepts and the others.
   * A merged finding is accepted when the fingerprint of any engine that saw it has an entry
   * left; it then uses up one entry of each of its fingerprints, so each finding is accepted once.
   */
  public Split split(List<MergedFinding> findings) {
    Map<String, Integer> left = new HashMap<>(counts);
    List<MergedFinding> reported = new ArrayList<>();
    List<MergedFinding> accepted = new ArrayList<>();
    for (MergedFinding f : findings) {
      boolean hit = false;
      for (String fp : f.fingerprints()) {
        hit |= left.getOrDefault(fp, 0) > 0;
      }
      if (hit) {
        for (String fp : f.fingerprints()) {
          left.computeIfPresent(fp, (k, n) -> n > 0 ? n - 1 : 0);
        }
        accepted.add(f);
      } else {
        reported.add(f);
      }
    }
    return new Split(List.copyOf(reported), List.copyOf(accepted));
  }

  /** Findings not in the baseline, and the ones it accepts. */
  public record Split(List<MergedFinding> reported, List<MergedFinding> accepted) {}

  /**
   * The text of a baseline that accepts every one of {@code findings}: one line per fingerprint,
   * so a finding that several engines fingerprint differently stays accepted whichever of them run.
   */
  public static String render(List<MergedFinding> findings) {
    StringBuilder sb = new StringBuilder();
    sb.append(HEADER).append('\n');
    sb.append("# Findings accepted for now: leakguard:check (and 'leakguard scan --baseline') report only new ones.\n");
    sb.append("# Columns: fingerprint<TAB>check id<TAB>path<TAB>message. Only the fingerprint is matched\n");
    sb.append("# (it has no line number, so moved code stays matched); the rest is for people.\n");
    sb.append("# Regenerate with 'mvn leakguard:baseline'.\n");
    List<String[]> rows = new ArrayList<>();
    for (MergedFinding m : findings) {
      ReportedFinding f = m.finding();
      for (String fp : m.fingerprints()) {
        rows.add(new String[] {oneLine(f.path()), f.id().name(), fp, oneLine(f.message()), String.valueOf(f.line())});
      }
    }
    rows.sort(
        Comparator.comparing((String[] r) -> r[0])
            .thenComparing(r -> r[1])
            .thenComparing(r -> r[2])
            .thenComparingInt(r -> Integer.parseInt(r[4])));
    for (String[] r : rows) {
      sb.append(r[2]).append('\t').append(r[1]).append('\t').append(r[0]).append('\t').append(r[3]).append('\n');
    }
    return sb.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }

  /** A baseline file that cannot be read or has a malformed line. */
  public static final class BaselineException extends Exception {
    BaselineException(String message) {
      super(message);
    }

    BaselineException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
