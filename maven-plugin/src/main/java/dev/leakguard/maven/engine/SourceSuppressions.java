package dev.leakguard.maven.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.leakguard.core.report.ReportedFinding;
import dev.leakguard.maven.InputFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code @SuppressWarnings("<Id>")} for engines that do not see it themselves: a finding is dropped
 * when a declaration around its line (class, method, constructor, field, local variable) carries
 * the annotation with its check id, as javac + Error Prone does. Bytecode never has the
 * annotation (it is source-retention). The source engine applies it on methods and classes
 * itself; this pass also covers fields and local variables, as Error Prone does.
 */
final class SourceSuppressions {
  private static final ThreadLocal<JavaParser> PARSER =
      ThreadLocal.withInitial(
          () -> new JavaParser(new ParserConfiguration()
              .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
              .setAttributeComments(false)));

  private SourceSuppressions() {}

  /** The findings no enclosing {@code @SuppressWarnings} covers. */
  static List<ReportedFinding> apply(List<ReportedFinding> findings, List<InputFile> files, Charset cs) {
    Map<String, InputFile> byPath = new HashMap<>();
    for (InputFile f : files) {
      byPath.put(f.reportPath(), f);
    }
    Map<String, List<Suppression>> cache = new HashMap<>();
    List<ReportedFinding> kept = new ArrayList<>();
    for (ReportedFinding f : findings) {
      InputFile file = byPath.get(f.path());
      if (file == null) {
        kept.add(f);
        continue;
      }
      List<Suppression> sups = cache.computeIfAbsent(f.path(), p -> suppressions(file, cs));
      boolean suppressed = false;
      for (Suppression s : sups) {
        suppressed |= s.begin <= f.line() && f.line() <= s.end && s.ids.contains(f.id().name());
      }
      if (!suppressed) {
        kept.add(f);
      }
    }
    return kept;
  }

  private record Suppression(int begin, int end, List<String> ids) {}

  private static List<Suppression> suppressions(InputFile file, Charset cs) {
    String text;
    try {
      text = new String(Files.readAllBytes(file.file()), cs);
    } catch (IOException e) {
      return List.of();
    }
    if (!text.contains("SuppressWarnings")) {
      return List.of();
    }
    ParseResult<CompilationUnit> r = PARSER.get().parse(text);
    if (r.getResult().isEmpty()) {
      return List.of();
    }
    List<Suppression> out = new ArrayList<>();
    for (AnnotationExpr a : r.getResult().get().findAll(AnnotationExpr.class)) {
      String name = a.getNameAsString();
      if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) {
        continue;
      }
      Node target = a.getParentNode().orElse(null);
      if (target == null || target.getRange().isEmpty()) {
        continue;
      }
      List<String> ids = new ArrayList<>();
      if (a instanceof SingleMemberAnnotationExpr s) {
        strings(s.getMemberValue(), ids);
      } else if (a instanceof NormalAnnotationExpr n) {
        for (MemberValuePair p : n.getPairs()) {
          if (p.getNameAsString().equals("value")) {
            strings(p.getValue(), ids);
          }
        }
      }
      out.add(new Suppression(target.getRange().get().begin.line, target.getRange().get().end.line, ids));
    }
    return out;
  }

  private static void strings(Expression e, List<String> out) {
    if (e instanceof StringLiteralExpr s) {
      out.add(s.asString());
    } else if (e instanceof ArrayInitializerExpr arr) {
      for (Expression v : arr.getValues()) {
        strings(v, out);
      }
    }
  }
}
