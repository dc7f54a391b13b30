package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  @TempDir Path dir;

  private Path touch(String rel) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "class X {}\n");
    return p;
  }

  private List<String> rel(List<Path> files) throws Exception {
    Path root = dir.toRealPath();
    return files.stream().map(f -> ReportPaths.of(root, f)).toList();
  }

  @Test
  void walksJavaFilesAndLeavesOutBuildOutputAndGit() throws Exception {
    touch("app/src/main/java/a/A.java");
    touch("app/src/main/java/a/build/Builder.java");
    touch("app/src/main/java/a/target/Target.java");
    touch("app/target/generated-sources/G.java");
    touch("app/build/generated/H.java");
    touch(".git/objects/I.java");
    touch("app/src/main/resources/notes.txt");
    touch("B.java");
    InputFiles.Collected c = InputFiles.collect(List.of(dir), dir.toRealPath());
    assertEquals(
        List.of(
            "B.java",
            "app/src/main/java/a/A.java",
            "app/src/main/java/a/build/Builder.java",
            "app/src/main/java/a/target/Target.java"),
        rel(c.files()));
    assertEquals(List.of(), c.skipped());
  }

  @Test
  void walkedInputBelowSrcKeepsPackagesNamedBuild() throws Exception {
    touch("src/main/java/a/build/Builder.java");
    InputFiles.Collected c =
        InputFiles.collect(List.of(dir.resolve("src/main/java")), dir.toRealPath());
    assertEquals(List.of("src/main/java/a/build/Builder.java"), rel(c.files()));
  }

  @Test
  void explicitFilesDuplicatesAndNonJavaFiles() throws Exception {
    Path a = touch("src/A.java");
    Path txt = touch("README.txt");
    InputFiles.Collected c = InputFiles.collect(List.of(a, dir.resolve("src"), txt), dir.toRealPath());
    assertEquals(List.of("src/A.java"), rel(c.files()));
    assertEquals(List.of(new Skipped("README.txt", "not a .java file")), c.skipped());
  }

  @Test
  void directoryWithoutJavaIsSkippedNotAnError() throws Exception {
    touch("docs/index.md");
    Files.createDirectories(dir.resolve("empty"));
    InputFiles.Collected c =
        InputFiles.collect(List.of(dir.resolve("docs"), dir.resolve("empty")), dir.toRealPath());
    assertEquals(List.of(), c.files());
    assertEquals(
        List.of(
            new Skipped("docs", "no .java files in this directory"),
            new Skipped("empty", "no .java files in this directory")),
        c.skipped());
  }

  @Test
  void missingPathIsAnError() {
    CliException e =
        assertThrows(
            CliException.class,
            () -> InputFiles.collect(List.of(dir.resolve("nope")), dir.toRealPath()));
    assertTrue(e.getMessage().endsWith("nope: no such file or directory"), e.getMessage());
  }

  @Test
  void folderRule() {
    assertTrue(InputFiles.isSkippedFolder(Path.of("target")));
    assertTrue(InputFiles.isSkippedFolder(Path.of("module/build")));
    assertTrue(InputFiles.isSkippedFolder(Path.of("src/main/java/.git")));
    assertEquals(false, InputFiles.isSkippedFolder(Path.of("src/main/java/com/build")));
    assertEquals(false, InputFiles.isSkippedFolder(Path.of("module/buildSrc")));
  }
}
