package dev.leakguard.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.TypeParameter;
import dev.leakguard.core.analysis.UsageEvidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the passes of the engine look up in a whole unit, found in one walk (the walk that drops
 * its tokens, see {@link UnitText}) instead of one walk of the unit per pass and per question.
 * Lists are in the order of {@link Node#findAll(Class)}: pre-order.
 */
final class UnitFacts {
  private static final DataKey<UnitFacts> KEY = new DataKey<>() {};

  /** The methods and constructors, anonymous and local classes' included. */
  final List<CallableDeclaration<?>> callables = new ArrayList<>();
  /** The type declarations, nested and local ones included. */
  final List<TypeDeclaration<?>> types = new ArrayList<>();
  final List<RecordDeclaration> records = new ArrayList<>();
  final List<TypeParameter> typeParameters = new ArrayList<>();
  /** The names of the pattern variables. */
  final Set<String> patternNames = new HashSet<>();
  /**
   * The callables whose body has a try-with-resources or a call whose name says it may close
   * something (see {@link UsageEvidence#mayClose}), in a nested body too.
   */
  private final Set<CallableDeclaration<?>> mayClose = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Takes note of one node of the unit (call for every node, in any order). */
  void visit(Node n) {
    if (n instanceof CallableDeclaration<?> d) {
      callables.add(d);
    } else if (n instanceof TypeDeclaration<?> t) {
      types.add(t);
      if (t instanceof RecordDeclaration r) {
        records.add(r);
      }
    } else if (n instanceof TypeParameter tp) {
      typeParameters.add(tp);
    } else if (n instanceof TypePatternExpr p) {
      patternNames.add(p.getNameAsString());
    } else if (n instanceof TryStmt t && !t.getResources().isEmpty()) {
      closesIn(n);
    } else if (n instanceof MethodCallExpr c && UsageEvidence.mayClose(c.getNameAsString())) {
      closesIn(n);
    }
  }

  /** Marks every callable whose body holds {@code n}. */
  private void closesIn(Node n) {
    Node child = n;
    for (Node p = n.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> d && body(d) == child) {
        mayClose.add(d);
      }
    }
  }

  private static Node body(CallableDeclaration<?> d) {
    return d instanceof MethodDeclaration md ? md.getBody().orElse(null) : ((ConstructorDeclaration) d).getBody();
  }

  /** A body with a try-with-resources or a call whose name says it may close something. */
  boolean mayClose(CallableDeclaration<?> d) {
    return mayClose.contains(d);
  }

  /**
   * What a body tells about its boolean flags (see {@code SourceLowering#bodyFlags}): the uses of
   * each, and the names it assigns.
   */
  record BodyFlags(Map<String, Integer> uses, Set<String> assigned) {}

  /** By body: a method is lowered up to four times (summaries and analysis, in two passes). */
  private final Map<Node, BodyFlags> bodyFlags = new IdentityHashMap<>();

  private final Map<CallableDeclaration<?>, String> declarationTexts = new IdentityHashMap<>();

  /** The flags of {@code body} of this unit, found by {@code find} the first time. */
  synchronized BodyFlags bodyFlags(Node body, Function<Node, BodyFlags> find) {
    return bodyFlags.computeIfAbsent(body, find);
  }

  /** {@code d.getDeclarationAsString(false, false, false)}, made once. */
  synchronized String declarationText(CallableDeclaration<?> d) {
    return declarationTexts.computeIfAbsent(d, k -> k.getDeclarationAsString(false, false, false));
  }

  /** Keeps these facts with their unit. */
  void attachTo(CompilationUnit cu) {
    synchronized (cu) {
      cu.setData(KEY, this);
    }
  }

  /** The facts of a unit: those kept with it, or found now. */
  static UnitFacts of(CompilationUnit cu) {
    // units are shared by the threads that compute summaries, which add data of their own
    synchronized (cu) {
      if (cu.containsData(KEY)) {
        return cu.getData(KEY);
      }
      UnitFacts facts = new UnitFacts();
      Nodes.walk(cu, facts::visit);
      cu.setData(KEY, facts);
      return facts;
    }
  }
}
