package dev.leakguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.leakguard.core.finding.Finding;
import dev.leakguard.core.finding.LeakPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Suggests turning {@code T v = acquire(); rest...} into {@code try (T v = acquire()) { rest... }}
 * when that keeps behaviour: the declaration's block ends with the resource's use, the variable is
 * never reassigned, returned, stored or captured, and the method already declares the exception
 * that close() throws. Explicit top-level {@code v.close();} statements are removed.
 */
final class TryWithResourcesFix {
  private TryWithResourcesFix() {}

  static Optional<SuggestedFix> suggest(Finding f, VisitorState state) {
    if (f.path().kind() == LeakPath.Kind.FIELD || f.path().kind() == LeakPath.Kind.NEXT_ITERATION
        || f.path().kind() == LeakPath.Kind.REASSIGNED) {
      return Optional.empty();
    }
    Tree call = (Tree) f.site().position();
    TreePath methodPath = state.getPath();
    TreePath callPath = TreePath.getPath(methodPath, call);
    if (callPath == null) {
      return Optional.empty();
    }
    TreePath declPath = callPath.getParentPath();
    while (declPath != null && declPath.getLeaf().getKind() == Tree.Kind.PARENTHESIZED) {
      declPath = declPath.getParentPath();
    }
    if (declPath == null
        || !(declPath.getLeaf() instanceof VariableTree decl)
        || ASTHelpers.stripParentheses(decl.getInitializer()) != call
        || !(declPath.getParentPath().getLeaf() instanceof BlockTree block)) {
      return Optional.empty();
    }
    Symbol var = ASTHelpers.getSymbol(decl);
    MethodTree method = enclosingMethod(declPath);
    if (var == null || method == null || !closeExceptionsDeclared(var.type, method, state)) {
      return Optional.empty();
    }
    List<? extends StatementTree> stmts = block.getStatements();
    int at = stmts.indexOf(decl);
    List<? extends StatementTree> rest = stmts.subList(at + 1, stmts.size());
    if (!usesAreLocal(var, method, decl, state)) {
      return Optional.empty();
    }
    String declText = state.getSourceForNode(decl);
    if (declText == null) {
      return Optional.empty();
    }
    declText = declText.trim();
    if (declText.endsWith(";")) {
      declText = declText.substring(0, declText.length() - 1);
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    if (rest.isEmpty()) {
      fix.replace(decl, "try (" + declText + ") {\n}");
      return Optional.of(fix.build());
    }
    fix.replace(decl, "try (" + declText + ") {");
    StatementTree last = rest.get(rest.size() - 1);
    List<StatementTree> closes = new ArrayList<>();
    for (StatementTree s : rest) {
      if (isCloseOf(s, var)) {
        closes.add(s);
      }
    }
    for (StatementTree s : closes) {
      if (s == last) {
        fix.replace(s, "}");
      } else {
        // remove the statement with the line break before it
        int index = stmts.indexOf(s);
        int from = state.getEndPosition(stmts.get(index - 1));
        fix.replace(from, state.getEndPosition(s), "");
      }
    }
    if (!closes.contains(last)) {
      fix.postfixWith(last, "\n}");
    }
    return Optional.of(fix.build());
  }

  private static MethodTree enclosingMethod(TreePath p) {
    for (TreePath q = p; q != null; q = q.getParentPath()) {
      if (q.getLeaf() instanceof LambdaExpressionTree || q.getLeaf() instanceof ClassTree) {
        return null; // keep fixes simple: plain method bodies only
      }
      if (q.getLeaf() instanceof MethodTree m) {
        return m;
      }
    }
    return null;
  }

  private static boolean closeExceptionsDeclared(Type resource, MethodTree method, VisitorState state) {
    Symbol.MethodSymbol ms = ASTHelpers.getSymbol(method);
    if (ms == null) {
      return false;
    }
    Type sqlException = state.getTypeFromString("java.sql.SQLException");
    if (sqlException == null) {
      return false;
    }
    for (Type t : ms.getThrownTypes()) {
      if (state.getTypes().isSubtype(sqlException, t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCloseOf(StatementTree s, Symbol var) {
    if (s instanceof ExpressionStatementTree es
        && es.getExpression() instanceof MethodInvocationTree mit
        && mit.getArguments().isEmpty()
        && mit.getMethodSelect() instanceof MemberSelectTree ms
        && ms.getIdentifier().contentEquals("close")) {
      return ASTHelpers.getSymbol(ms.getExpression()) == var;
    }
    return false;
  }

  /** True if every use of var is a receiver, an argument or a null test. */
  private static boolean usesAreLocal(Symbol var, MethodTree method, VariableTree decl, VisitorState state) {
    boolean[] ok = {true};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == var) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          if (parent instanceof ReturnTree
              || (parent instanceof AssignmentTree as && as.getExpression() == node)
              || (parent instanceof AssignmentTree as2 && as2.getVariable() == node)
              || (parent instanceof VariableTree vt && vt.getInitializer() == node)) {
            ok[0] = false;
          }
          for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof ClassTree) {
              ok[0] = false;
              break;
            }
            if (p.getLeaf() == method) {
              break;
            }
          }
        }
        return null;
      }
    }.scan(new TreePath(new TreePath(state.getPath().getCompilationUnit()), method), null);
    return ok[0];
  }
}
