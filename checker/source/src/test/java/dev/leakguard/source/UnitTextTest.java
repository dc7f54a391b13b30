package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit kept without its tokens gives every node's code as its tokens did, and keeps its positions. */
class UnitTextTest {
  private static final String LF =
      "package p;\n"
          + "class A {\n"
          + "\tvoid m(java.sql.Connection c) throws Exception {\n"
          + "\t\tString s = \"\uD83D\uDE00 \\u0041\u00e9\";\tint x = 1;\n"
          + "\t\tc.prepareStatement( /* \u20ac */ s\n"
          + "\t\t\t+ \"\\u00e9\" + x ).close();\n"
          + "\t\tint \\u0061 = 2; // \u00e9\n"
          + "\t}\n"
          + "}\n";

  private static void assertSameText(String text) {
    JavaParser parser = new JavaParser(new ParserConfiguration().setAttributeComments(false));
    CompilationUnit cu = parser.parse(text).getResult().orElseThrow();
    List<Node> nodes = Nodes.findAll(cu, Node.class);
    List<String> written = new ArrayList<>();
    List<Range> ranges = new ArrayList<>();
    for (Node n : nodes) {
      written.add(n.getTokenRange().map(TokenRange::toString).orElseThrow());
      ranges.add(n.getRange().orElseThrow());
    }
    UnitText.compact(cu, text);
    assertTrue(nodes.size() > 40, "nodes: " + nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      assertTrue(n.getTokenRange().isEmpty(), "tokens kept: " + n);
      assertEquals(ranges.get(i), n.getRange().orElseThrow(), "range of " + n);
      assertEquals(written.get(i), UnitText.of(n), "text of " + n.getClass().getSimpleName() + " at " + ranges.get(i));
      assertEquals(written.get(i).strip().replaceAll("\\s+", " "), PoolLowering.text(n));
    }
  }

  @Test
  void lineFeeds() {
    assertSameText(LF);
  }

  @Test
  void carriageReturnsAndLineFeeds() {
    assertSameText(LF.replace("\n", "\r\n"));
  }

  @Test
  void carriageReturns() {
    assertSameText(LF.replace("\n", "\r"));
  }

  @Test
  void noLineEndAtTheEnd() {
    assertSameText(LF.strip());
  }
}
