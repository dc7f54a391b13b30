package dev.leakguard.spotbugs;

import dev.leakguard.core.pool.Issue;
import dev.leakguard.core.pool.PoolCalls;
import dev.leakguard.core.report.ReportedFinding;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Detector;
import edu.umd.cs.findbugs.SourceLineAnnotation;
import edu.umd.cs.findbugs.ba.ClassContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.MethodGen;

/**
 * Reports connection-pool settings that Java code sets to values that starve or destabilise the
 * pool ({@code config.setMaximumPoolSize(1)}, {@code ds.setMaxWait(Duration.ofMillis(-1))} ...),
 * with the same check ids and messages as LeakGuard's configuration-file checks.
 *
 * <p>Each method, constructor and lambda body is a unit of its own. Its setter calls on the pool
 * classes ({@link PoolCallScanner}) are handed, in the order of the code, to the core's {@link
 * PoolCalls}, which applies the rules and builds the messages; only what the unit sets with
 * constants is checked. A unit under {@code @ConfigurationProperties} is not checked; {@code
 * @Profile} names its profile. The ceiling of the pool size is the property {@value
 * PoolCeiling#PROPERTY}.
 */
public final class LeakGuardPoolDetector implements Detector {
  /** The SpotBugs bug property that carries the finding's LeakGuard fingerprint. */
  static final String FINGERPRINT_PROPERTY = "leakguard.fingerprint";

  private final BugReporter reporter;
  private final PoolCeiling.Loaded ceiling = PoolCeiling.load();

  public LeakGuardPoolDetector(BugReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public void visitClassContext(ClassContext cc) {
    ProgramFacts facts = ProgramFacts.current();
    // the facts (class hierarchy) are shared by the whole analysis
    synchronized (facts) {
      visit(cc, facts);
    }
  }

  private void visit(ClassContext cc, ProgramFacts facts) {
    if (ceiling.error() != null && facts.tellOnce(PoolCeiling.PROPERTY)) {
      reporter.logError(ceiling.error());
    }
    JavaClass jc = cc.getJavaClass();
    if (!PoolCallScanner.mayCallSetter(jc.getConstantPool())) {
      return;
    }
    for (Method m : jc.getMethods()) {
      if (m.getCode() == null || m.isAbstract() || m.isNative()) {
        continue;
      }
      try {
        analyze(facts, cc, jc, m);
      } catch (PoolCallScanner.Unsupported e) {
        // bytecode not produced by a Java compiler (subroutines...): no findings, by design
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        reporter.logError(
            "LeakGuard could not check the pool settings of " + jc.getClassName() + "." + m.getName()
                + m.getSignature() + " (" + e + "); no pool findings for it. Please report this with the class file.");
      }
    }
  }

  private void analyze(ProgramFacts facts, ClassContext cc, JavaClass jc, Method m) {
    MethodGen mg = cc.getMethodGen(m);
    if (mg == null) {
      return;
    }
    List<PoolCallScanner.Call> calls = PoolCallScanner.scan(facts.hierarchy(), m, mg);
    if (calls.isEmpty()) {
      return;
    }
    PoolUnit.Unit unit = PoolUnit.of(facts.hierarchy(), jc, m);
    if (unit.boundFromProperties()) {
      return;
    }
    PoolCalls pool = new PoolCalls(unit.place(), unit.profile());
    Map<Integer, Integer> pcOfLine = new HashMap<>();
    for (PoolCallScanner.Call c : calls) {
      pool.add(c.receiverKey(), c.receiverText(), c.setter(), c.methodName(), c.value(), c.argumentText(), c.line());
      pcOfLine.putIfAbsent(c.line(), c.pc());
    }
    String signature = jc.getClassName() + "." + m.getName() + m.getSignature();
    Set<String> reported = new HashSet<>();
    for (Issue issue : pool.check(ceiling.value())) {
      // one finding per line and message, whatever copies of a finally block javac made
      if (!reported.add(issue.id() + ":" + issue.line() + ":" + issue.message())
          || Suppression.suppressed(facts, jc, m, issue.id())) {
        continue;
      }
      BugInstance bug =
          new BugInstance(this, issue.id().name(), LeakGuardDetector.priority(issue.id().severity()))
              .addClassAndMethod(jc, m)
              .addString(issue.message());
      Integer pc = pcOfLine.get(issue.line());
      if (pc != null) {
        bug.addSourceLine(SourceLineAnnotation.fromVisitedInstruction(cc, m, pc));
      }
      bug.setProperty(
          FINGERPRINT_PROPERTY, ReportedFinding.fingerprintOf(issue.id(), signature, "pool", issue.key()));
      reporter.reportBug(bug);
    }
  }

  @Override
  public void report() {}
}
