package dev.leakguard.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.leakguard.core.analysis.Site;
import dev.leakguard.core.finding.Finding;
import dev.leakguard.core.finding.LeakPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The try-with-resources fix of a method's leak findings.
 *
 * <p>A leaked local {@code T v = acquire(); rest...} becomes {@code try (T v = acquire()) { rest...
 * }} when that keeps behaviour: the variable is never reassigned, returned, stored or captured, no
 * path hands it (or a resource made from it) over, and the method declares what its close()
 * throws. The body is indented one level more, explicit top-level {@code v.close();} statements
 * go, and consecutive declarations share one header.
 *
 * <p>A resource a finding's resource closes, left open with it (a statement's result set, not
 * reported apart), is wrapped the same way when it qualifies.
 *
 * <p>All findings of a method get the same fix, built from every fixable finding of the method at
 * once: applied together (one check's or every check's fixes in one patch run) they are one
 * edit, so they compose instead of each inserting its own closing brace at the same offset.
 */
final class TryWithResourcesFix {
  private TryWithResourcesFix() {}

  /** A fixable declaration: the finding's variable in its block. */
  private record Candidate(Finding finding, VariableTree decl, BlockTree block, int index, Symbol var) {}

  /** One text edit of the method's source, in absolute offsets. */
  private record Edit(int start, int end, String text, int order) {}

  /**
   * The fix of each fixable finding of a method (all the same fix); findings without a safe fix
   * are absent.
   */
  static Map<Finding, SuggestedFix> forMethod(List<Finding> findings, MethodTree method, VisitorState state) {
    TreePath methodPath = pathOf(method, state);
    if (methodPath == null || method.getBody() == null) {
      return Map.of();
    }
    List<Candidate> all = new ArrayList<>();
    Map<VariableTree, Candidate> byDecl = new LinkedHashMap<>();
    for (Finding f : findings) {
      Optional<Candidate> c = candidate(f, methodPath, method, state);
      if (c.isEmpty()) {
        continue;
      }
      all.add(c.get());
      byDecl.putIfAbsent(c.get().decl(), c.get());
      // what it closes, left open with it (its result set), goes in a header of its own too
      for (Site child : f.alsoCloses()) {
        Finding asChild =
            new Finding(f.id(), child, f.path(), List.of(), f.handedOver(), f.message(), false, List.of());
        candidate(asChild, methodPath, method, state).ifPresent(cc -> byDecl.putIfAbsent(cc.decl(), cc));
      }
    }
    if (byDecl.isEmpty()) {
      return Map.of();
    }
    Optional<SuggestedFix> fix = build(new ArrayList<>(byDecl.values()), method, state);
    if (fix.isEmpty()) {
      return Map.of();
    }
    Map<Finding, SuggestedFix> out = new IdentityHashMap<>();
    for (Candidate c : all) {
      out.put(c.finding(), fix.get());
    }
    return out;
  }

  private static TreePath declPath(Finding f, TreePath methodPath) {
    if (!(f.site().position() instanceof Tree call)) {
      return null;
    }
    TreePath callPath = TreePath.getPath(methodPath, call);
    if (callPath == null) {
      return null;
    }
    TreePath p = callPath.getParentPath();
    while (p != null && p.getLeaf().getKind() == Tree.Kind.PARENTHESIZED) {
      p = p.getParentPath();
    }
    return p;
  }

