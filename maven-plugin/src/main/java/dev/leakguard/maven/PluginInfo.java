package dev.leakguard.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed when the plugin was built: its own, and the engines' defaults. */
public final class PluginInfo {
  private static final Properties PROPS = load();

  private PluginInfo() {}

  /** This plugin's version, which is also the version of the LeakGuard engines it runs. */
  public static String version() {
    return PROPS.getProperty("version");
  }

  /** The Error Prone release the checks are built against; runs on JDK 17 and newer. */
  public static String errorproneVersion() {
    return PROPS.getProperty("errorprone.version");
  }

  /** The newer Error Prone release used when the build runs on JDK 21 or newer. */
  public static String errorproneJdk21Version() {
    return PROPS.getProperty("errorprone.jdk21.version");
  }

  /** The SpotBugs release the SpotBugs engine runs. */
  public static String spotbugsVersion() {
    return PROPS.getProperty("spotbugs.version");
  }

  /** The Error Prone release to use when none is configured, for a JVM of this feature release. */
  public static String defaultErrorproneVersion(int jdkFeature) {
    return jdkFeature >= 21 ? errorproneJdk21Version() : errorproneVersion();
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = PluginInfo.class.getResourceAsStream("plugin.properties")) {
      if (in == null) {
        throw new IllegalStateException("plugin.properties is missing from the LeakGuard Maven plugin");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
