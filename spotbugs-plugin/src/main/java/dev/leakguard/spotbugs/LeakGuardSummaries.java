package dev.leakguard.spotbugs;

import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Detector;
import edu.umd.cs.findbugs.NonReportingDetector;
import edu.umd.cs.findbugs.ba.ClassContext;
import org.apache.bcel.classfile.Field;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.Type;

/**
 * The first pass: for every application class, the summary of each method with a body that can
 * matter to a caller (closes a parameter on every path, takes it over, returns a fresh resource
 * or a field), and the fields its close and lifecycle methods close. Reports nothing; {@link
 * LeakGuardDetector} reads what it computed, in a later pass (see findbugs.xml), so helpers of
 * other classes ({@code JdbcHelper.closeAll(rs, st, con)}, {@code DaoSupport.openConnection()})
 * are understood without annotations or model entries.
 */
public final class LeakGuardSummaries implements Detector, NonReportingDetector {
  private final BugReporter reporter;

  public LeakGuardSummaries(BugReporter reporter) {
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
    String error = facts.modelErrorToTell();
    if (error != null) {
      reporter.logError(error);
    }
    JavaClass jc = cc.getJavaClass();
    String cls = jc.getClassName();
    for (Method m : jc.getMethods()) {
      try {
        if (!facts.hasSummary(cls, m.getName(), m.getSignature()) && facts.mayNeedSummary(m)) {
          facts.summary(cls, m.getName(), m.getSignature());
        }
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        facts.put(cls, m.getName(), m.getSignature(), null);
        if (facts.tellOnce("summary:" + cls + "." + m.getName() + m.getSignature())) {
          reporter.logError(
              "LeakGuard could not summarise " + cls + "." + m.getName() + m.getSignature()
                  + " (" + e + "); callers treat it as unknown");
        }
      }
    }
    for (Field f : jc.getFields()) {
      Type t = f.getType();
      if (t instanceof ObjectType o
          && (facts.kindOf(o.getClassName()) != null || facts.isAutoCloseable(o.getClassName()))) {
        try {
          facts.closesField(cls, f.getName());
        } catch (RuntimeException e) {
          // computed again, and reported, by the reporting pass if it matters
        }
        break;
      }
    }
  }

  @Override
  public void report() {}
}
