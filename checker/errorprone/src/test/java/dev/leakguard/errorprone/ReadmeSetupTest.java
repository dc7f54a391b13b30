package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Error Prone setup is copied into builds as it is: every {@code -Xplugin:ErrorProne}
 * line that turns all checks off must turn every LeakGuard check back on, at its own severity,
 * and name no check that does not exist. A check added later cannot be silently left out.
 */
class ReadmeSetupTest {
  private static final Pattern XEP = Pattern.compile("-Xep:(\\w+)(?::(\\w+))?");

  @Test
  void everyErrorProneLineThatDisablesAllChecksEnablesEveryLeakGuardCheck() throws Exception {
    List<String> lines =
        Files.readAllLines(DocsExamplesTest.repoRoot().resolve("README.md"), StandardCharsets.UTF_8);
    List<String> setups = new ArrayList<>();
    for (String line : lines) {
      if (line.contains("-Xplugin:ErrorProne") && line.contains("-XepDisableAllChecks")) {
        setups.add(line);
      }
    }
    assertFalse(setups.isEmpty(), "README.md has no -Xplugin:ErrorProne -XepDisableAllChecks line");
    for (String setup : setups) {
      Map<String, String> enabled = new TreeMap<>();
      Matcher m = XEP.matcher(setup);
      while (m.find()) {
        enabled.put(m.group(1), m.group(2) == null ? "" : m.group(2));
      }
      Map<String, String> expected = new TreeMap<>();
      for (CheckId id : CheckId.values()) {
        expected.put(id.name(), id.severity() == Severity.ERROR ? "ERROR" : "WARN");
      }
      assertEquals(expected, enabled, "the README's Error Prone line: " + setup.strip());
    }
  }
}
