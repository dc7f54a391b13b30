package dev.leakguard.source.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The two Git questions the CLI asks: the top-level folder of a work tree, and the diff against a
 * ref. Git is run read-only ({@code GIT_OPTIONAL_LOCKS=0}: no opportunistic index refresh) with
 * fixed prefixes and no colour, pager or external diff, whatever the user's configuration says.
 */
final class Git {
  private static final long TIMEOUT_SECONDS = 300;

  private Git() {}

  /** The top-level folder of the work tree that holds {@code dir}, if any and if Git is there. */
  static Optional<Path> topLevel(Path dir) {
    try {
      Result r = run(dir, List.of("rev-parse", "--show-toplevel"));
      String out = r.stdout().strip();
      return r.exit() == 0 && !out.isEmpty() ? Optional.of(Path.of(out)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code git diff --unified=0 REF} run in {@code root}, paths relative to {@code root}.
   *
   * @throws CliException if Git is missing or fails (not a work tree, unknown ref), with its message
   */
  static String diff(Path root, String ref) throws CliException {
    if (ref.startsWith("-")) {
      throw new CliException("--diff: '" + ref + "' is not a ref (use '--diff -' to read a diff from stdin)");
    }
    List<String> args =
        List.of(
            "-c", "core.quotepath=off",
            "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames",
            "--src-prefix=a/", "--dst-prefix=b/", "--relative", "--unified=0",
            ref, "--");
    Result r;
    try {
      r = run(root, args);
    } catch (IOException e) {
      throw new CliException("--diff " + ref + ": cannot run git (" + InputFiles.describe(e) + ")", e);
    }
    if (r.exit() != 0) {
      String msg = r.stderr().strip();
      throw new CliException(
          "--diff " + ref + ": 'git diff' failed in " + root + (msg.isEmpty() ? "" : ": " + msg));
    }
    return r.stdout();
  }

  /**
   * The files of the work tree under {@code root} that Git does not track and does not ignore
   * ({@code git ls-files --others --exclude-standard}), relative to {@code root}: new files that
   * {@code git diff REF} does not show.
   */
  static List<String> untracked(Path root) throws CliException {
    Result r;
    try {
      r = run(root, List.of("-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard", "-z", "--"));
    } catch (IOException e) {
      throw new CliException("--diff: cannot run git (" + InputFiles.describe(e) + ")", e);
    }
    if (r.exit() != 0) {
      String msg = r.stderr().strip();
      throw new CliException("--diff: 'git ls-files' failed in " + root + (msg.isEmpty() ? "" : ": " + msg));
    }
    List<String> out = new ArrayList<>();
    for (String p : r.stdout().split("\0")) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  record Result(int exit, String stdout, String stderr) {}

  private static Result run(Path dir, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("--no-pager");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
    pb.environment().put("LC_ALL", "C");
    pb.environment().remove("GIT_DIR");
    pb.environment().remove("GIT_WORK_TREE");
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    byte[] out;
    try {
      out = readAll(p.getInputStream());
    } catch (UncheckedIOException e) {
      p.destroyForcibly();
      throw e.getCause();
    }
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("git did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(
          p.exitValue(),
          new String(out, StandardCharsets.UTF_8),
          new String(err.get(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while waiting for git", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot read git's error output", e.getCause());
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
