package dev.leakguard.errorprone;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import dev.leakguard.core.analysis.GraphSummaries;
import dev.leakguard.core.analysis.SummaryMemo;
import dev.leakguard.core.analysis.UsageEvidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What LeakGuard knows about one whole compilation (one javac run): the summaries of the methods
 * whose bodies it compiles, the classes it compiles from source (to find every override of a
 * called method), and the evidence from callers. Error Prone analyses one compilation unit at a
 * time, but under its compile policy every unit of the compilation is attributed before the first
 * is analysed, so the bodies of the whole module are visible: the same ones the other engines
 * see.
 */
final class Program {
  private static final Map<Context, Program> PROGRAMS = Collections.synchronizedMap(new WeakHashMap<>());

  final SummaryMemo<Symbol> summaries = new SummaryMemo<>();
  /** The summaries of graphs that took long, for both passes (see {@link GraphSummaries}). */
  private GraphSummaries graphSummaries;
  /**
   * Summaries of the first pass, where undecided results count as owned; kept from one part of
   * the pass to the next (it runs in parts, one per called method whose evidence is asked).
   */
  final SummaryMemo<Symbol> probeSummaries = new SummaryMemo<>();
  /**
   * Whether a method's body can throw as lowered without summaries, for both passes (see
   * UnitContext.canThrowAlone).
   */
  final Map<Symbol, Boolean> canThrowAlone = new HashMap<>();
  /** The bodies being lowered for {@link #canThrowAlone}. */
  final Set<Symbol> throwsInProgress = new HashSet<>();
  /** Bodies found not to throw under a cut, until the outermost one being lowered is done. */
  final Set<Symbol> throwsUnsure = new HashSet<>();
  /**
   * How many answers of false hung on a cut: a body being lowered for {@link #canThrowAlone}, one
   * too deep, or one of {@link #throwsUnsure}.
   */
  long throwsCuts;
  private final Context context;
  private List<ClassSymbol> sourceClasses;
  /** {@link #overrides} by method and receiver type. */
  private final Map<MethodSymbol, Map<Symbol.TypeSymbol, List<MethodSymbol>>> overrides = new HashMap<>();
  /** The evidence from callers gathered so far, by the parts of the first pass that ran. */
  final UsageEvidence usage = new UsageEvidence();
  /** The called methods ("name/arity") whose evidence was gathered, or is being gathered. */
  private final Set<String> probedCalls = new HashSet<>();
  /** The methods the first pass has analysed (or found it need not analyse). */
  private final Set<MethodTree> probedMethods = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The first pass's context of each unit (what it learns of closed fields stays in the pass). */
  final Map<CompilationUnitTree, UnitContext> probeContexts = new HashMap<>();
  boolean probing;

  private Program(Context context) {
    this.context = context;
  }

  static Program of(Context context) {
    synchronized (PROGRAMS) {
      return PROGRAMS.computeIfAbsent(context, Program::new);
    }
  }

  /** The graph summaries for {@code model}: the check's, the same for every unit of a compilation. */
  synchronized GraphSummaries graphSummaries(dev.leakguard.core.model.ResourceModel model) {
    if (graphSummaries == null || graphSummaries.model() != model) {
      graphSummaries = new GraphSummaries(model);
    }
    return graphSummaries;
  }

  /** The summaries of the current pass. */
  SummaryMemo<Symbol> summaries() {
    return probing ? probeSummaries : summaries;
  }

  /** Every class of this compilation that has a source tree, in a stable order. */
  synchronized List<ClassSymbol> sourceClasses() {
    if (sourceClasses == null) {
      Enter enter = Enter.instance(context);
      Map<String, ClassSymbol> found = new java.util.TreeMap<>();
      for (ClassSymbol c : Symtab.instance(context).getAllClasses()) {
        try {
          if (c.sourcefile != null && enter.getEnv(c) != null) {
            found.put(c.flatName().toString(), c);
          }
        } catch (RuntimeException e) {
          // a class javac could not complete: no body to see
        }
      }
      // local and anonymous classes are not entered with the others: their overrides are found
      // in the trees of the classes that declare them
      for (ClassSymbol c : new ArrayList<>(found.values())) {
        Declaration d = c.owner instanceof Symbol.PackageSymbol ? declarationOf(c) : null;
        if (d == null) {
          continue;
        }
        new com.sun.tools.javac.tree.TreeScanner() {
          @Override
          public void visitClassDef(JCTree.JCClassDecl t) {
            if (t.sym != null) {
              found.putIfAbsent(t.sym.flatName().toString(), t.sym);
            }
            super.visitClassDef(t);
          }
        }.scan((JCTree) d.tree());
      }
      sourceClasses = new ArrayList<>(found.values());
    }
    return sourceClasses;
  }

  /**
   * The methods of this compilation's classes that override {@code m} in a subtype of {@code
   * receiver} (an interface method's implementations included), with a body.
   */
  synchronized List<MethodSymbol> overrides(MethodSymbol m, Symbol.TypeSymbol receiver, Types types) {
    Map<Symbol.TypeSymbol, List<MethodSymbol>> byReceiver = overrides.computeIfAbsent(m, k -> new HashMap<>());
    List<MethodSymbol> out = byReceiver.get(receiver);
    if (out != null) {
      return out;
    }
    out = new ArrayList<>();
    if (!m.isStatic() && !m.isConstructor() && (m.flags() & (Flags.PRIVATE | Flags.FINAL)) == 0) {
      for (ClassSymbol c : subclassesOf(receiver, types)) {
        if (c == m.owner) {
          continue;
        }
        for (Symbol s : c.members().getSymbolsByName(m.getSimpleName())) {
          if (s instanceof MethodSymbol ms
              && ms != m
              && (ms.flags() & Flags.ABSTRACT) == 0
              && ms.overrides(m, c, types, true)) {
            out.add(ms);
          }
        }
      }
    }
    byReceiver.put(receiver, out);
    return out;
  }

