package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathFilterTest {
  private static final String LEGACY = "com/acme/legacy/OldDao.java";
  private static final String LEGACY_MODULE = "src/main/java/com/acme/legacy/OldDao.java";
  private static final String TOP = "Main.java";

  @Test
  void noPatternsAcceptEverything() {
    PathFilter f = new PathFilter(null, List.of());
    assertTrue(f.isEmpty());
    assertTrue(f.accepts(LEGACY, LEGACY_MODULE));
  }

  @Test
  void doubleStarMatchesNoDirectoryToo() {
    assertTrue(PathFilter.toRegex("**/Main.java").matcher(TOP).matches());
    assertTrue(PathFilter.toRegex("**/OldDao.java").matcher(LEGACY).matches());
    assertTrue(PathFilter.toRegex("**/legacy/**").matcher(LEGACY).matches());
    assertFalse(PathFilter.toRegex("**/legacy/**").matcher("com/acme/legacyish/A.java").matches());
  }

  @Test
  void singleStarStaysInOneDirectory() {
    assertTrue(PathFilter.toRegex("com/acme/*/OldDao.java").matcher(LEGACY).matches());
    assertFalse(PathFilter.toRegex("com/*/OldDao.java").matcher(LEGACY).matches());
    assertTrue(PathFilter.toRegex("com/acme/legacy/Old???.java").matcher(LEGACY).matches());
  }

  @Test
  void trailingSlashMeansTheWholeDirectory() {
    assertTrue(PathFilter.toRegex("com/acme/").matcher(LEGACY).matches());
  }

  @Test
  void eitherPathMayMatch() {
    PathFilter byModulePath = new PathFilter(List.of(), List.of("src/main/java/com/acme/legacy/**"));
    assertFalse(byModulePath.accepts(LEGACY, LEGACY_MODULE));
    PathFilter byPackagePath = new PathFilter(List.of(), List.of("com/acme/legacy/**"));
    assertFalse(byPackagePath.accepts(LEGACY, LEGACY_MODULE));
    assertTrue(byPackagePath.accepts("com/acme/NewDao.java", "src/main/java/com/acme/NewDao.java"));
  }

  @Test
  void excludesWinOverIncludes() {
    PathFilter f = new PathFilter(List.of("com/acme/**"), List.of("**/legacy/**"));
    assertFalse(f.accepts(LEGACY, LEGACY_MODULE));
    assertTrue(f.accepts("com/acme/NewDao.java"));
    assertFalse(f.accepts("org/other/Dao.java"));
  }

  @Test
  void commaSeparatedValuesFromAUserPropertyAreSplit() {
    PathFilter f = new PathFilter(List.of(), List.of(" **/legacy/** , **/gen/**"));
    assertEquals("includes=[] excludes=[**/legacy/**, **/gen/**]", f.toString());
    assertFalse(f.accepts("a/gen/X.java"));
  }

  @Test
  void regexCharactersAreLiteral() {
    assertTrue(PathFilter.toRegex("a+b/$x(1).java").matcher("a+b/$x(1).java").matches());
    assertFalse(PathFilter.toRegex("a.java").matcher("aXjava").matches());
  }
}
