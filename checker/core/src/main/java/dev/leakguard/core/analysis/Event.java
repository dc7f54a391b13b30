package dev.leakguard.core.analysis;

/**
 * The events a front-end lowers its code to. Variables are front-end chosen names, unique per
 * method (temporaries too, conventionally {@code $t<n>}).
 */
public sealed interface Event {

  /**
   * {@code target = <acquiring call>}; the new resource is created from {@code parentVar}. On a
   * path where one of the flags {@code boundWhen} is true, the resource is bound to a context that
   * closes it (see the model's {@code bound-when}): the call then hands out a borrowed one. With
   * {@code disputed}, only names or callers made the call an acquisition, against bodies it may
   * run that disagree (some return a fresh resource, some an existing one): whether the caller
   * owns the resource depends on which body runs, so a leak of it is at most a warning.
   */
  record Acquire(String target, Site site, String parentVar, java.util.List<String> boundWhen, boolean disputed)
      implements Event {
    public Acquire(String target, Site site, String parentVar) {
      this(target, site, parentVar, java.util.List.of(), false);
    }

    public Acquire(String target, Site site, String parentVar, java.util.List<String> boundWhen) {
      this(target, site, parentVar, boundWhen, false);
    }
  }

  /** {@code var.close()} or a releasing helper: the resources held by {@code var} are closed. */
  record Release(String var) implements Event {}

  /** Re-executing a Statement: its open children (ResultSets) are closed implicitly. */
  record ResetChildren(String var) implements Event {}

  /** {@code to = from}: {@code to} aliases whatever {@code from} holds. */
  record Assign(String to, String from) implements Event {}

  /** {@code to = null}. */
  record AssignNull(String to) implements Event {}

  /**
   * {@code to} now holds something untracked. With {@code temporaryEnd}, {@code to} is a
   * temporary whose full expression ended: an open resource only it held was never bound.
   */
  record AssignUnknown(String to, boolean temporaryEnd) implements Event {}

  /** {@code to} holds an untracked value with an identity worth naming (a field read). */
  record AssignOpaque(String to, String tag) implements Event {}

  /** {@code to = child.getStatement()}: a borrowed reference to the resource it was created from. */
  record AssignParentOf(String to, String child) implements Event {}

  /**
   * What {@code var} holds closes itself once the resources created from it are closed
   * (Statement.closeOnCompletion()): it needs no close of its own once it has one.
   */
  record CloseWithChildren(String var) implements Event {}

  /** Ownership of what {@code var} holds moves elsewhere (owning parameter, wrapper, escape). */
  record Transfer(String var) implements Event {}

  /**
   * {@code this.field = var}. With {@code closedByOwner} the class closes that field in a close or
   * lifecycle method, so ownership moves to the object; otherwise the resource can never be
   * closed.
   */
  record StoreField(String var, String field, boolean closedByOwner) implements Event {}

  /** {@code collection.add(element)} on a local collection. */
  record AddTo(String collection, String element) implements Event {}

  /** {@code to = <an element of collection>} (for-each over a local collection). */
  record ElementsOf(String to, String collection) implements Event {}

  /**
   * The edge on which the local collection {@code collection} is known to be empty: with {@code
   * removedAll}, its elements were taken out ({@code while (!q.isEmpty()) close(q.pop())}), so a
   * configuration where it still holds an open resource is not on this edge; without, it never had
   * any (a for-each loop that runs zero times), so a configuration where it holds any resource is
   * not on this edge. Either way the collection holds nothing afterwards.
   */
  record AssumeEmpty(String collection, boolean removedAll) implements Event {}

  /**
   * {@code flag = true} or {@code flag = false}: a boolean the code tests later to decide whether
   * it owns a resource ({@code if (owned) con.close()}). {@code flag} is a local variable, a field
   * of this object ({@code field:name}) or a no-argument method of this object ({@code
   * call:name}).
   */
  record AssignFlag(String flag, boolean value) implements Event {}

  /** The edge on which the boolean {@code flag} (see {@link AssignFlag}) has {@code value}. */
  record AssumeFlag(String flag, boolean value) implements Event {}

  /** The prefix of a flag that is a boolean field of this object. */
  String FIELD_FLAG = "field:";

  /**
   * The prefix of a flag that is a boolean parameter the body never assigns: its value is the
   * caller's choice. A resource closed only when such a parameter is true ({@code if
   * (closeResources) close(stmt)}) is the caller's to decide about on the paths where it is false:
   * the method leaves it to what the caller asked for (a stream that closes it later).
   */
  String PARAM_FLAG = "arg:";

  /** The prefix of a flag that is a no-argument boolean method of this object. */
  String CALL_FLAG = "call:";

  /**
   * A loop head: what was learnt about fields and getters of this object no longer holds (the
   * loop body may have changed them); local flags keep their values, their assignments are seen.
   */
  record ForgetFlags() implements Event {}

  /**
   * The edge on which {@code a == b} ({@code same}) or {@code a != b} holds, for two references. A
   * resource this method acquired is no other value it holds (a field read, null, another
   * acquisition), so the edge where it would be the same is not taken: {@code if (con !=
   * this.target) release(con)} releases what was acquired here.
   */
  record AssumeSame(String a, String b, boolean same) implements Event {}

  /** The edge on which {@code var == null}. */
  record AssumeNull(String var) implements Event {}

  /** The edge on which {@code var != null}. */
  record AssumeNonNull(String var) implements Event {}

  /**
   * {@code return var;} ({@code var} null for a void return or a non-resource value); {@code
   * implicitEnd} when control falls off the end of the body.
   */
  record Return(String var, boolean implicitEnd) implements Event {}

  /** A break or continue leaving a region: remembered to explain a later leak. */
  record Jump(String what) implements Event {}

  /** No effect on resources (a call that may throw, a join point). */
  record Nop() implements Event {}
}
