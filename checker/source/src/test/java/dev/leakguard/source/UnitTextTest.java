package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.TokenRange;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    List<List<Node>> children = new ArrayList<>();
    for (Node n : nodes) {
      children.add(List.copyOf(n.getChildNodes()));
    }
    Map<String, String> strings = new HashMap<>();
    Nodes.walk(cu, n -> UnitText.compact(n, s -> strings.computeIfAbsent(s, k -> k)));
    UnitText.keep(cu, text);
    assertTrue(nodes.size() > 40, "nodes: " + nodes.size());
    assertEquals(nodes, Nodes.findAll(cu, Node.class));
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      assertTrue(n.getTokenRange().isEmpty(), "tokens kept: " + n);
      assertEquals(ranges.get(i), n.getRange().orElseThrow(), "range of " + n);
      assertEquals(children.get(i), n.getChildNodes(), "children of " + n);
      assertEquals(written.get(i), UnitText.of(n), "text of " + n.getClass().getSimpleName() + " at " + ranges.get(i));
      assertEquals(written.get(i).strip().replaceAll("\\s+", " "), PoolLowering.text(n));
    }
  }

  /** Names are kept once, node lists keep their elements, and an empty one refuses new ones. */
  @Test
  void sharedNamesAndLists() {
    String text = "class A { void m(A a) { a.m(a); m(null); } void n() { m(this); } }";
    CompilationUnit cu = new JavaParser(new ParserConfiguration().setAttributeComments(false)).parse(text).getResult().orElseThrow();
    Map<String, String> strings = new HashMap<>();
    Nodes.walk(cu, n -> UnitText.compact(n, s -> strings.computeIfAbsent(s, k -> k)));
    List<SimpleName> ms = new ArrayList<>();
    for (SimpleName name : Nodes.findAll(cu, SimpleName.class)) {
      if (name.getIdentifier().equals("m")) {
        ms.add(name);
      }
    }
    assertEquals(4, ms.size());
    for (SimpleName name : ms) {
      assertSame(ms.get(0).getIdentifier(), name.getIdentifier());
    }
    MethodDeclaration n = cu.getType(0).getMethodsByName("n").get(0);
    assertEquals(List.of(), n.getParameters());
    assertThrows(UnsupportedOperationException.class, () -> n.getParameters().add(new Parameter()));
    MethodCallExpr call = cu.findFirst(MethodCallExpr.class).orElseThrow();
    assertEquals("a", call.getArgument(0).toString());
    assertEquals(call.getScope().orElseThrow().getRange(), ((NameExpr) call.getScope().orElseThrow()).getName().getRange());
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
