package dev.leakguard.spotbugs;

import dev.leakguard.core.analysis.AnalysisResult;
import dev.leakguard.core.analysis.CallEffects;
import dev.leakguard.core.analysis.ObligationAnalysis;
import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Finding;
import dev.leakguard.core.finding.Severity;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Detector;
import edu.umd.cs.findbugs.Priorities;
import edu.umd.cs.findbugs.SourceLineAnnotation;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.HashSet;
import java.util.Set;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InvokeInstruction;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.NEW;
import org.apache.bcel.generic.ObjectType;

/**
 * Reports JDBC resources not closed on every path, one bug per leaked resource, with LeakGuard's
 * check ids as bug types. Each method with a body, lambda bodies included (javac compiles them to
 * methods of their own), is lowered to the core's events and analysed by the core; the message is
 * the core's, shown as the bug's long description.
 */
public final class LeakGuardDetector implements Detector {
  /** Debugging aid: the event graph of methods with this name is printed to standard error. */
  static final String DUMP_PROPERTY = "leakguard.internal.dumpMethod";

  /** The method names whose graphs and calls are printed (a comma-separated list; debugging only). */
  private static final Set<String> DUMPED =
      Set.copyOf(java.util.Arrays.asList(System.getProperty(DUMP_PROPERTY, "").split(",")));

  /** True if calls of, and the graph of, methods named {@code name} are printed. */
  static boolean dumped(String name) {
    return !name.isEmpty() && DUMPED.contains(name);
  }

  private final BugReporter reporter;

  public LeakGuardDetector(BugReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void visitClassContext(ClassContext cc) {
    ProgramFacts facts = ProgramFacts.current();
    // the facts are shared by the whole analysis; one class at a time if SpotBugs runs threads
    synchronized (facts) {
      visit(cc, facts);
    }
  }

  private void visit(ClassContext cc, ProgramFacts facts) {
    facts.endProbing();
    String error = facts.modelErrorToTell();
    if (error != null) {
      reporter.logError(error);
    }
    JavaClass jc = cc.getJavaClass();
    for (Method m : jc.getMethods()) {
      if (m.getCode() == null || m.isAbstract() || m.isNative()) {
        continue;
      }
      try {
        analyze(facts, cc, jc, m);
      } catch (BytecodeLowering.Unsupported e) {
        // bytecode not produced by a Java compiler (subroutines...): no findings, by design
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        reporter.logError(
            "LeakGuard could not analyse " + jc.getClassName() + "." + m.getName() + m.getSignature()
                + " (" + e + "); no LeakGuard findings for it. Please report this with the class file.");
      }
    }
  }

  private void analyze(ProgramFacts facts, ClassContext cc, JavaClass jc, Method m) {
    MethodGen mg = cc.getMethodGen(m);
    if (mg == null || !mayAcquire(facts, mg)) {
      return;
    }
    BytecodeLowering.Result lowered = BytecodeLowering.lower(facts, jc.getClassName(), m, mg);
    if (dumped(m.getName())) {
      System.err.println(lowered.graph().dump());
    }
    AnalysisResult result = ObligationAnalysis.analyze(lowered.graph(), facts.model()::implicitClose);
    if (result.gaveUp()) {
      return; // too many paths: no guesses in the build gate
    }
    Set<String> reported = new HashSet<>();
    for (Finding f : result.findings()) {
      // one finding per resource per source line, whatever copies of the code javac made
      String key = f.id() + ":" + f.line() + ":" + f.site().acquiredBy() + ":" + f.site().variable();
      if (!reported.add(key) || Suppression.suppressed(facts, jc, m, f.id())) {
        continue;
      }
      int pc = (Integer) f.site().position();
      BugInstance bug =
          new BugInstance(this, f.id().name(), priority(f.severity()))
              .addClassAndMethod(jc, m)
              .addString(f.message());
      bug.addSourceLine(SourceLineAnnotation.fromVisitedInstruction(cc, m, pc));
      reporter.reportBug(bug);
    }
  }

  /** SpotBugs priority from a finding's severity: error high, warning normal, note low. */
  static int priority(Severity severity) {
    return switch (severity) {
      case ERROR -> Priorities.HIGH_PRIORITY;
      case WARNING -> Priorities.NORMAL_PRIORITY;
      case NOTE -> Priorities.LOW_PRIORITY;
    };
  }

  /** Cheap pre-filter: does the method call anything that can produce a resource? */
  private static boolean mayAcquire(ProgramFacts facts, MethodGen mg) {
    ConstantPoolGen cpg = mg.getConstantPool();
    Set<String> names = facts.model().methodNamesWithRules();
    for (InstructionHandle ih : mg.getInstructionList().getInstructionHandles()) {
      if (ih.getInstruction() instanceof InvokeInstruction inv && inv.getOpcode() != Const.INVOKEDYNAMIC) {
        if (inv.getReturnType(cpg) instanceof ObjectType rt && facts.kindOf(rt.getClassName()) != null) {
          return true;
        }
        String name = inv.getMethodName(cpg);
        if (names.contains(name) && acquiresByRule(facts, inv, cpg, name)) {
          return true;
        }
      } else if (ih.getInstruction() instanceof NEW n
          && facts.kindOf(n.getLoadClassType(cpg).getClassName()) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean acquiresByRule(
      ProgramFacts facts, InvokeInstruction inv, ConstantPoolGen cpg, String name) {
    String owner =
        inv.getReferenceType(cpg) instanceof ObjectType o ? o.getClassName() : "java.lang.Object";
    String desc = inv.getSignature(cpg);
    var resolved = facts.resolve(owner, name, desc, inv.getOpcode() == Const.INVOKESTATIC);
    return CallEffects.acquires(facts.rules(resolved == null ? owner : resolved.declaringClass(), name, desc));
  }

  @Override
  public void report() {}
}
