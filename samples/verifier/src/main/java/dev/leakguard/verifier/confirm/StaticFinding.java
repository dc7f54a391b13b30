package dev.leakguard.verifier.confirm;

import java.util.List;

/**
 * One static finding, as a SARIF result reports it.
 *
 * @param checkId the rule id, e.g. {@code JdbcConnectionLeak}
 * @param path the artifact location's URI as a path, usually relative to the source root ({@code
 *     samples/app/src/main/java/com/acme/LoginDao.java}); empty when the result has no location
 * @param line the region's start line, or -1 when the result has none
 * @param message the result's message text
 * @param engines the engines that reported it (SARIF {@code properties.engines}, else the tool's
 *     name), merged when several reports hold the same finding
 */
public record StaticFinding(
    String checkId, String path, int line, String message, List<String> engines) {

  public StaticFinding {
    engines = List.copyOf(engines);
  }

  /** The last segment of {@link #path()}: {@code LoginDao.java}. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** {@code LoginDao.java:42}, or {@code ?} without a location. */
  public String location() {
    return path.isEmpty() ? "?" : fileName() + ":" + line;
  }
}
