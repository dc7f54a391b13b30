package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceLinesTest {

  @SuppressWarnings("unused")
  private int sample(int value) {
    int doubled = value * 2;
    return doubled + 1;
  }

  @Test
  void findsTheLineInsideTheMethodAndIgnoresStringLiterals() {
    int line = SourceLines.lineOf(getClass(), "sample", "value * 2");
    assertEquals(SourceLines.lineOf(getClass(), "sample", "int doubled") , line);
    assertEquals(line + 1, SourceLines.lineOf(getClass(), "sample", "return doubled + 1;"));
  }

  @Test
  void refusesWhatItCannotFindExactly() {
    assertThrows(IllegalStateException.class, () -> SourceLines.lineOf(getClass(), "sample", "no such code"));
    assertThrows(IllegalStateException.class, () -> SourceLines.lineOf(getClass(), "noSuchMethod", "x"));
  }
}
