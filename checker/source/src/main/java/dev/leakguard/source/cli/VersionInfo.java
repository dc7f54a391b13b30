package dev.leakguard.source.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** LeakGuard's version: from the Maven metadata or the manifest of the jar, else {@code dev}. */
final class VersionInfo implements IVersionProvider {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.leakguard/leakguard-source/pom.properties";

  static final String VERSION = lookUp();

  private static String lookUp() {
    try (InputStream in = VersionInfo.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank()) {
          return v.trim();
        }
      }
    } catch (IOException ignored) {
      // fall through to the manifest
    }
    String v = VersionInfo.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "LeakGuard " + VERSION,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
