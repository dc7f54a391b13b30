package dev.leakguard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
  @TempDir Path root;

  private void write(String rel, String... lines) throws IOException {
    Path file = root.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  @Test
  void countsMethodsAndConstructorsButNotLambdasOrAbstractMethods() throws IOException {
    write(
        "corpus/count/Counted.java",
        "package corpus.count;",
        "import java.util.concurrent.Callable;",
        "abstract class Counted {",
        "  Counted() {}", // constructor: 1
        "  abstract void noBody();",
        "  interface Source { Object open(); default Object twice() { return open(); } }", // 2
        "  Runnable r() {", // 3
        "    Runnable lambda = () -> { };",
        "    return new Runnable() { public void run() { lambda.run(); } };", // 4
        "  }",
        "  record Pair(int a, int b) { Pair { } }", // compact constructor: 5
        "}");
    Corpus corpus = Corpus.load(root);
    assertEquals(5, corpus.methodCount(), corpus.methods()::toString);
    List<String> names = corpus.methods().stream().map(MethodSpan::name).toList();
    assertEquals(List.of("<init>", "twice", "r", "run", "<init>"), names);
    MethodSpan r = corpus.methods().get(2);
    assertEquals(7, r.startLine());
    assertEquals(10, r.endLine());
    assertEquals("<anonymous>", corpus.methods().get(3).owner());
  }

  @Test
  void fileThatDoesNotParseIsNamed() throws IOException {
    write("corpus/bad/Broken.java", "package corpus.bad;", "class Broken {", "  void m( {", "}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Corpus.load(root));
    assertTrue(e.getMessage().startsWith("corpus/bad/Broken.java:3: does not parse"),
        e::getMessage);
  }

  @Test
  void malformedLabelFailsTheLoad() throws IOException {
    write("corpus/bad/Typo.java", "package corpus.bad;", "class Typo {", "  int x; // LEAK Jdbc",
        "}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Corpus.load(root));
    assertTrue(e.getMessage().startsWith("corpus/bad/Typo.java:3: "), e::getMessage);
  }

  @Test
  void missingCorpusDirectory() {
    assertThrows(NoSuchFileException.class, () -> Corpus.load(root));
  }

  @Test
  void onlyJavaFilesUnderCorpusAreRead() throws IOException {
    write("corpus/a/A.java", "package corpus.a;", "class A { void m() {} }");
    write("corpus/a/notes.txt", "x(); // LEAK JdbcNoSuchId");
    write("other/B.java", "class B { void m() { x(); } } // LEAK JdbcNoSuchId");
    Corpus corpus = Corpus.load(root);
    assertEquals(1, corpus.files().size());
    assertEquals(1, corpus.methodCount());
    assertTrue(corpus.labels().isEmpty());
  }

  @Test
  void locateRootHonoursTheSystemProperty() throws IOException {
    write("corpus/a/A.java", "package corpus.a;", "class A {}");
    String old = System.getProperty(Corpus.ROOT_PROPERTY);
    try {
      System.setProperty(Corpus.ROOT_PROPERTY, root.toString());
      assertEquals(root.toAbsolutePath().normalize(), Corpus.locateRoot());
      System.setProperty(Corpus.ROOT_PROPERTY, root.resolve("nowhere").toString());
      IllegalStateException e = assertThrows(IllegalStateException.class, Corpus::locateRoot);
      assertTrue(e.getMessage().contains(Corpus.ROOT_PROPERTY), e::getMessage);
    } finally {
      if (old == null) {
        System.clearProperty(Corpus.ROOT_PROPERTY);
      } else {
        System.setProperty(Corpus.ROOT_PROPERTY, old);
      }
    }
  }

  @Test
  void locateRootWalksUpFromTheWorkingDirectory() {
    String old = System.getProperty(Corpus.ROOT_PROPERTY);
    try {
      System.clearProperty(Corpus.ROOT_PROPERTY);
      Path found = Corpus.locateRoot();
      assertTrue(Files.isDirectory(found.resolve("corpus")), found::toString);
      assertTrue(found.endsWith(Path.of("conformance", "src", "main", "java")), found::toString);
    } finally {
      if (old != null) {
        System.setProperty(Corpus.ROOT_PROPERTY, old);
      }
    }
  }
}
