package dev.leakguard.verifier.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readsEveryKindOfValue() {
    Object value =
        Json.parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\"], \"b\": {}, \"c\": []}\n");
    assertEquals(
        Map.of("a", Arrays.asList(1L, -25.0, true, false, null, "x"), "b", Map.of(), "c", List.of()),
        value);
    assertEquals(List.of("a", "b", "c"), List.copyOf(((Map<?, ?>) value).keySet()), "document order");
  }

  @Test
  void decodesEscapes() {
    assertEquals("q\" b\\ s/ \b\f\n\r\t é €", Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u20AC\""));
  }

  @Test
  void pathStepsThroughObjectsAndStopsAtAnythingElse() {
    Object root = Json.parse("{\"a\": {\"b\": {\"c\": 3}}, \"list\": [1]}");
    assertEquals(3L, Json.path(root, "a", "b", "c"));
    assertNull(Json.path(root, "a", "missing", "c"));
    assertNull(Json.path(root, "list", "x"));
    assertEquals(List.of(), Json.array(Json.member(root, "a")));
  }

  @Test
  void errorsNameTheOffset() {
    for (String bad : List.of("{\"a\" 1}", "[1,]", "\"open", "{} x", "tru", "\"\\q\"", "[1 2]", "")) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
      assertTrue(error.getMessage().matches("JSON: .* at offset \\d+"), error.getMessage());
    }
  }
}
