package dev.leakguard.maven;

import java.nio.file.Path;

/**
 * One Java source file of the module.
 *
 * @param file absolute path
 * @param rootRelative the path below its source root, '/' separators ({@code com/acme/Dao.java})
 * @param moduleRelative the path below the module's base directory ({@code src/main/java/com/acme/Dao.java})
 * @param reportPath the path in reports: relative to the repository root, '/' separators
 * @param test true for a file of a test source root
 */
public record InputFile(
    Path file, String rootRelative, String moduleRelative, String reportPath, boolean test) {}
