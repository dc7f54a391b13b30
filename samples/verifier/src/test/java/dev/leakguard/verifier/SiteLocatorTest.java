package dev.leakguard.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteLocatorTest {

  private final SiteLocator defaults = new SiteLocator(SiteLocator.DEFAULT_SKIPPED_PREFIXES, 3);

  @Test
  void skipsTheJdkThePoolTheDriverAndTheTestFramework() {
    assertTrue(defaults.isSkipped(String.class));
    assertTrue(defaults.isSkipped(java.sql.Connection.class));
    assertTrue(defaults.isSkipped(com.zaxxer.hikari.HikariDataSource.class));
    assertTrue(defaults.isSkipped(org.h2.Driver.class));
    assertTrue(defaults.isSkipped(Test.class));
  }

  @Test
  void skipsTheVerifiersOwnClassesButNotTestsInItsPackage() {
    assertTrue(defaults.isSkipped(VerifyingDataSource.class));
    assertTrue(defaults.isSkipped(TrackedResultSet.class));
    assertTrue(defaults.isSkipped(dev.leakguard.verifier.junit.LeakCheckExtension.class));
    assertFalse(defaults.isSkipped(SiteLocatorTest.class));
  }

  @Test
  void firstAppFrameIsTheCallingLine() {
    Site site = defaults.firstAppFrame();
    assertEquals(getClass().getName(), site.className());
    assertEquals("firstAppFrameIsTheCallingLine", site.methodName());
    assertEquals("SiteLocatorTest.java", site.fileName());
    assertEquals(SourceLines.lineOf(getClass(), "firstAppFrameIsTheCallingLine", "defaults.firstAppFrame();"), site.lineNumber());
  }

  @Test
  void captureKeepsTheCallersUpToTheLimit() {
    List<Site> one = new SiteLocator(SiteLocator.DEFAULT_SKIPPED_PREFIXES, 1).capture();
    assertEquals(1, one.size());
    List<Site> stack = helper();
    assertEquals("helper", stack.get(0).methodName());
    assertEquals("captureKeepsTheCallersUpToTheLimit", stack.get(1).methodName());
  }

  private List<Site> helper() {
    return defaults.capture();
  }

  @Test
  void siteTextRoundTrips() {
    Site site = new Site("com.acme.LoginDao", "login", "LoginDao.java", 42);
    assertEquals("com.acme.LoginDao.login(LoginDao.java:42)", site.toString());
    assertEquals(site, Site.parse(site.toString()));
    assertEquals("LoginDao", site.simpleClassName());
    assertEquals("?.?(Unknown Source)", Site.UNKNOWN.toString());
    assertEquals(Site.UNKNOWN, Site.parse(Site.UNKNOWN.toString()));
  }

  @Test
  void rejectsZeroAppFrames() {
    assertThrows(IllegalArgumentException.class, () -> new SiteLocator(List.of(), 0));
  }
}
