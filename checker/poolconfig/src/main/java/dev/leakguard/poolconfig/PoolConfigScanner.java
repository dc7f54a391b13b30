package dev.leakguard.poolconfig;

import dev.leakguard.core.pool.*;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks connection-pool settings in configuration files: Spring Boot {@code application*.properties}
 * and {@code application*.yml} ({@code spring.datasource.hikari.*}, {@code .dbcp2.*}, {@code
 * .tomcat.*}, relaxed names, profiles from the file name or {@code spring.config.activate.on-profile})
 * and plain {@code hikari*.properties}, {@code dbcp*.properties} and {@code c3p0*.properties}.
 *
 * <p>A finding is reported at the line of the setting. A comment {@code # leakguard:ignore <Id>}
 * on the line before the setting suppresses it. A file that is not valid properties or YAML is
 * skipped with the line of the problem; it has no findings.
 */
public final class PoolConfigScanner {
  /** The largest maximum pool size accepted without a finding, unless configured otherwise. */
  public static final int DEFAULT_MAX_POOL_SIZE_CEILING = PoolRules.DEFAULT_MAX_POOL_SIZE_CEILING;

  /** The engine name in reports. */
  public static final String ENGINE = "config";

  private static final Pattern SPRING_FILE =
      Pattern.compile("application(?:-([^.]+))?\\.(properties|ya?ml)");
  private static final Pattern PLAIN_FILE =
      Pattern.compile("(hikari|dbcp2?|c3p0)(?:[-_.][^.]*)?\\.properties");
  private static final Pattern IGNORE =
      Pattern.compile("^\\s*[#!]\\s*leakguard:ignore\\s+(.+)$");
  private static final Map<String, Pool> SPRING_PREFIXES = new LinkedHashMap<>();

  static {
    SPRING_PREFIXES.put("spring.datasource.hikari.", Pool.HIKARI);
    SPRING_PREFIXES.put("spring.datasource.dbcp2.", Pool.DBCP2);
    SPRING_PREFIXES.put("spring.datasource.tomcat.", Pool.TOMCAT);
  }

  /**
   * What the scanner made of one file.
   *
   * @param path the report path
   * @param findings the findings, by line
   * @param skipped null, or why the file was not checked (with the line of the problem)
   * @param lines the file's line count
   */
  public record FileResult(String path, List<ReportedFinding> findings, String skipped, int lines) {}

  private final int maxPoolSizeCeiling;

  public PoolConfigScanner() {
    this(DEFAULT_MAX_POOL_SIZE_CEILING);
  }

  /** @param maxPoolSizeCeiling the largest maximum pool size accepted without a finding */
  public PoolConfigScanner(int maxPoolSizeCeiling) {
    if (maxPoolSizeCeiling < 2) {
      throw new IllegalArgumentException("the pool size ceiling must be at least 2, not " + maxPoolSizeCeiling);
    }
    this.maxPoolSizeCeiling = maxPoolSizeCeiling;
  }

  /** Whether the file's name is one of the configuration files the scanner reads. */
  public static boolean isConfigFile(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString();
    return SPRING_FILE.matcher(n).matches() || PLAIN_FILE.matcher(n.toLowerCase(Locale.ROOT)).matches();
  }

  /** Reads and checks one file; {@code reportPath} is how reports name it. */
  public FileResult scan(Path file, String reportPath) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new FileResult(reportPath, List.of(), "cannot be read (" + e.getMessage() + ")", 0);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      // Properties files are ISO-8859-1 by specification; YAML must be UTF-8
      if (file.getFileName().toString().endsWith(".properties")) {
        text = new String(bytes, StandardCharsets.ISO_8859_1);
      } else {
        return new FileResult(reportPath, List.of(), "not valid UTF-8", 0);
      }
    }
    return scanText(file.getFileName().toString(), reportPath, text);
  }

  /**
   * Checks configuration text as if read from a file named {@code fileName} (which decides the
   * format, the pools and the profile).
   */
  public FileResult scanText(String fileName, String reportPath, String text) {
    String[] rawLines = text.split("\r\n|\r|\n", -1);
    int lineCount = text.isEmpty() ? 0 : (text.endsWith("\n") ? rawLines.length - 1 : rawLines.length);
    List<ConfigDocument> docs;
    try {
      docs = fileName.endsWith(".properties") ? PropertiesReader.read(text) : YamlReader.read(text);
    } catch (MalformedConfigException e) {
      return new FileResult(reportPath, List.of(), "line " + e.line() + ": " + e.getMessage(), lineCount);
    }
    Matcher spring = SPRING_FILE.matcher(fileName);
    boolean isSpring = spring.matches();
    String fileProfile = isSpring ? spring.group(1) : null;

    // settings of documents without a profile apply under every profile
    List<Setting> base = new ArrayList<>();
    for (ConfigDocument d : docs) {
      if (d.profile() == null) {
        base.addAll(d.settings());
      }
    }
    List<Issue> issues = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ConfigDocument d : docs) {
      List<Setting> effective = new ArrayList<>();
      if (d.profile() != null) {
        effective.addAll(base);
      }
      effective.addAll(d.settings());
      String profile = fileProfile != null ? fileProfile : d.profile();
      PoolMessages.Where where = new PoolMessages.Where(reportPath, profile);
      for (PoolSettings pool : pools(effective, isSpring, fileName)) {
        for (Issue issue : PoolRules.check(pool, effective, where, maxPoolSizeCeiling)) {
          if (seen.add(issue.id() + "\u0000" + issue.line() + "\u0000" + issue.key())
              && !suppressed(rawLines, issue)) {
            issues.add(issue);
          }
        }
      }
    }
    List<ReportedFinding> findings = new ArrayList<>();
    for (Issue i : issues) {
      findings.add(
          new ReportedFinding(
              reportPath,
              i.line(),
              i.id(),
              i.message(),
              ReportedFinding.fingerprintOf(i.id(), reportPath + "#" + i.key(), "pool", i.key()),
              List.of(ENGINE)));
    }
    findings.sort(
        Comparator.comparingInt(ReportedFinding::line)
            .thenComparing(f -> f.id().ordinal())
            .thenComparing(ReportedFinding::message));
    return new FileResult(reportPath, List.copyOf(findings), null, lineCount);
  }

  /** The pools a document configures, each with its settings by relaxed name (a later key wins). */
  private static List<PoolSettings> pools(List<Setting> settings, boolean isSpring, String fileName) {
    Map<Pool, PoolSettings> pools = new LinkedHashMap<>();
    if (isSpring) {
      for (Setting s : settings) {
        for (Map.Entry<String, Pool> e : SPRING_PREFIXES.entrySet()) {
          String relaxedKey = s.key();
          if (relaxedKey.regionMatches(true, 0, e.getKey(), 0, e.getKey().length())) {
            String rest = relaxedKey.substring(e.getKey().length());
            if (!rest.isEmpty() && !rest.contains(".") && !rest.contains("[")) {
              boolean kebab = rest.contains("-") || rest.equals(rest.toLowerCase(Locale.ROOT));
              pools.computeIfAbsent(e.getValue(), p -> new PoolSettings(p, e.getKey(), kebab))
                  .byName()
                  .put(Pool.relaxed(rest), s);
            }
          }
        }
      }
    } else {
      String lower = fileName.toLowerCase(Locale.ROOT);
      Pool pool = lower.startsWith("hikari") ? Pool.HIKARI : lower.startsWith("c3p0") ? Pool.C3P0 : Pool.DBCP2;
      String prefix = pool == Pool.C3P0 ? "c3p0." : "";
      PoolSettings ps = new PoolSettings(pool, prefix, false);
      for (Setting s : settings) {
        if (!s.key().startsWith(prefix)) {
          continue;
        }
        String rest = s.key().substring(prefix.length());
        if (!rest.isEmpty() && !rest.contains(".")) {
          ps.byName().put(Pool.relaxed(rest), s);
        }
      }
      if (!ps.byName().isEmpty()) {
        pools.put(pool, ps);
      }
    }
    return List.copyOf(pools.values());
  }

  /** {@code # leakguard:ignore <Id> [<Id> ...]} on the line before the finding's line. */
  private static boolean suppressed(String[] lines, Issue issue) {
    int before = issue.line() - 2;
    if (before < 0 || before >= lines.length) {
      return false;
    }
    Matcher m = IGNORE.matcher(lines[before]);
    if (!m.matches()) {
      return false;
    }
    for (String word : m.group(1).split("[\\s,]+")) {
      if (word.equals(issue.id().name())) {
        return true;
      }
    }
    return false;
  }

  /** The pool-configuration check ids, for callers that list them. */
  public static List<CheckId> checkIds() {
    return java.util.Arrays.stream(CheckId.values())
        .filter(id -> id.category() == CheckId.Category.POOL_CONFIG)
        .toList();
  }
}
