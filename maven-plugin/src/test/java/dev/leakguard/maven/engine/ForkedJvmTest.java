package dev.leakguard.maven.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedJvmTest {
  /** Prints its arguments one per line. */
  public static final class Echo {
    public static void main(String[] args) {
      for (String a : args) {
        System.out.println("<" + a + ">");
      }
      System.exit(3);
    }
  }

  @Test
  void quotesForTheLauncher() {
    assertEquals("\"C:\\\\Program Files\\\\x\"", ForkedJvm.quote("C:\\Program Files\\x"));
    assertEquals("\"say \\\"hi\\\"\"", ForkedJvm.quote("say \"hi\""));
  }

  @Test
  void argumentsAfterTheMainClassSurviveTheArgumentFile(@TempDir Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String cp = Path.of(Echo.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<String> args = List.of("-cp", cp, Echo.class.getName(), "a b", "c\\d", "\"q\"", "@notafile", "");
    ForkedJvm.Outcome o = ForkedJvm.run(java, args, dir.resolve("work dir"), "echo", s -> {});
    assertEquals(3, o.exitCode(), o.stderr());
    assertEquals("<a b>\n<c\\d>\n<\"q\">\n<@notafile>\n<>\n", o.stdout().replace("\r\n", "\n"));
    assertEquals(true, Files.exists(dir.resolve("work dir/echo.args")));
  }
}
