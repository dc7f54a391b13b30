package dev.leakguard.source;

import dev.leakguard.core.model.MethodRule;
import java.util.List;
import java.util.Set;

/**
 * What the source engine knows about one call: the method it resolves to (from the tree, the JDK,
 * or only by name), its model rules, return type and checked exceptions.
 *
 * @param known true if the method's declaration was found (tree or JDK), so its return type is
 *     reliable enough for the default "returns an owned resource" rule
 * @param resultTypeOfArg the index of the parameter whose type is the method's type parameter that
 *     is also its result type ({@code <T> T requireNonNull(T obj)}): the call has that argument's
 *     type; -1 for none
 */
record CallInfo(
    String owner,
    String name,
    String returnType,
    List<String> checkedThrows,
    List<MethodRule> rules,
    TreeIndex.MethodInfo treeMethod,
    Set<String> annotations,
    List<Set<String>> paramAnnotations,
    List<String> paramTypes,
    boolean isConstructor,
    boolean known,
    String display,
    int resultTypeOfArg) {

  /** This call with a result type learned from where the result goes; its declaration counts as known. */
  CallInfo withResult(String type) {
    return new CallInfo(
        owner, name, type, checkedThrows, rules, treeMethod, annotations, paramAnnotations, paramTypes,
        isConstructor, true, display, resultTypeOfArg);
  }

  static CallInfo unknown(String name, int arity) {
    return new CallInfo(
        null, name, null, List.of(), List.of(), null, Set.of(), emptyParams(arity),
        java.util.Collections.nCopies(arity, (String) null), false, false, name + "(..)", -1);
  }

  /** A constructor of a class the engine cannot see: still a constructor of that class. */
  static CallInfo unknownConstructor(String owner, int arity) {
    return new CallInfo(
        owner, "<init>", owner, List.of(), List.of(), null, Set.of(), emptyParams(arity),
        java.util.Collections.nCopies(arity, (String) null), true, false,
        "new " + SourceLowering.simple(owner) + "(..)", -1);
  }

  /**
   * The constructor of a class the model lists as a resource, without its declaration: known to
   * make a new resource (no checked exceptions assumed).
   */
  static CallInfo listedResourceConstructor(String owner, int arity) {
    return new CallInfo(
        owner, "<init>", owner, List.of(), List.of(), null, Set.of(), emptyParams(arity),
        java.util.Collections.nCopies(arity, (String) null), true, true,
        "new " + SourceLowering.simple(owner) + "(..)", -1);
  }

  static List<Set<String>> emptyParams(int arity) {
    return java.util.Collections.nCopies(arity, Set.of());
  }
}
