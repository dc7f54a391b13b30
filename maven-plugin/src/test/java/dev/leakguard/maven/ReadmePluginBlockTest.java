package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven section cannot drift: its {@code leakguard:check} block is the one the {@code
 * release-version} integration test builds under a parent that bans SNAPSHOT plugins (same text,
 * this build's release version), and every parameter of its table exists with its user property.
 */
class ReadmePluginBlockTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();

  @Test
  void theReadmeBlockIsTheTestedOneWithThisReleaseVersion() throws Exception {
    String readme = Files.readString(MODULE.resolve("../README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Gating a Maven build");
    assertTrue(section >= 0, "README section 'Gating a Maven build' is missing");
    Matcher block = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(section), "no xml block in the README's Maven section");
    String readmeBlock = block.group(1);

    Matcher version =
        Pattern.compile("<artifactId>leakguard-maven-plugin</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(readmeBlock);
    assertTrue(version.find(), readmeBlock);
    assertEquals(PluginInfo.version(), version.group(1), "the README names another version than this build's");
    assertFalse(version.group(1).endsWith("-SNAPSHOT"), "a parent that bans SNAPSHOT plugins rejects " + version.group(1));

    String it = Files.readString(MODULE.resolve("src/it/release-version/pom.xml"), StandardCharsets.UTF_8);
    int from = it.indexOf("<!-- README block -->\n");
    int to = it.indexOf("<!-- end of README block -->");
    assertTrue(from >= 0 && to > from, "markers of the README block in the release-version test");
    String tested = it.substring(from + "<!-- README block -->\n".length(), to);
    assertEquals(
        readmeBlock.replace("<version>" + version.group(1) + "</version>", "<version>@project.version@</version>"),
        tested,
        "the README's block differs from the one the release-version integration test builds");
  }

  @Test
  void everyParameterOfTheReadmeTableExistsWithItsUserProperty() throws Exception {
    String readme = Files.readString(MODULE.resolve("../README.md"), StandardCharsets.UTF_8);
    String descriptor =
        Files.readString(MODULE.resolve("target/classes/META-INF/maven/plugin.xml"), StandardCharsets.UTF_8);
    Matcher row = Pattern.compile("(?m)^\\| `(\\w+)`(?: / `(\\w+)`)? \\| `(leakguard\\.\\w+)`(?: / `(leakguard\\.\\w+)`)? \\|")
        .matcher(readme);
    int rows = 0;
    java.util.List<String> missing = new java.util.ArrayList<>();
    while (row.find()) {
      rows++;
      for (int g = 1; g <= 2; g++) {
        String name = row.group(g);
        String property = row.group(g + 2);
        if (name == null) {
          continue;
        }
        boolean declared =
            Pattern.compile("<" + name + " implementation=\"[^\"]+\"[^>]*>\\$\\{" + Pattern.quote(property) + "\\}</" + name + ">")
                .matcher(descriptor)
                .find();
        if (!declared) {
          missing.add(name + " (" + property + ")");
        }
      }
    }
    assertTrue(rows >= 10, "the README's parameter table has " + rows + " rows");
    assertEquals(java.util.List.of(), missing, "README parameters the plugin does not have");
  }
}
