package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.bugpatterns.BugChecker;
import dev.leakguard.core.finding.CheckId;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * -Xplugin:ErrorProne finds plugin checks with ServiceLoader, which needs META-INF/services and a
 * public no-arg constructor on each check; in-process tests that pass check classes directly would
 * not notice either missing.
 */
class RegistrationTest {
  @Test
  void everyCheckIdIsLoadableAsAnErrorPronePlugin() {
    Set<String> loaded = new TreeSet<>();
    for (BugChecker c : ServiceLoader.load(BugChecker.class, getClass().getClassLoader())) {
      if (c instanceof LeakCheck || c instanceof PoolCheck) {
        loaded.add(c.canonicalName());
      }
    }
    Set<String> expected = new TreeSet<>();
    for (CheckId id : CheckId.values()) {
      expected.add(id.name());
    }
    assertEquals(expected, loaded);
    assertEquals(expected.size(), Checks.ALL.size());
  }
}
