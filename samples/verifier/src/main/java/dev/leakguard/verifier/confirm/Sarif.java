package dev.leakguard.verifier.confirm;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads static findings from SARIF 2.1.0 reports: of each result, {@code ruleId} (or {@code
 * rule.id}), the first location's {@code artifactLocation.uri} and {@code region.startLine}, the
 * message text, and {@code properties.engines}. Only those members are read, so the reports of
 * every LeakGuard engine (and other tools' SARIF) can be compared. Several reports are merged: a
 * finding two engines report at the same place is kept once, with both engines.
 */
public final class Sarif {
  private Sarif() {}

  /** The findings of every report, merged, in the order first reported. */
  public static List<StaticFinding> read(List<Path> reports) throws IOException {
    List<StaticFinding> findings = new ArrayList<>();
    for (Path report : reports) {
      String text = Files.readString(report, StandardCharsets.UTF_8);
      try {
        for (StaticFinding finding : parse(text)) {
          merge(findings, finding);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(report + ": " + e.getMessage(), e);
      }
    }
    return findings;
  }

  /** The findings of one SARIF document, in report order. */
  public static List<StaticFinding> parse(String sarif) {
    Object root = Json.parse(sarif);
    if (!(Json.member(root, "runs") instanceof List)) {
      throw new IllegalArgumentException("not SARIF: no \"runs\" array");
    }
    List<StaticFinding> findings = new ArrayList<>();
    for (Object run : Json.array(Json.member(root, "runs"))) {
      Object tool = Json.path(run, "tool", "driver", "name");
      for (Object result : Json.array(Json.member(run, "results"))) {
        Object ruleId = Json.member(result, "ruleId");
        if (!(ruleId instanceof String)) {
          ruleId = Json.path(result, "rule", "id");
        }
        if (!(ruleId instanceof String)) {
          throw new IllegalArgumentException("a result without ruleId");
        }
        Object location = Json.array(Json.member(result, "locations")).stream().findFirst().orElse(null);
        Object uri = Json.path(location, "physicalLocation", "artifactLocation", "uri");
        Object line = Json.path(location, "physicalLocation", "region", "startLine");
        Object message = Json.path(result, "message", "text");
        List<String> engines = new ArrayList<>();
        for (Object engine : Json.array(Json.path(result, "properties", "engines"))) {
          engines.add(String.valueOf(engine));
        }
        if (engines.isEmpty() && tool instanceof String name) {
          engines.add(name);
        }
        findings.add(
            new StaticFinding(
                (String) ruleId,
                uri instanceof String u ? toPath(u) : "",
                uri instanceof String && line instanceof Number n ? n.intValue() : -1,
                message instanceof String m ? m : "",
                engines));
      }
    }
    return findings;
  }

  /** A SARIF URI as a path with forward slashes: {@code file:} URIs and %-escapes decoded. */
  static String toPath(String uri) {
    String path = uri;
    try {
      URI parsed = new URI(uri);
      if (parsed.getPath() != null && (parsed.getScheme() == null || parsed.getScheme().equals("file"))) {
        path = parsed.getPath();
      }
    } catch (java.net.URISyntaxException e) {
      // not a URI after all (a Windows path, a space): keep the text
    }
    return path.replace('\\', '/');
  }

  private static void merge(List<StaticFinding> findings, StaticFinding finding) {
    for (int i = 0; i < findings.size(); i++) {
      StaticFinding known = findings.get(i);
      if (known.checkId().equals(finding.checkId())
          && known.line() == finding.line()
          && SourcePaths.agree(known.path(), finding.path())) {
        Set<String> engines = new LinkedHashSet<>(known.engines());
        engines.addAll(finding.engines());
        String path = known.path().length() >= finding.path().length() ? known.path() : finding.path();
        findings.set(
            i, new StaticFinding(known.checkId(), path, known.line(), known.message(), List.copyOf(engines)));
        return;
      }
    }
    findings.add(finding);
  }
}
