package dev.leakguard.conformance;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Parses corpus files with the JDK's compiler API (syntax only, no classpath needed) and lists
 * their methods. A file that does not parse is an error naming {@code file:line}.
 */
final class SourceStructure {
  private SourceStructure() {}

  /**
   * Returns the methods of {@code files}, in file order then source order.
   *
   * @param relativize maps each absolute file to its corpus-relative name
   */
  static List<MethodSpan> methods(List<Path> files, Function<Path, String> relativize)
      throws IOException {
    if (files.isEmpty()) {
      return List.of();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException(
          "no Java compiler available (running on a JRE?); the conformance harness parses the"
              + " corpus with the JDK's compiler API");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      JavacTask task =
          (JavacTask) compiler.getTask(null, fm, diagnostics, List.of("-proc:none"), null, units);
      Iterable<? extends CompilationUnitTree> trees;
      try {
        trees = task.parse();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          String name =
              d.getSource() == null ? "?" : relativize.apply(Path.of(d.getSource().toUri()));
          throw new IllegalArgumentException(
              name + ":" + d.getLineNumber() + ": does not parse: " + d.getMessage(Locale.ROOT));
        }
      }
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      List<MethodSpan> out = new ArrayList<>();
      for (CompilationUnitTree unit : trees) {
        String file = relativize.apply(Path.of(unit.getSourceFile().toUri()));
        new Scanner(unit, positions, file, out).scan(unit, null);
      }
      return out;
    }
  }

  private static final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final String file;
    private final List<MethodSpan> out;
    private final Deque<String> owners = new ArrayDeque<>();

    Scanner(CompilationUnitTree unit, SourcePositions positions, String file,
        List<MethodSpan> out) {
      this.unit = unit;
      this.positions = positions;
      this.file = file;
      this.out = out;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      String name = tree.getSimpleName().toString();
      owners.push(name.isEmpty() ? "<anonymous>" : name);
      try {
        return super.visitClass(tree, unused);
      } finally {
        owners.pop();
      }
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      if (tree.getBody() != null) {
        LineMap lines = unit.getLineMap();
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        out.add(new MethodSpan(file, owners.isEmpty() ? "?" : owners.peek(),
            tree.getName().toString(), (int) lines.getLineNumber(start),
            (int) lines.getLineNumber(end)));
      }
      return super.visitMethod(tree, unused);
    }
  }
}
