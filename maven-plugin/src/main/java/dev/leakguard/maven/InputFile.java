package dev.leakguard.maven;

import java.nio.file.Path;

/**
 * One input file of the module: a Java source file, or a connection-pool configuration file of
 * the main resources.
 *
 * @param file absolute path
 * @param rootRelative the path below its source root or resource directory, '/' separators
 *     ({@code com/acme/Dao.java}, {@code application.yml})
 * @param moduleRelative the path below the module's base directory ({@code src/main/java/com/acme/Dao.java})
 * @param reportPath the path in reports: relative to the repository root, '/' separators
 * @param test true for a file of a test source root
 */
public record InputFile(
    Path file, String rootRelative, String moduleRelative, String reportPath, boolean test) {}
