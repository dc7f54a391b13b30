package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class AcquisitionSitesTest {

  @Test
  void everyDistinctSiteIsRecordedWithItsCountClosedOrNot() throws Exception {
    VerifyingDataSource verifier =
        VerifyingDataSource.builder(TestDatabase.create(3)).recordAcquisitionSites().build();
    for (int i = 0; i < 5; i++) {
      try (Connection connection = verifier.getConnection();
          PreparedStatement query = connection.prepareStatement("select id from items");
          ResultSet rows = query.executeQuery()) {
        rows.next();
      }
    }
    Connection leaked = verifier.getConnection();

    String method = "everyDistinctSiteIsRecordedWithItsCountClosedOrNot";
    assertEquals(
        List.of(
            "Connection " + line(method, "Connection connection = verifier.getConnection();") + " x5",
            "PreparedStatement " + line(method, "connection.prepareStatement(\"select id from items\")") + " x5",
            "ResultSet " + line(method, "ResultSet rows = query.executeQuery()") + " x5",
            "Connection " + line(method, "Connection leaked = verifier.getConnection();") + " x1"),
        describe(verifier.acquisitionSites()));
    assertEquals(1, verifier.leaks().size());
    leaked.close();
    assertEquals(4, verifier.acquisitionSites().size(), "closing forgets the record, not the site");
    assertEquals(0, verifier.retainedRecords());
  }

  @Test
  void aHelperThatAcquiresIsRecordedWithItsCaller() throws Exception {
    VerifyingDataSource verifier =
        VerifyingDataSource.builder(TestDatabase.create(1)).recordAcquisitionSites().build();
    openAndClose(verifier);
    openAndClose(verifier);

    List<AcquisitionSite> sites = verifier.acquisitionSites();
    assertEquals(2, sites.size(), "one per call line: " + describe(sites));
    for (AcquisitionSite site : sites) {
      assertEquals("openAndClose", site.site().methodName());
      assertEquals(1, site.count());
      assertEquals("aHelperThatAcquiresIsRecordedWithItsCaller", site.appStack().get(1).methodName());
    }
  }

  @Test
  void sitesAreOffByDefaultAndAskingForThemSaysSo() throws Exception {
    VerifyingDataSource verifier = VerifyingDataSource.wrap(TestDatabase.create(1));
    verifier.getConnection().close();
    IllegalStateException off = assertThrows(IllegalStateException.class, verifier::acquisitionSites);
    assertTrue(off.getMessage().contains("recordAcquisitionSites()"), off.getMessage());
  }

  @Test
  void resetForgetsTheSites() throws Exception {
    VerifyingDataSource verifier =
        VerifyingDataSource.builder(TestDatabase.create(1)).recordAcquisitionSites().build();
    verifier.getConnection().close();
    verifier.reset();
    assertEquals(List.of(), verifier.acquisitionSites());
  }

  private static void openAndClose(DataSource dataSource) throws SQLException {
    dataSource.getConnection().close();
  }

  private int line(String method, String code) {
    return SourceLines.lineOf(getClass(), method, code);
  }

  private static List<String> describe(List<AcquisitionSite> sites) {
    return sites.stream()
        .map(site -> site.type() + " " + site.site().lineNumber() + " x" + site.count())
        .toList();
  }
}
