package dev.leakguard.errorprone;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import com.sun.tools.javac.util.Log;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Finding;
import dev.leakguard.core.finding.Severity;
import dev.leakguard.core.report.ReportedFinding;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Shared body of the LeakGuard checks. Each check id is its own Error Prone check (so it can be
 * enabled, disabled and suppressed by its id); the analysis of a method runs once and every check
 * reports the findings of its id.
 */
abstract class LeakCheck extends BugChecker implements MethodTreeMatcher {
  /** Compilations (javac contexts) that were already told about a bad model file or a crash. */
  private static final Set<Object> TOLD = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private final CheckId id;
  private final ModelHolder model;

  LeakCheck(CheckId id, ErrorProneFlags flags) {
    this.id = id;
    this.model = ModelHolder.forFlags(flags);
  }

  @Override
  public final Description matchMethod(MethodTree tree, VisitorState state) {
    if (model.error != null && TOLD.add(state.context)) {
      Log.instance(state.context)
          .error(new JCDiagnostic.Error("compiler", "proc.messager", model.error));
    }
    UnitContext.Result result = UnitContext.of(state, model.model).analyze(tree);
    if (result.tellOnce()) {
      note(state, "method " + methodName(tree) + ": " + result.skipped());
    }
    for (Finding f : result.findings()) {
      if (f.id() != id) {
        continue;
      }
      JCTree at = (JCTree) f.site().position();
      Description.Builder d =
          buildDescription(position(at, positionOf(f, state)))
              .setMessage(f.message());
      if (f.severity() != id.severity()) {
        d.overrideSeverity(level(f.severity()));
      }
      SuggestedFix fix = result.fixes(tree, state).get(f);
      if (fix != null) {
        d.addFix(fix);
      }
      state.reportMatch(d.build());
      boolean fixable = fix != null;
      FindingSink.offer(
          () ->
              new FindingSink.Located(
                  sourcePath(state),
                  f.line(),
                  f.id(),
                  f.message(),
                  ReportedFinding.fingerprintOf(
                      f.id(), signature(tree, state), f.site().typeName(), String.valueOf(state.getSourceForNode(at))),
                  fixable,
                  f.severity()));
    }
    return Description.NO_MATCH;
  }

  /** Error Prone's level for a severity. */
  static BugPattern.SeverityLevel level(Severity s) {
    return switch (s) {
      case ERROR -> BugPattern.SeverityLevel.ERROR;
      case WARNING -> BugPattern.SeverityLevel.WARNING;
      case NOTE -> BugPattern.SeverityLevel.SUGGESTION;
    };
  }

  private static int positionOf(Finding f, VisitorState state) {
    JCTree t = (JCTree) f.site().position();
    if (t instanceof JCTree.JCMethodInvocation mit && mit.meth instanceof JCTree.JCFieldAccess fa) {
      int end = state.getEndPosition(fa);
      if (end > 0) {
        return end - fa.name.length();
      }
    }
    return t.getStartPosition();
  }

  /** The path of the file being compiled, as the reports name it. */
  static String sourcePath(VisitorState state) {
    return state.getPath().getCompilationUnit().getSourceFile().toUri().getPath();
  }

  /** The method signature of fingerprints ({@link ReportedFinding#methodSignature}). */
  static String signature(MethodTree tree, VisitorState state) {
    var s = ASTHelpers.getSymbol(tree);
    if (s == null) {
      return tree.getName().toString();
    }
    java.util.List<String> params = new java.util.ArrayList<>();
    for (var p : s.getParameters()) {
      params.add(Facts.erasedName(p.type, state.getTypes()));
    }
    return ReportedFinding.methodSignature(
        Facts.erasedName(s.owner.type, state.getTypes()), s.getSimpleName().toString(), params);
  }

  private static String methodName(MethodTree tree) {
    var s = ASTHelpers.getSymbol(tree);
    return s == null ? tree.getName().toString() : s.owner.getSimpleName() + "." + s.getSimpleName();
  }

  private static void note(VisitorState state, String message) {
    Log.instance(state.context).note(new JCDiagnostic.Note("compiler", "proc.messager", message));
  }

  /** A position reported at the acquiring method's name, spanning the whole call. */
  static DiagnosticPosition position(JCTree tree, int preferred) {
    return new DiagnosticPosition() {
      @Override
      public JCTree getTree() {
        return tree;
      }

      @Override
      public int getStartPosition() {
        return tree.getStartPosition();
      }

      @Override
      public int getPreferredPosition() {
        return preferred;
      }

      @Override
      public int getEndPosition(EndPosTable endPosTable) {
        return tree.getEndPosition(endPosTable);
      }
    };
  }
}
