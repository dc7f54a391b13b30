package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CheckstyleReportTest {
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void oneFileElementPerFileOneErrorPerFinding() throws Exception {
    String xml =
        OutputFormat.CHECKSTYLE.render(
            Fixtures.report(List.of(Fixtures.CONNECTION, Fixtures.STATEMENT, Fixtures.NOTE), List.of()));
    Document doc = parse(xml);
    Element root = doc.getDocumentElement();
    assertEquals("checkstyle", root.getTagName());
    NodeList files = root.getElementsByTagName("file");
    assertEquals(2, files.getLength());
    Element orderDao = (Element) files.item(0);
    assertEquals("src/main/java/shop/OrderDao.java", orderDao.getAttribute("name"));
    NodeList errors = orderDao.getElementsByTagName("error");
    assertEquals(2, errors.getLength());
    Element first = (Element) errors.item(0);
    assertEquals("42", first.getAttribute("line"));
    assertEquals("error", first.getAttribute("severity"));
    assertEquals("JdbcConnectionLeak", first.getAttribute("source"));
    assertEquals(Fixtures.CONNECTION.message(), first.getAttribute("message"));
    assertEquals("warning", ((Element) errors.item(1)).getAttribute("severity"));
    Element note = (Element) ((Element) files.item(1)).getElementsByTagName("error").item(0);
    assertEquals("info", note.getAttribute("severity"));
    assertEquals("JdbcStatementLeftToConnectionClose", note.getAttribute("source"));
  }

  @Test
  void escapedValuesReadBackExactly() throws Exception {
    String xml = OutputFormat.CHECKSTYLE.render(Fixtures.report(List.of(Fixtures.AWKWARD), List.of()));
    Element file = (Element) parse(xml).getDocumentElement().getElementsByTagName("file").item(0);
    assertEquals(Fixtures.AWKWARD.path(), file.getAttribute("name"));
    Element error = (Element) file.getElementsByTagName("error").item(0);
    assertEquals(Fixtures.AWKWARD.message(), error.getAttribute("message"), "tabs and line breaks kept");
  }

  @Test
  void controlCharactersXmlCannotCarryAreReplaced() throws Exception {
    String xml =
        OutputFormat.CHECKSTYLE.render(
            Fixtures.report(
                List.of(Fixtures.finding("A.java", 1, Fixtures.CONNECTION.id(), "bell\u0007 nul\u0000")),
                List.of()));
    Element error = (Element) parse(xml).getDocumentElement().getElementsByTagName("error").item(0);
    assertEquals("bell\uFFFD nul\uFFFD", error.getAttribute("message"));
  }

  @Test
  void noFindingIsAnEmptyReport() throws Exception {
    String xml = OutputFormat.CHECKSTYLE.render(Fixtures.report(List.of(), List.of()));
    Document doc = parse(xml);
    assertEquals(0, doc.getDocumentElement().getElementsByTagName("file").getLength());
    assertEquals(CheckstyleReport.FORMAT_VERSION, doc.getDocumentElement().getAttribute("version"));
  }
}