  private static Optional<Candidate> candidate(Finding f, TreePath methodPath, MethodTree method, VisitorState state) {
    switch (f.path().kind()) {
      case FIELD, NEXT_ITERATION, REASSIGNED, CONSTRUCTOR_FAILS, TEMPORARY -> {
        return Optional.empty();
      }
      default -> {}
    }
    if (f.handedOver()) {
      return Optional.empty();
    }
    TreePath declPath = declPath(f, methodPath);
    if (declPath == null
        || !(declPath.getLeaf() instanceof VariableTree decl)
        || decl.getInitializer() == null
        || ASTHelpers.stripParentheses(decl.getInitializer()) != f.site().position()
        || !(declPath.getParentPath().getLeaf() instanceof BlockTree block)
        || enclosingMethod(declPath) != method) {
      return Optional.empty();
    }
    Symbol var = ASTHelpers.getSymbol(decl);
    if (var == null
        || !isAutoCloseable(var.type, state)
        || !closeExceptionsDeclared(var.type, method, state)
        || !usesAreLocal(var, method, state)) {
      return Optional.empty();
    }
    return Optional.of(new Candidate(f, decl, block, block.getStatements().indexOf(decl), var));
  }

  /** Builds the method's one edit from all its candidates. */
  private static Optional<SuggestedFix> build(List<Candidate> candidates, MethodTree method, VisitorState state) {
    String source = state.getSourceCode() == null ? null : state.getSourceCode().toString();
    if (source == null) {
      return Optional.empty();
    }
    candidates.sort(Comparator.comparingInt(c -> start(c.decl(), state)));
    List<Edit> edits = new ArrayList<>();
    // [from, to) ranges whose lines move one level in, per wrapped group
    List<int[]> indented = new ArrayList<>();
    String unit = indentUnit(source, method, state);
    int order = 0;
    int i = 0;
    while (i < candidates.size()) {
      Candidate first = candidates.get(i);
      List<Candidate> group = new ArrayList<>();
      group.add(first);
      int j = i + 1;
      while (j < candidates.size()
          && candidates.get(j).block() == first.block()
          && candidates.get(j).index() == group.get(group.size() - 1).index() + 1
          && source
              .substring(state.getEndPosition(group.get(group.size() - 1).decl()), start(candidates.get(j).decl(), state))
              .isBlank()) { // one header for consecutive declarations, unless a comment sits between
        group.add(candidates.get(j));
        j++;
      }
      // candidates later in the same block nest inside this group's try
      List<? extends StatementTree> stmts = first.block().getStatements();
      Candidate lastOfGroup = group.get(group.size() - 1);
      int declStart = start(first.decl(), state);
      int declEnd = state.getEndPosition(lastOfGroup.decl());
      if (declStart < 0 || declEnd < 0) {
        return Optional.empty();
      }
      StringBuilder header = new StringBuilder("try (");
      for (int k = 0; k < group.size(); k++) {
        String text = declarationText(group.get(k).decl(), state);
        if (text == null) {
          return Optional.empty();
        }
        if (k > 0) {
          header.append(";\n").append(indentOf(source, declStart)).append(unit).append(unit);
        }
        header.append(text);
      }
      header.append(") {");
      // groups opened earlier whose body holds this declaration move it (and its brace) in
      int depth = depth(indented, declStart);
      edits.add(new Edit(declStart, declEnd, header.toString().replace("\n", "\n" + unit.repeat(depth)), order++));
      List<StatementTree> rest = new ArrayList<>(stmts.subList(lastOfGroup.index() + 1, stmts.size()));
      // explicit closes of the group's variables at this level go: the try closes them
      for (StatementTree s : rest) {
        if (group.stream().anyMatch(c -> isCloseOf(s, c.var()))) {
          int index = stmts.indexOf(s);
          int from = state.getEndPosition(stmts.get(index - 1));
          edits.add(new Edit(from, state.getEndPosition(s), "", order++));
        }
      }
      int bodyEnd =
          rest.isEmpty() ? declEnd : state.getEndPosition(rest.get(rest.size() - 1));
      indented.add(new int[] {declEnd, bodyEnd});
      // the closing brace, at the declaration's indentation; an inner group's brace comes first
      edits.add(new Edit(bodyEnd, bodyEnd, "\n" + indentOf(source, declStart) + unit.repeat(depth) + "}", -order++));
      i = j;
    }
    // one more level for each line inside a group, except inside text blocks and blank lines
    List<int[]> literals = multiLineLiterals(method, state);
    int lineStart = source.indexOf('\n', start(method.getBody(), state));
    int bodyEndPos = state.getEndPosition(method.getBody());
    while (lineStart >= 0 && lineStart < bodyEndPos) {
      int at = lineStart + 1;
      int depth = depth(indented, at);
      if (depth > 0 && !blankLine(source, at) && !inside(literals, at) && !insideEdit(edits, at)) {
        edits.add(new Edit(at, at, unit.repeat(depth), order++));
      }
      lineStart = source.indexOf('\n', at);
    }
    edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).thenComparingInt(Edit::order));
    int from = edits.get(0).start();
    int to = edits.stream().mapToInt(Edit::end).max().orElse(from);
    StringBuilder text = new StringBuilder();
    int pos = from;
    for (Edit e : edits) {
      if (e.start() < pos) {
        return Optional.empty(); // overlapping edits: no fix rather than a wrong one
      }
      text.append(source, pos, e.start()).append(e.text());
      pos = e.end();
    }
    text.append(source, pos, to);
    if (containsClass(method, from, to, state)) {
      return Optional.empty(); // a class body's own fixes would overlap this one
    }
    return Optional.of(
        SuggestedFix.builder()
            .setShortDescription("open the resources in try-with-resources")
            .replace(from, to, text.toString())
            .build());
  }

  /** How many groups' bodies hold this offset: (end of the header, end of the last statement]. */
  private static int depth(List<int[]> ranges, int at) {
    int d = 0;
    for (int[] r : ranges) {
      if (r[0] < at && at <= r[1]) {
        d++;
      }
    }
    return d;
  }

  private static boolean blankLine(String source, int at) {
    for (int k = at; k < source.length(); k++) {
      char ch = source.charAt(k);
      if (ch == '\n') {
        return true;
      }
      if (!Character.isWhitespace(ch)) {
        return false;
      }
    }
    return true;
  }

  private static boolean inside(List<int[]> ranges, int at) {
    for (int[] r : ranges) {
      if (r[0] < at && at < r[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideEdit(List<Edit> edits, int at) {
    for (Edit e : edits) {
      if (e.start() < at && at < e.end()) {
        return true;
      }
    }
    return false;
  }

  private static String indentOf(String source, int offset) {
    int lineStart = source.lastIndexOf('\n', offset - 1) + 1;
    int k = lineStart;
    while (k < offset && (source.charAt(k) == ' ' || source.charAt(k) == '\t')) {
      k++;
    }
    return source.substring(lineStart, k);
  }

  /** The file's indentation step: tabs if the method is indented with tabs, else its body's step. */
  private static String indentUnit(String source, MethodTree method, VisitorState state) {
    String outer = indentOf(source, start(method, state));
    if (outer.contains("\t")) {
      return "\t";
    }
    List<? extends StatementTree> stmts = method.getBody().getStatements();
    if (!stmts.isEmpty()) {
      String inner = indentOf(source, start(stmts.get(0), state));
      if (inner.startsWith(outer) && inner.length() > outer.length() && !inner.contains("\t")) {
        return inner.substring(outer.length());
      }
    }
    return "  ";
  }

  /**
   * The path to the method: the one Error Prone is matching (every caller's), else found by a scan
   * of the compilation unit.
   */
  private static TreePath pathOf(MethodTree method, VisitorState state) {
    TreePath p = state.getPath();
    return p != null && p.getLeaf() == method ? p : TreePath.getPath(p.getCompilationUnit(), method);
  }

  private static int start(Tree t, VisitorState state) {
    return ((com.sun.tools.javac.tree.JCTree) t).getStartPosition();
  }

  private static String declarationText(VariableTree decl, VisitorState state) {
    String text = state.getSourceForNode(decl);
    if (text == null) {
      return null;
    }
    text = text.trim();
    return text.endsWith(";") ? text.substring(0, text.length() - 1).trim() : text;
  }

  private static List<int[]> multiLineLiterals(MethodTree method, VisitorState state) {
    List<int[]> out = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitLiteral(LiteralTree node, Void unused) {
        if (node.getValue() instanceof String) {
          int s = start(node, state);
          int e = state.getEndPosition(node);
          String src = state.getSourceForNode(node);
          if (src != null && src.indexOf('\n') >= 0) {
            out.add(new int[] {s, e});
          }
        }
        return null;
      }
    }.scan(pathOf(method, state), null);
    return out;
  }

  private static boolean containsClass(MethodTree method, int from, int to, VisitorState state) {
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        int s = start(node, state);
        if (s < to && state.getEndPosition(node) > from) {
          found[0] = true;
        }
        return null;
      }
    }.scan(pathOf(method, state), null);
    return found[0];
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

  private static boolean isAutoCloseable(Type type, VisitorState state) {
    Type ac = state.getTypeFromString("java.lang.AutoCloseable");
    return ac != null && state.getTypes().isSubtype(state.getTypes().erasure(type), ac);
  }

  /** True if the method declares every checked exception that the type's close() throws. */
  private static boolean closeExceptionsDeclared(Type resource, MethodTree method, VisitorState state) {
    Symbol.MethodSymbol ms = ASTHelpers.getSymbol(method);
    if (ms == null) {
      return false;
    }
    Symbol.MethodSymbol close = closeMethod(resource, state);
    if (close == null) {
      return false;
    }
    Type runtime = state.getSymtab().runtimeExceptionType;
    Type error = state.getSymtab().errorType;
    for (Type thrown : close.getThrownTypes()) {
      if (state.getTypes().isSubtype(thrown, runtime) || state.getTypes().isSubtype(thrown, error)) {
        continue;
      }
      boolean declared = false;
      for (Type t : ms.getThrownTypes()) {
        declared |= state.getTypes().isSubtype(thrown, t);
      }
      if (!declared) {
        return false;
      }
    }
    return true;
  }

  private static Symbol.MethodSymbol closeMethod(Type type, VisitorState state) {
    for (Type t = type; t != null && t.tsym != null; ) {
      for (Symbol m : t.tsym.members().getSymbolsByName(state.getName("close"))) {
        if (m instanceof Symbol.MethodSymbol close && close.getParameters().isEmpty()) {
          return close;
        }
      }
      for (Type iface : state.getTypes().interfaces(t)) {
        Symbol.MethodSymbol close = closeMethod(iface, state);
        if (close != null) {
          return close;
        }
      }
      Type sup = state.getTypes().supertype(t);
      t = sup == null || sup.getKind() == javax.lang.model.type.TypeKind.NONE ? null : sup;
    }
    return null;
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

  /**
   * True if every use of var is a receiver, an argument or a null test, outside lambdas and
   * classes: never a value that flows on (returned, yielded, assigned, cast, in an array or a
   * conditional).
   */
  private static boolean usesAreLocal(Symbol var, MethodTree method, VisitorState state) {
    boolean[] ok = {true};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == var) {
          TreePath up = getCurrentPath().getParentPath();
          Tree child = node;
          while (up.getLeaf() instanceof ParenthesizedTree) {
            child = up.getLeaf();
            up = up.getParentPath();
          }
          Tree parent = up.getLeaf();
          if (parent instanceof ReturnTree
              || parent instanceof YieldTree
              || parent instanceof TypeCastTree
              || parent instanceof NewArrayTree
              || (parent instanceof ConditionalExpressionTree c && c.getCondition() != child)
              || (parent instanceof AssignmentTree as && (as.getExpression() == child || as.getVariable() == child))
              || parent instanceof CompoundAssignmentTree
              || (parent instanceof VariableTree vt && vt.getInitializer() == child)) {
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
    }.scan(pathOf(method, state), null);
    return ok[0];
  }
}
