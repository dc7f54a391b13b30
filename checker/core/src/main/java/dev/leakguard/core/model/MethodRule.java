package dev.leakguard.core.model;

import java.util.List;

/**
 * What the model says a method call does to resources. A call may carry several rules (for
 * example {@code Statement.executeQuery} acquires a ResultSet and resets the Statement's previous
 * ResultSets). Argument index {@link #RECEIVER} (-1) denotes the receiver.
 */
public sealed interface MethodRule {
  int RECEIVER = -1;

  /** Where this rule was declared, {@code file:line}, for verbose output and error messages. */
  String origin();

  /**
   * The call returns a fresh resource of {@code kind} that the caller owns, created from its
   * {@code parent}: nothing tracked ({@code NONE}), the receiver, or argument {@code parentArg}.
   * {@code parentArg} is the argument index for {@code ARGUMENT} and {@link #RECEIVER}
   * otherwise.
   */
  record Acquire(ResourceKind kind, Parent parent, int parentArg, String origin)
      implements MethodRule {}

  /** The call releases (closes) the given arguments; {@code quiet} if it never throws. */
  record Release(List<Integer> args, boolean quiet, String origin) implements MethodRule {}

  /** The call returns an object the caller must not close (borrowed). */
  record Borrow(BorrowOf of, String origin) implements MethodRule {}

  /** The call takes ownership of the given arguments (caller no longer has to close them). */
  record Transfer(List<Integer> args, String origin) implements MethodRule {}

  /** The call (usually a constructor) returns a wrapper that closes argument {@code arg}. */
  record Wrap(int arg, String origin) implements MethodRule {}

  /**
   * After this call the receiver closes itself once its children are closed
   * (Statement.closeOnCompletion()).
   */
  record ClosesWithChildren(String origin) implements MethodRule {}

  /** Calling this on a resource implicitly closes its open children (re-executing a Statement). */
  record ResetChildren(String origin) implements MethodRule {}

  /**
   * The resource the call acquires is bound to a context that closes it where one of {@code
   * guards} holds, and is then borrowed: a guard is a static method of no arguments that returned
   * true on the path ({@code owner.name()}, as {@link #guardMethod} spells it), or an annotation
   * on the calling method or its class ({@code @fully.qualified.Name}). Spring's {@code
   * DataSourceUtils.getConnection} under active transaction synchronization, whose transaction
   * releases the connection.
   */
  record BoundWhen(List<String> guards, String origin) implements MethodRule {}

  /**
   * The receiver keeps only the last result open: it closes it when asked for the next one and
   * when it is closed itself (a PooledConnection's logical handle: one open at a time). A result
   * the object asks of itself, by a call on {@code this} or {@code super} in its own code or in
   * that of its inner classes, is then the object's, not the calling method's.
   */
  record KeepsLast(String origin) implements MethodRule {}

  /** The spelling of a guard method in {@link BoundWhen#guards}. */
  static String guardMethod(String owner, String name) {
    return owner + "." + name + "()";
  }

  /** What a resource is "created from". */
  enum Parent {
    NONE,
    RECEIVER,
    ARGUMENT
  }

  /** What a borrowed result is. */
  enum BorrowOf {
    /** The resource the receiver was created from (ResultSet.getStatement()). */
    PARENT_OF_RECEIVER,
    /** The receiver itself or an object we do not track. */
    NONE
  }
}
