package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  private static List<Integer> lines(ChangedLines c, String path) {
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i < 1000; i++) {
      if (c.contains(path, i)) {
        out.add(i);
      }
    }
    return out;
  }

  /** git diff --unified=0: several files and hunks, a deletion-only hunk, a rename, a deletion. */
  static final String GIT_U0 =
      """
      diff --git a/src/main/java/shop/OrderDao.java b/src/main/java/shop/OrderDao.java
      index 3b18e51..a9c2d3f 100644
      --- a/src/main/java/shop/OrderDao.java
      +++ b/src/main/java/shop/OrderDao.java
      @@ -10,0 +11,2 @@ public class OrderDao {
      +  Connection c = ds.getConnection();
      +  Statement st = c.createStatement();
      @@ -20,3 +22 @@ public class OrderDao {
      -    a();
      -    b();
      -    c();
      +    abc();
      @@ -40,2 +39,0 @@ public class OrderDao {
      -    gone();
      -    gone2();
      @@ -50 +48,3 @@ public class OrderDao {
      -    old();
      +    new1();
      +    new2();
      +    new3();
      diff --git a/src/main/java/shop/OldName.java b/src/main/java/shop/NewName.java
      similarity index 90%
      rename from src/main/java/shop/OldName.java
      rename to src/main/java/shop/NewName.java
      index 1111111..2222222 100644
      --- a/src/main/java/shop/OldName.java
      +++ b/src/main/java/shop/NewName.java
      @@ -5 +5 @@ class NewName {
      -  Connection c = old();
      +  Connection c = ds.getConnection();
      diff --git a/src/main/java/shop/Moved.java b/src/main/java/shop/pkg/Moved.java
      similarity index 100%
      rename from src/main/java/shop/Moved.java
      rename to src/main/java/shop/pkg/Moved.java
      diff --git a/src/main/java/shop/Deleted.java b/src/main/java/shop/Deleted.java
      deleted file mode 100644
      index 3333333..0000000
      --- a/src/main/java/shop/Deleted.java
      +++ /dev/null
      @@ -1,3 +0,0 @@
      -class Deleted {
      -  void m() {}
      -}
      diff --git a/src/main/java/shop/Added.java b/src/main/java/shop/Added.java
      new file mode 100644
      index 0000000..4444444
      --- /dev/null
      +++ b/src/main/java/shop/Added.java
      @@ -0,0 +1,3 @@
      +class Added {
      +  void m() {}
      +}
      """;

  @Test
  void gitUnifiedZeroWithSeveralFilesAndHunks() throws Exception {
    ChangedLines c = UnifiedDiff.parse(GIT_U0);
    assertEquals(List.of(11, 12, 22, 48, 49, 50), lines(c, "src/main/java/shop/OrderDao.java"));
    assertEquals(List.of(5), lines(c, "src/main/java/shop/NewName.java"), "renamed and changed: new path");
    assertEquals(List.of(1, 2, 3), lines(c, "src/main/java/shop/Added.java"));
    assertEquals(
        Set.of("src/main/java/shop/OrderDao.java", "src/main/java/shop/NewName.java", "src/main/java/shop/Added.java"),
        c.paths(),
        "a pure rename, a deletion and the old name of a rename have no changed lines");
    assertFalse(c.contains("src/main/java/shop/OrderDao.java", 39), "deletion-only hunk adds nothing");
    assertFalse(c.contains("src/main/java/shop/OrderDao.java", 40));
  }

  @Test
  void contextDiffCountsContextLinesAndIgnoresLookalikeHeaders() throws Exception {
    String diff =
        """
        --- a/A.java
        +++ b/A.java
        @@ -1,5 +1,6 @@
         class A {
        -  int x;
        --- not a header, a removed line
        +  int y;
        +++ not a header, an added line
        +  int z;
         
           void m() {}
        \\ No newline at end of file
        @@ -20,2 +21,2 @@ class A {
           a();
        -  b();
        +  c();
        """;
    ChangedLines c = UnifiedDiff.parse(diff);
    assertEquals(List.of(2, 3, 4, 22), lines(c, "A.java"));
    assertEquals(Set.of("A.java"), c.paths());
  }

  @Test
  void quotedPathsAndPlainDiffHeaders() throws Exception {
    String diff =
        "diff --git \"a/src/caf\\303\\251 x.java\" \"b/src/caf\\303\\251 x.java\"\n"
            + "--- \"a/src/caf\\303\\251 x.java\"\n"
            + "+++ \"b/src/caf\\303\\251 x.java\"\n"
            + "@@ -1 +1 @@\n"
            + "-a\n"
            + "+b\n"
            + "--- old/B.java\t2024-01-01 10:00:00.000000000 +0100\n"
            + "+++ B.java\t2024-01-02 10:00:00.000000000 +0100\n"
            + "@@ -3,0 +4 @@\n"
            + "+x\n";
    ChangedLines c = UnifiedDiff.parse(diff);
    assertEquals(List.of(1), lines(c, "src/caf\u00e9 x.java"));
    assertEquals(List.of(4), lines(c, "B.java"));
  }

  @Test
  void crlfDiffAndEmptyInput() throws Exception {
    ChangedLines c = UnifiedDiff.parse("--- a/A.java\r\n+++ b/A.java\r\n@@ -1 +1,2 @@\r\n-a\r\n+b\r\n+c\r\n");
    assertEquals(List.of(1, 2), lines(c, "A.java"));
    assertTrue(UnifiedDiff.parse("").paths().isEmpty());
  }

  @Test
  void malformedHunkHeaderNamesTheLine() {
    CliException e =
        assertThrows(
            CliException.class, () -> UnifiedDiff.parse("--- a/A.java\n+++ b/A.java\n@@ -x +1 @@\n"));
    assertTrue(e.getMessage().startsWith("diff line 3: malformed hunk header"), e.getMessage());
  }

  @Test
  void unquote() {
    assertEquals("a\"b\\c\td", UnifiedDiff.unquote("\"a\\\"b\\\\c\\td\""));
    assertEquals("\u00e9", UnifiedDiff.unquote("\"\\303\\251\""));
  }
}
