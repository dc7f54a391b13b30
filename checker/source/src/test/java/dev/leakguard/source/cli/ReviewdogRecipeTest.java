package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reviewdog recipe of checker/source/README.md: the scan it pipes into {@code reviewdog
 * -f=checkstyle} is run as written on a leaky file, and its output is read the way reviewdog's
 * checkstyle parser reads it — a {@code checkstyle} root, {@code file} elements with a {@code name},
 * {@code error} elements whose {@code line} (and {@code column}, if present) are positive
 * integers, whose {@code severity} is error, warning or info, with a message and a source —, the
 * file names relative to the repository root, as reviewdog matches them against the diff.
 */
class ReviewdogRecipeTest {
  @TempDir Path repo;

  private static String recipe() throws Exception {
    String readme = Files.readString(WorkflowTest.repoRoot().resolve("checker/source/README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf("### reviewdog");
    assertTrue(at >= 0, "the README's reviewdog section");
    Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(at), "the reviewdog recipe");
    return block.group(1).replace("\\\n", " ");
  }

  @Test
  void theScanTheRecipePipesIsCheckstyleAsReviewdogReadsIt() throws Exception {
    String recipe = recipe();
    Matcher piped = Pattern.compile("bin/leakguard (scan [^|]*)\\|\\s*reviewdog ([^\\n]*)").matcher(recipe);
    assertTrue(piped.find(), recipe);
    List<String> reviewdog = WorkflowTest.shellWords(piped.group(2).strip());
    assertTrue(reviewdog.contains("-f=checkstyle"), "reviewdog reads checkstyle: " + reviewdog);

    List<String> scan = WorkflowTest.shellWords(piped.group(1).strip());
    assertEquals("checkstyle", scan.get(scan.indexOf("--format") + 1), scan.toString());
    Path src = repo.resolve("src/shop/OrderDao.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, """
        package shop;

        import java.sql.Connection;
        import java.sql.SQLException;
        import javax.sql.DataSource;

        class OrderDao {
          boolean touch(DataSource ds) throws SQLException {
            Connection c = ds.getConnection();
            return c.isValid(1);
          }
        }
        """);
    // the recipe's arguments, run at the top of a checkout, as in the workflow
    ScanCommandTest.git(repo, "init", "-q");
    CliRunner.Result r = CliRunner.run(repo, Analyzer.sourceEngine(), "",
        scan.toArray(String[]::new));
    assertEquals(0, r.exit(), scan + "\n" + r.err() + r.out());

    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    assertEquals("checkstyle", doc.getDocumentElement().getTagName());
    NodeList files = doc.getElementsByTagName("file");
    assertEquals(1, files.getLength(), r.out());
    Element file = (Element) files.item(0);
    assertEquals("src/shop/OrderDao.java", file.getAttribute("name"), "relative to the repository root");
    NodeList errors = file.getElementsByTagName("error");
    assertEquals(1, errors.getLength(), r.out());
    Element e = (Element) errors.item(0);
    assertEquals(9, Integer.parseInt(e.getAttribute("line")));
    if (e.hasAttribute("column")) {
      assertTrue(Integer.parseInt(e.getAttribute("column")) > 0);
    }
    assertTrue(Set.of("error", "warning", "info").contains(e.getAttribute("severity")), e.getAttribute("severity"));
    assertEquals("error", e.getAttribute("severity"), "a connection leak fails reviewdog's -fail-level=error");
    assertEquals("JdbcConnectionLeak", e.getAttribute("source"));
    assertFalse(e.getAttribute("message").isBlank());
  }
}
