package dev.leakguard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionTest {
  @TempDir Path root;

  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(Section.JAVA25_ROOT_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(Section.JAVA25_ROOT_PROPERTY);
    } else {
      System.setProperty(Section.JAVA25_ROOT_PROPERTY, saved);
    }
  }

  @Test
  void withoutThePropertyThereIsOnlyTheMainCorpus() {
    System.clearProperty(Section.JAVA25_ROOT_PROPERTY);
    List<Section> sections = Section.all();
    assertEquals(1, sections.size(), sections::toString);
    Section main = sections.get(0);
    assertEquals("main", main.name());
    assertEquals(Corpus.locateRoot(), main.root());
    assertEquals(List.of("--release", "17"), main.releaseOptions());
    assertEquals("", main.reportPrefix());
  }

  @Test
  void thePropertyAddsTheJava25SectionOnJdk25AndFailsOnAnOlderJdk() throws IOException {
    Files.createDirectories(root.resolve("corpus/java25"));
    System.setProperty(Section.JAVA25_ROOT_PROPERTY, root.toString());
    if (Runtime.version().feature() >= 25) {
      List<Section> sections = Section.all();
      assertEquals(2, sections.size(), sections::toString);
      Section java25 = sections.get(1);
      assertEquals("java25", java25.name());
      assertEquals(root.toAbsolutePath().normalize(), java25.root());
      assertEquals(List.of("--release", "25"), java25.releaseOptions());
      assertEquals("section java25 (release 25): ", java25.reportPrefix());
    } else {
      IllegalStateException e = assertThrows(IllegalStateException.class, Section::all);
      assertTrue(e.getMessage().contains("needs JDK 25 or newer"), e::getMessage);
    }
  }

  @Test
  void aPropertyThatNamesNoCorpusFails() {
    System.setProperty(Section.JAVA25_ROOT_PROPERTY, root.resolve("nowhere").toString());
    IllegalStateException e = assertThrows(IllegalStateException.class, Section::all);
    assertTrue(e.getMessage().contains(Section.JAVA25_ROOT_PROPERTY), e::getMessage);
  }
}