  /**
   * The source classes other than {@code receiver} that are subclasses of it (implementations of
   * an interface included), in {@link #sourceClasses} order: asked for every called method.
   */
  private List<ClassSymbol> subclassesOf(Symbol.TypeSymbol receiver, Types types) {
    if (subclasses == null) {
      // each class under every one of its supertypes (its closure: what isSubClass accepts)
      subclasses = new HashMap<>();
      for (ClassSymbol c : sourceClasses()) {
        for (com.sun.tools.javac.code.Type t : types.closure(c.type)) {
          if (t.tsym != c) {
            List<ClassSymbol> under = subclasses.computeIfAbsent(t.tsym, k -> new ArrayList<>());
            if (under.isEmpty() || under.get(under.size() - 1) != c) {
              under.add(c);
            }
          }
        }
      }
    }
    return subclasses.getOrDefault(receiver, List.of());
  }

  private Map<Symbol.TypeSymbol, List<ClassSymbol>> subclasses;

  /** A declaration's tree and the compilation unit it is in. */
  record Declaration(Tree tree, CompilationUnitTree unit) {}

  /** The tree of a method with a body in whichever unit of this compilation declares it, or null. */
  synchronized Declaration declarationOf(Symbol m) {
    if (!(m instanceof MethodSymbol ms) || ms.getEnclosingElement() == null) {
      return null;
    }
    if (methodDeclarations.containsKey(ms)) {
      return methodDeclarations.get(ms);
    }
    Declaration d = declaration(ms);
    if (d == null || !(d.tree() instanceof MethodTree mt) || mt.getBody() == null) {
      d = null;
    }
    methodDeclarations.put(ms, d);
    return d;
  }

  /** The tree of a source class with its compilation unit, or null. */
  synchronized Declaration declarationOf(ClassSymbol c) {
    return declaration(c);
  }

  /** Method declarations by symbol, null for none: asked for every call of every method. */
  private final Map<Symbol, Declaration> methodDeclarations = new HashMap<>();
  /** Every class and method declaration of a unit by its symbol, each unit scanned once. */
  private final Map<CompilationUnitTree, Map<Symbol, JCTree>> declarations = new HashMap<>();

  /**
   * The tree and unit {@link JavacTrees#getPath(javax.lang.model.element.Element)} gives a class
   * or method symbol, or null; without scanning the unit again for every symbol (which that does).
   */
  private Declaration declaration(Symbol s) {
    try {
      // the unit javac entered the symbol's class in, as JavacTrees finds it
      Env<AttrContext> env = Enter.instance(context).getEnv(s.enclClass());
      if (env == null || env.toplevel == null) {
        return null;
      }
      JCTree tree = declarationsOf(env.toplevel).get(s);
      if (tree != null) {
        return new Declaration(tree, env.toplevel);
      }
      // a symbol without a tree of its own (an enum's values(), say): as JavacTrees answers
      TreePath p = JavacTrees.instance(context).getPath(s);
      return p == null ? null : new Declaration(p.getLeaf(), p.getCompilationUnit());
    } catch (RuntimeException e) {
      // not from source, or no longer available
      return null;
    }
  }

  /** Every class and method declaration of a unit of this compilation, by its symbol. */
  synchronized Map<Symbol, JCTree> declarationsOf(CompilationUnitTree unit) {
    Map<Symbol, JCTree> found = declarations.get(unit);
    if (found == null) {
      Map<Symbol, JCTree> out = new HashMap<>();
      new com.sun.tools.javac.tree.TreeScanner() {
        @Override
        public void visitClassDef(JCTree.JCClassDecl d) {
          if (d.sym != null) {
            out.putIfAbsent(d.sym, d);
          }
          super.visitClassDef(d);
        }

        @Override
        public void visitMethodDef(JCTree.JCMethodDecl d) {
          if (d.sym != null) {
            out.putIfAbsent(d.sym, d);
          }
          super.visitMethodDef(d);
        }
      }.scan((JCTree) unit);
      found = out;
      declarations.put(unit, found);
    }
    return found;
  }

  /** Units by class, for the first pass. */
  Map<CompilationUnitTree, List<ClassSymbol>> unitsOfSourceClasses() {
    Map<CompilationUnitTree, List<ClassSymbol>> out = new LinkedHashMap<>();
    for (ClassSymbol c : sourceClasses()) {
      Declaration d = declarationOf(c);
      if (d != null) {
        out.computeIfAbsent(d.unit(), k -> new ArrayList<>()).add(c);
      }
    }
    return out;
  }

  /**
   * True if a method of this name may close something (see {@link UsageEvidence#mayClose}): asked
   * for every call of every method in the first pass.
   */
  synchronized boolean mayClose(javax.lang.model.element.Name name) {
    return mayClose.computeIfAbsent(name, n -> UsageEvidence.mayClose(n.toString()));
  }

  private final Map<javax.lang.model.element.Name, Boolean> mayClose = new HashMap<>();

  /**
   * True the first time the evidence about the results of calls of {@code name} with {@code
   * arity} arguments is asked for: the part of the first pass that gathers it should run.
   */
  synchronized boolean firstAskFor(javax.lang.model.element.Name name, int arity) {
    return probedCalls.add(name + "/" + arity);
  }

  /** True the first time it is asked for {@code m}: the first pass should look at it now. */
  synchronized boolean firstProbeOf(MethodTree m) {
    return probedMethods.add(m);
  }
}
