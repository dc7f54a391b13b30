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
 * contain the line number, so code moving around a finding keeps it matched. A finding that several
 * engines report with different fingerprints has them all in the first column, separated by
 * {@code ,}, so it is accepted whichever engine runs. Each line accepts one finding: when a method
 * gains a second leak with the same fingerprint, the extra one is reported.
 */
public final class Baseline {
  public static final String HEADER = "# LeakGuard baseline, format 1";

  /** The entries in file order: each the fingerprints of one finding. */
  private final List<List<String>> entries;

  private Baseline(List<List<String>> entries) {
    this.entries = entries;
  }

  /** Number of entries (lines with a fingerprint). */
  public int size() {
    return entries.size();
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
    List<List<String>> entries = new ArrayList<>();
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
      List<String> fps = List.of(fingerprint.split(",", -1));
      if (fingerprint.isEmpty()
          || fps.stream().anyMatch(fp -> fp.isEmpty() || !fp.chars().allMatch(Baseline::isFingerprintChar))) {
        throw new BaselineException(
            source
                + ":"
                + (i + 1)
                + ": expected a fingerprint (letters, digits, '-', '_', '.', ':' or '/'), or several"
                + " separated by ',', as the first tab-separated column, found '"
                + (fingerprint.length() <= 40 ? fingerprint : fingerprint.substring(0, 40) + "...")
                + "'");
      }
      entries.add(fps);
    }
    return new Baseline(List.copyOf(entries));
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
   * is accepted by the first unused entry that shares one of its fingerprints, which it uses up,
   * so each entry accepts one finding, the earliest first. Files written with one line per engine
   * (an earlier layout) keep working: the finding also uses up the unused one-fingerprint entries
   * of its other fingerprints.
   */
  public <T> Split<T> split(List<T> findings, Function<T, Collection<String>> fingerprints) {
    Map<String, List<Integer>> byFingerprint = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      for (String fp : entries.get(i)) {
        byFingerprint.computeIfAbsent(fp, k -> new ArrayList<>()).add(i);
      }
    }
    boolean[] used = new boolean[entries.size()];
    List<T> reported = new ArrayList<>();
    List<T> accepted = new ArrayList<>();
    for (T f : findings) {
      Collection<String> fps = fingerprints.apply(f);
      int hit = -1;
      for (String fp : fps) {
        for (int i : byFingerprint.getOrDefault(fp, List.of())) {
          if (!used[i] && (hit < 0 || i < hit)) {
            hit = i;
            break;
          }
        }
      }
      if (hit < 0) {
        reported.add(f);
        continue;
      }
      used[hit] = true;
      for (String fp : fps) {
        if (entries.get(hit).contains(fp)) {
          continue;
        }
        for (int i : byFingerprint.getOrDefault(fp, List.of())) {
          if (!used[i] && entries.get(i).size() == 1) {
            used[i] = true;
            break;
          }
        }
      }
      accepted.add(f);
    }
    return new Split<>(List.copyOf(reported), List.copyOf(accepted));
  }

  /** Findings not in the baseline, and the ones it accepts. */
  public record Split<T>(List<T> reported, List<T> accepted) {}

  /** One line of a baseline file; {@code fingerprint} may list several, separated by {@code ,}. */
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
