package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.VarType;
import org.junit.jupiter.api.Test;

/** The engine's parsers read by their level's grammar and post-processing, without its validation. */
class ParserSetupTest {
  private static final String SWITCH_AND_VAR =
      "class A { int f(int k) { var q = 1; int x = switch (k) { case 1 -> { yield q; } default -> 3; }; return x; } }";

  /** Accepted by the grammar, rejected only by the language level's validation. */
  private static final String TRANSIENT_METHOD = "class A { transient void f() {} }";

  private static ParseResult<CompilationUnit> parse(String text, boolean validating) {
    ParserConfiguration c = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);
    return new JavaParser(validating ? c : SourceTree.withoutValidation(c)).parse(text);
  }

  @Test
  void grammarAndPostProcessingOfTheLevelStay() {
    CompilationUnit cu = parse(SWITCH_AND_VAR, false).getResult().orElseThrow();
    assertEquals(1, cu.findAll(YieldStmt.class).size(), "yield is a statement at Java 21");
    assertEquals(1, cu.findAll(VarType.class).size(), "var is a type, as the level's post-processing makes it");
  }

  @Test
  void validationIsLeftOut() {
    assertFalse(parse(TRANSIENT_METHOD, true).isSuccessful(), "the level's validation rejects it");
    assertTrue(parse(TRANSIENT_METHOD, false).isSuccessful(), "the engine's parser reads it");
  }
}
