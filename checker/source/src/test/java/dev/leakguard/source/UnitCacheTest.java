package dev.leakguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.Section;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parsed units kept between passes: the budget holds, and what is not kept changes no finding. */
class UnitCacheTest {

  private static final int NODE = UnitCache.BYTES_PER_NODE;

  @Test
  void leastRecentlyUsedGoesFirstAndTheBudgetHolds() {
    UnitCache cache = new UnitCache(100L * NODE);
    CompilationUnit a = new CompilationUnit();
    CompilationUnit b = new CompilationUnit();
    CompilationUnit c = new CompilationUnit();
    cache.put(Path.of("A.java"), a, 40);
    cache.put(Path.of("B.java"), b, 40);
    assertSame(a, cache.get(Path.of("A.java"))); // A is now the most recently used
    cache.put(Path.of("C.java"), c, 40);
    assertNull(cache.get(Path.of("B.java")));
    assertSame(a, cache.get(Path.of("A.java")));
    assertSame(c, cache.get(Path.of("C.java")));
    assertEquals(80L * NODE, cache.usedBytes());
    assertEquals(List.of(a, c), cache.units());
  }

  @Test
  void theUnitKeptFirstStaysAndIsShared() {
    UnitCache cache = new UnitCache(100L * NODE);
    CompilationUnit first = new CompilationUnit();
    CompilationUnit again = new CompilationUnit();
    cache.put(Path.of("A.java"), first, 60);
    cache.put(Path.of("A.java"), again, 60);
    assertSame(first, cache.get(Path.of("A.java")));
    assertSame(first, cache.pin(Path.of("A.java"), again, 60), "parsed twice at once: one unit for both");
    cache.unpin(Path.of("A.java"));
    assertEquals(60L * NODE, cache.usedBytes());
    assertEquals(1, cache.size());
  }

  @Test
  void aUnitLargerThanTheBudgetIsNotKept() {
    UnitCache cache = new UnitCache(100L * NODE);
    CompilationUnit small = new CompilationUnit();
    cache.put(Path.of("Small.java"), small, 10);
    cache.put(Path.of("Huge.java"), new CompilationUnit(), 101);
    assertNull(cache.get(Path.of("Huge.java")));
    assertSame(small, cache.get(Path.of("Small.java")));
    UnitCache none = new UnitCache(0);
    none.put(Path.of("A.java"), small, 1);
    assertEquals(0, none.size());
    assertThrows(IllegalArgumentException.class, () -> new UnitCache(-1));
    assertThrows(
        IllegalArgumentException.class, () -> SourceEngine.Options.defaults().withUnitCacheBytes(-2));
  }

  @Test
  void unitsInUseStayOverTheBudgetAndGoWhenNoLongerUsed() {
    UnitCache cache = new UnitCache(100L * NODE);
    CompilationUnit a = new CompilationUnit();
    CompilationUnit b = new CompilationUnit();
    CompilationUnit c = new CompilationUnit();
    assertNull(cache.pin(Path.of("A.java")), "not kept: the caller parses it");
    assertSame(a, cache.pin(Path.of("A.java"), a, 80));
    assertSame(b, cache.pin(Path.of("B.java"), b, 80));
    assertSame(a, cache.pin(Path.of("A.java")), "a second use of A shares its unit");
    assertEquals(160L * NODE, cache.usedBytes(), "both in use: over the budget");
    cache.unpin(Path.of("A.java"));
    assertSame(a, cache.get(Path.of("A.java")), "still in use once");
    cache.unpin(Path.of("A.java"));
    assertNull(cache.get(Path.of("A.java")), "no longer in use, and over the budget: it goes");
    cache.put(Path.of("C.java"), c, 10);
    assertEquals(90L * NODE, cache.usedBytes());
    cache.unpin(Path.of("B.java"));
    assertSame(b, cache.get(Path.of("B.java")), "within the budget again: kept");
    assertThrows(IllegalStateException.class, () -> cache.unpin(Path.of("B.java")));
    assertThrows(IllegalStateException.class, () -> cache.unpin(Path.of("Other.java")));
  }

  @Test
  void theAutomaticCacheStartsAtHalfTheHeap() {
    UnitCache cache = UnitCache.automatic();
    assertEquals(Runtime.getRuntime().maxMemory() / 2, cache.budgetBytes());
  }

  @Test
  void theBudgetGivesWayWhenTheHeapIsFullAndComesBackWhenItIsNot() {
    long max = 1000L * NODE;
    long[] live = {-1};
    UnitCache cache =
        new UnitCache(
            500L * NODE,
            new HeapWatch() {
              @Override
              public long liveAfterCollection() {
                return live[0];
              }

              @Override
              public long max() {
                return max;
              }
            });
    for (int i = 0; i < 5; i++) {
      cache.put(Path.of("F" + i + ".java"), new CompilationUnit(), 100);
    }
    assertEquals(500L * NODE, cache.usedBytes(), "no collection yet: the whole budget");
    live[0] = 800L * NODE; // 80 % full: 250 units' worth over the 55 % aimed at
    cache.put(Path.of("G.java"), new CompilationUnit(), 1);
    assertEquals(250L * NODE, cache.budgetBytes());
    assertTrue(cache.usedBytes() <= 250L * NODE, "units went: " + cache.usedBytes());
    assertNull(cache.get(Path.of("F0.java")), "the least recently used first");
    live[0] = 600L * NODE; // between 45 % and 70 %: left as it is
    cache.put(Path.of("H.java"), new CompilationUnit(), 1);
    assertEquals(250L * NODE, cache.budgetBytes());
    live[0] = 300L * NODE; // 30 % full: grows by what is missing to 55 %, up to where it started
    cache.put(Path.of("I.java"), new CompilationUnit(), 1);
    assertEquals(500L * NODE, cache.budgetBytes());
    assertTrue(HeapWatch.ofOldGeneration() == null || HeapWatch.ofOldGeneration().max() > 0);
  }

  /**
   * The whole corpus with no unit kept between passes, and with room for a few files only (so
   * units go in the middle of a pass and are parsed again, graphs kept for their methods with
   * them), gives the same findings, messages included, as with every unit kept.
   */
  @ParameterizedTest
  @MethodSource("dev.leakguard.conformance.Section#all")
  void whatIsNotKeptChangesNoFinding(Section section) throws Exception {
    Corpus corpus = section.load();
    List<String> all = findings(corpus, SourceEngine.Options.defaults().withUnitCacheBytes(Long.MAX_VALUE / 2));
    assertTrue(all.size() > 10, "the corpus has findings: " + all.size());
    assertEquals(all, findings(corpus, SourceEngine.Options.defaults().withUnitCacheBytes(0)));
    assertEquals(all, findings(corpus, SourceEngine.Options.defaults().withUnitCacheBytes(8_000L * NODE)));
  }

  private static List<String> findings(Corpus corpus, SourceEngine.Options options) {
    SourceEngine engine = SourceEngine.create(ResourceModel.builtIn(), corpus.root(), corpus.files(), options);
    List<String> out = new ArrayList<>();
    for (Path file : corpus.files()) {
      SourceEngine.FileResult r = engine.analyze(file);
      assertNull(r.skipped(), file + " skipped: " + r.skipped());
      for (ReportedFinding f : r.findings()) {
        out.add(r.path() + ":" + f.line() + " " + f.id().name() + " " + f.message());
      }
    }
    return out;
  }
}
