package dev.leakguard.maven.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.AnalysisRequest;
import dev.leakguard.maven.InputFile;
import dev.leakguard.maven.PathFilter;
import dev.leakguard.maven.TestRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotBugsEngineTest {
  @Test
  void readsLeakGuardBugInstancesAndPlacesThemInTheModule(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("spotbugs.xml");
    Files.writeString(xml, """
        <?xml version="1.0" encoding="UTF-8"?>
        <BugCollection version="4.9.8">
          <BugInstance type="JdbcConnectionLeak" priority="1" rank="5" category="CORRECTNESS">
            <ShortMessage>Connection leak</ShortMessage>
            <LongMessage>[JdbcConnectionLeak] Connection 'c' acquired by DataSource.getConnection() is not closed</LongMessage>
            <Class classname="shop.OrderDao"><SourceLine classname="shop.OrderDao" sourcefile="OrderDao.java" sourcepath="shop/OrderDao.java"/></Class>
            <Method classname="shop.OrderDao" name="count" signature="(J)I"><SourceLine classname="shop.OrderDao" start="15" end="25" sourcepath="shop/OrderDao.java"/></Method>
            <SourceLine classname="shop.OrderDao" start="17" end="17" sourcefile="OrderDao.java" sourcepath="shop/OrderDao.java" primary="true"/>
            <Property name="leakguard.fingerprint" value="abc123"/>
          </BugInstance>
          <BugInstance type="JdbcStatementLeak" priority="2">
            <LongMessage>PreparedStatement 'ps' is not closed</LongMessage>
            <Method classname="shop.OrderDao" name="count" signature="(J)I"/>
            <SourceLine classname="shop.OrderDao" start="18" end="18" sourcepath="shop/OrderDao.java"/>
          </BugInstance>
          <BugInstance type="JdbcConnectionLeak" priority="2">
            <LongMessage>Connection 'd' acquired by Access.obtainConnection() is not closed. Whether this method owns it depends on the implementation</LongMessage>
            <Method classname="shop.OrderDao" name="valid" signature="()Z"/>
            <SourceLine classname="shop.OrderDao" start="40" end="40" sourcepath="shop/OrderDao.java"/>
          </BugInstance>
          <BugInstance type="OBL_UNSATISFIED_OBLIGATION" priority="2">
            <SourceLine classname="shop.OrderDao" start="30" sourcepath="shop/OrderDao.java"/>
          </BugInstance>
        </BugCollection>
        """);
    InputFile file = new InputFile(dir.resolve("src/main/java/shop/OrderDao.java"), "shop/OrderDao.java",
        "src/main/java/shop/OrderDao.java", "app/src/main/java/shop/OrderDao.java", false);
    List<ReportedFinding> found = SpotBugsEngine.readXml(xml, List.of(file));
    assertEquals(3, found.size());
    ReportedFinding c = found.get(0);
    assertEquals("app/src/main/java/shop/OrderDao.java", c.path());
    assertEquals(17, c.line());
    assertEquals(CheckId.JdbcConnectionLeak, c.id());
    assertEquals("Connection 'c' acquired by DataSource.getConnection() is not closed", c.message());
    assertEquals("abc123", c.fingerprint());
    assertEquals(List.of("spotbugs"), c.engines());
    assertEquals(Severity.ERROR, c.severity());
    ReportedFinding s = found.get(1);
    assertEquals(18, s.line());
    assertEquals(32, s.fingerprint().length());
    assertEquals(Severity.WARNING, s.severity());
    // a connection leak at normal priority: the detector lowered it to a warning (ownership disputed)
    ReportedFinding d = found.get(2);
    assertEquals(CheckId.JdbcConnectionLeak, d.id());
    assertEquals(Severity.WARNING, d.severity());
  }

  @Test
  void includeFilterListsEveryCheckIdPoolSettingsIncluded() {
    String filter = SpotBugsEngine.includeFilter();
    for (CheckId id : CheckId.values()) {
      assertTrue(filter.contains("<Bug pattern=\"" + id.name() + "\"/>"), filter);
    }
    assertTrue(filter.contains("<Bug pattern=\"JdbcPoolUnboundedWait\"/>"), filter);
  }

  @Test
  void theForkedJvmGetsThePoolSizeCeilingAndTheModelFiles() {
    AnalysisRequest req = TestRequests.request(List.of(), List.of(), List.of("spotbugs"), new PathFilter(null, null), 50);
    assertEquals(List.of("-Dleakguard.poolSizeCeiling=50"), SpotBugsEngine.systemProperties(req));
    AnalysisRequest withModels = new AnalysisRequest(req.module(), req.basedir(), req.workDir(), req.reportRoot(),
        req.files(), req.classesDirs(), req.classpath(), req.javaLevel(), req.engines(),
        List.of(Path.of("/r/a.model"), Path.of("/r/b.model")), req.model(), req.errorproneVersion(), req.filter(),
        req.configFiles(), 100);
    assertEquals(List.of("-Dleakguard.modelFile=/r/a.model,/r/b.model", "-Dleakguard.poolSizeCeiling=100"),
        SpotBugsEngine.systemProperties(withModels));
  }
}
