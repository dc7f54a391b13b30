package dev.leakguard.errorprone;

import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import dev.leakguard.core.finding.CheckId;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Shared body of the pool-configuration checks over Java code: pool settings set with constants
 * in a method ({@code config.setMaximumPoolSize(1)}). Each id is its own Error Prone check; the
 * settings of a method are read once ({@link PoolUnit}) and every check reports the issues of its id.
 */
abstract class PoolCheck extends BugChecker implements MethodTreeMatcher {
  /** Compilations (javac contexts) that were already told about a bad ceiling. */
  private static final Set<Object> TOLD = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private final CheckId id;
  private final PoolCeiling ceiling;

  PoolCheck(CheckId id, ErrorProneFlags flags) {
    this.id = id;
    this.ceiling = PoolCeiling.forFlags(flags);
  }

  @Override
  public final Description matchMethod(MethodTree tree, VisitorState state) {
    if (ceiling.error != null && TOLD.add(state.context)) {
      Log.instance(state.context)
          .error(new JCDiagnostic.Error("compiler", "proc.messager", ceiling.error));
    }
    PoolUnit.Result result = PoolUnit.of(state, ceiling.value).analyze(tree, state);
    if (result.tellOnce()) {
      Log.instance(state.context)
          .note(new JCDiagnostic.Note("compiler", "proc.messager", "method " + methodName(tree) + ": " + result.skipped()));
    }
    for (PoolUnit.Placed p : result.placed()) {
      if (p.issue().id() != id) {
        continue;
      }
      state.reportMatch(
          buildDescription(LeakCheck.position(p.at(), p.preferred())).setMessage(p.issue().message()).build());
      FindingSink.offer(
          () ->
              new FindingSink.Located(
                  LeakCheck.sourcePath(state), p.issue().line(), id, p.issue().message(), p.fingerprint(), false,
                  id.severity()));
    }
    return Description.NO_MATCH;
  }

  private static String methodName(MethodTree tree) {
    var s = ASTHelpers.getSymbol(tree);
    return s == null ? tree.getName().toString() : s.owner.getSimpleName() + "." + s.getSimpleName();
  }
}
