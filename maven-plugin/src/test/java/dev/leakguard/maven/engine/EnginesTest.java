package dev.leakguard.maven.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnginesTest {
  @Test
  void namesAreParsedInRunOrderWithoutDuplicates() {
    assertEquals(List.of("errorprone", "source"), Engines.parse("source, ErrorProne,source"));
    assertEquals(List.of("errorprone", "spotbugs", "source"), Engines.parse("source spotbugs errorprone"));
  }

  @Test
  void unknownNameIsNamedWithTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engines.parse("errorprone,pmd"));
    assertEquals(
        "unknown LeakGuard engine 'pmd' in leakguard.engines; valid engine names: errorprone, spotbugs, source",
        e.getMessage());
  }

  @Test
  void emptyListIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Engines.parse(" , "));
  }
}
