package dev.leakguard.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps docs/model-format.md true: its example file parses and its messages are exact. */
class ModelFormatDocTest {
  private static final Path DOC = Path.of("../../docs/model-format.md");
  private static String doc;

  @BeforeAll
  static void readDoc() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(DOC), "docs not next to the module");
    doc = Files.readString(DOC, StandardCharsets.UTF_8);
  }

  /** The fenced block that follows {@code heading}. */
  private static String blockAfter(String heading) {
    int h = doc.indexOf(heading);
    assertTrue(h >= 0, heading);
    int start = doc.indexOf("```\n", h) + 4;
    return doc.substring(start, doc.indexOf("```\n", start));
  }

  @Test
  void userFileExampleParses() throws ModelException {
    ResourceModel user =
        ResourceModel.parse("user.model", new StringReader(blockAfter("## A user file")));
    ResourceModel model = ResourceModel.builtIn().merge(user);
    assertEquals(ResourceKind.RESULT_SET, model.resourceKind("com.acme.db.Cursor"));
    assertEquals(List.of(new MethodRule.Wrap(0, "user.model:13")),
        model.rules("com.acme.db.Cursor", "<init>", List.of("java.sql.ResultSet")));
    assertEquals(java.util.Set.of(AnnotationRole.RETURNS_OWNED), model.annotationRoles("Fresh"));
  }

  static Stream<Arguments> documentedErrors() {
    return Stream.of(
        Arguments.of(12, "acquire com.acme.Db.open() conection"),
        Arguments.of(3, "aquire com.acme.Db.open() connection"),
        Arguments.of(4, "acquire com.acme.Db.open(String) connection"),
        Arguments.of(5, "acquire com.acme.Db.open()"),
        Arguments.of(6, "release com.acme.Db.close(java.sql.Connection) arg x"),
        Arguments.of(7, "release com.acme.Db.close() receiver loudly"),
        Arguments.of(9, "acquire com.acme.Db.get() connection\nborrow com.acme.Db.get() none"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("documentedErrors")
  void documentedErrorMessageIsExact(int line, String lines) {
    int count = (int) lines.chars().filter(c -> c == '\n').count() + 1;
    String text = "\n".repeat(line - count) + lines + "\n";
    ModelException e = assertThrows(ModelException.class,
        () -> ResourceModel.parse("my-model.txt", new StringReader(text)));
    String errors = doc.substring(doc.indexOf("## Errors"), doc.indexOf("## A user file"));
    assertTrue(errors.contains("\n" + e.getMessage() + "\n"), e.getMessage());
  }

  @Test
  void documentedMissingFileMessageHasTheRealShape() {
    Path missing = Path.of("/home/me/model.txt");
    Assumptions.assumeTrue(Files.notExists(missing));
    ModelException e = assertThrows(ModelException.class, () -> ResourceModel.load(missing));
    assertTrue(doc.contains("\n" + e.getMessage() + "\n"), e.getMessage());
  }
}
