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
 * The first pass: every method of every application class that may close something is analysed
 * with undecided results tracked, and the methods whose results it closes are recorded as
 * evidence from callers ({@code UsageEvidence}). Reports nothing; {@link LeakGuardDetector} reads
 * the evidence in a later pass (see findbugs.xml), when it is complete, and computes the
 * summaries of the application's methods (helpers of other classes such as {@code
 * JdbcHelper.closeAll(rs, st, con)} or {@code DaoSupport.openConnection()}) on demand.
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
    for (Method m : jc.getMethods()) {
      try {
        facts.probe(cc, m);
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        // the reporting pass analyses the method again and tells if it cannot
      }
    }
  }

  @Override
  public void report() {}
}
