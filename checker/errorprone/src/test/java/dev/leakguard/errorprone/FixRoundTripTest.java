package dev.leakguard.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.leakguard.conformance.Corpus;
import dev.leakguard.conformance.FixRoundTrip;
import dev.leakguard.conformance.FixRoundTrip.Key;
import dev.leakguard.core.finding.CheckId;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every suggested fix of the whole corpus, applied at once by every check in one patch run: the
 * result compiles, every fixed leak is gone and no other finding appears.
 */
class FixRoundTripTest {
  private static final String PATCH_CHECKS =
      Arrays.stream(CheckId.values()).map(CheckId::name).collect(Collectors.joining(","));

  @Test
  void allFixesTogetherCompileAndLeaveOnlyTheUnfixedFindings(@TempDir Path dir) throws Exception {
    Corpus copy = FixRoundTrip.copy(Corpus.load(Corpus.locateRoot()), dir);

    EpCompiler.Result patchRun =
        EpCompiler.compile(copy.files(), List.of("-XepPatchChecks:" + PATCH_CHECKS, "-XepPatchLocation:IN_PLACE"));
    List<Key> fixed = new ArrayList<>();
    List<Key> unfixed = new ArrayList<>();
    for (EpCompiler.Reported f : patchRun.findings()) {
      boolean hasFix = f.message().contains("Did you mean");
      Key k = FixRoundTrip.Key.of(copy.relativize(f.file()), f.id(), firstLine(f.message()));
      (hasFix ? fixed : unfixed).add(k);
      if (hasFix) {
        assertTrue(!f.message().contains("handed over"), "a try-with-resources fix for a resource handed over: " + f);
      }
    }

    Compilation compiled =
        Compiler.javac()
            .withClasspath(classPath())
            .withOptions("-proc:none", "-encoding", "UTF-8")
            .compile(sources(copy.files()));
    assertEquals(
        Compilation.Status.SUCCESS,
        compiled.status(),
        "the patched corpus must compile: " + compiled.errors());

    EpCompiler.Result after = EpCompiler.compile(copy.files(), List.of());
    List<Key> afterKeys = new ArrayList<>();
    for (EpCompiler.Reported f : after.findings()) {
      afterKeys.add(FixRoundTrip.Key.of(copy.relativize(f.file()), f.id(), firstLine(f.message())));
    }
    Map<Key, Integer> allowed = FixRoundTrip.count(unfixed);
    List<Key> added = FixRoundTrip.added(allowed, FixRoundTrip.count(afterKeys));
    System.out.printf(
        "fix round trip [errorprone]: %d findings, %d fixed at once, %d left after the fix (%d unfixed),"
            + " %d new%n",
        patchRun.findings().size(), fixed.size(), afterKeys.size(), unfixed.size(), added.size());
    assertTrue(added.isEmpty(), "findings the fix made or did not remove: " + added);
    // most leaks of the corpus are locals a try-with-resources closes
    assertTrue(fixed.size() * 2 > patchRun.findings().size(), fixed.size() + " of " + patchRun.findings().size());
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static List<File> classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(File::new)
        .collect(Collectors.toList());
  }

  private static List<JavaFileObject> sources(List<Path> files) throws Exception {
    List<JavaFileObject> out = new ArrayList<>();
    for (Path f : files) {
      out.add(JavaFileObjects.forResource(f.toUri().toURL()));
    }
    return out;
  }
}
