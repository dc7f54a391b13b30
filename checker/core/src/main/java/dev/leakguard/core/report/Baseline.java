package dev.leakguard.core.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The findings a code base has accepted for now, so that only new ones are reported; one format
 * for every tool (the scan CLI, the Maven plugin).
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
public final class Baseline {
  public static final String HEADER = "# LeakGuard baseline, format 1";

  private final Map<String, Integer> counts;
  private final int size;

  private Baseline(Map<String, Integer> counts, int size) {
    this.counts = counts;
    this.size = size;
  }

  /** Number of entries (lines with a fingerprint). */
  public int size() {
    return size;
  }

  /** Reads a baseline file; the error names the file (and line) and what is wrong. */
  public static Baseline read(Path file) throws BaselineException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new BaselineException(file + ": cannot read the baseline file (not UTF-8)", e);
    } catch (NoSuchFileException e) {
      throw new BaselineException(file + ": cannot read the baseline file (no such file)", e);
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot read the baseline file (" + e.getMessage() + ")", e);
    }
    return parse(file.toString(), text);
  }

  public static Baseline parse(String source, String text) throws BaselineException {
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
        throw new BaselineException(
            source
                + ":"
                + (i + 1)
                + ": expected a fingerprint (letters, digits, '-', '_', '.', ':' or '/') as the"
                + " first tab-separated column, found '"
                + (fingerprint.length() <= 40 ? fingerprint : fingerprint.substring(0, 40) + "...")
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

  /**
   * Splits findings (in report order) into those this baseline accepts and the others. A finding
   * is accepted when any of its fingerprints has an entry left; it then uses up one entry of each
   * of its fingerprints, so each finding is accepted once, the earliest first.
   */
  public <T> Split<T> split(List<T> findings, Function<T, Collection<String>> fingerprints) {
    Map<String, Integer> left = new HashMap<>(counts);
    List<T> reported = new ArrayList<>();
    List<T> accepted = new ArrayList<>();
    for (T f : findings) {
      boolean hit = false;
      for (String fp : fingerprints.apply(f)) {
        hit |= left.getOrDefault(fp, 0) > 0;
      }
      if (hit) {
        for (String fp : fingerprints.apply(f)) {
          left.computeIfPresent(fp, (k, n) -> n > 0 ? n - 1 : 0);
        }
        accepted.add(f);
      } else {
        reported.add(f);
      }
    }
    return new Split<>(List.copyOf(reported), List.copyOf(accepted));
  }

  /** Findings not in the baseline, and the ones it accepts. */
  public record Split<T>(List<T> reported, List<T> accepted) {}

  /** One line of a baseline file. */
  public record Row(String fingerprint, String id, String path, String message, int line) {}

  /**
   * The baseline text for {@code rows}: the header, what the file is, how to regenerate it, then
   * one line per row sorted by path, id, fingerprint and line.
   */
  public static String render(List<Row> rows, String usedBy, String regenerate) {
    StringBuilder sb = new StringBuilder();
    sb.append(HEADER).append('\n');
    sb.append("# Findings accepted for now: ").append(usedBy).append(" report only the others.\n");
    sb.append("# Columns: fingerprint<TAB>check id<TAB>path<TAB>message. Only the fingerprint is matched\n");
    sb.append("# (it has no line number, so moved code stays matched); the rest is for people.\n");
    sb.append("# Regenerate with ").append(regenerate).append(".\n");
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing(Row::path)
            .thenComparing(Row::id)
            .thenComparing(Row::fingerprint)
            .thenComparingInt(Row::line));
    for (Row r : sorted) {
      sb.append(r.fingerprint())
          .append('\t')
          .append(r.id())
          .append('\t')
          .append(oneLine(r.path()))
          .append('\t')
          .append(oneLine(r.message()))
          .append('\n');
    }
    return sb.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }

  /** A baseline file that cannot be read or has a malformed line. */
  public static final class BaselineException extends Exception {
    public BaselineException(String message) {
      super(message);
    }

    public BaselineException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
