package dev.leakguard.spotbugs;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the lowering knows about one word of the operand stack or one local variable slot. The
 * event variable of a stack word is named after its depth, that of a local after its slot; this
 * value only says how to treat that variable.
 *
 * @param kind {@code R} a reference, {@code P} a primitive word, {@code T} unusable (undefined or
 *     conflicting at a join)
 * @param type the static type, dotted, when known
 * @param local the local slot this stack word was loaded from while that slot still holds it, or
 *     -1
 * @param tag what produced the value, when that matters later (see the nested records)
 * @param bound the event variable may hold a tracked value; false means it is certainly unbound
 * @param scope for a local: the entry of the local variable table it was stored as, {@link
 *     #SYNTHETIC} for a slot without an entry (a variable javac made up), -1 if unknown
 */
record Value(char kind, String type, int local, Object tag, boolean bound, int scope) {

  /** {@code this} in an instance method. */
  record This() {}

  /** The {@code null} constant. */
  record Null() {}

  /** An object created by {@code new} at {@code pc}, not yet initialised. */
  record NewObject(int pc) {}

  /**
   * An array created at {@code pc} with {@code stored} elements stored so far: the arguments of a
   * varargs call, or an array initialiser. {@code texts}: the string constants stored in it (see
   * {@link Texts}).
   */
  record NewArray(int pc, int stored, java.util.List<String> texts) {}

  /**
   * A string (or a builder of one) made of these string constants, among other parts: a literal,
   * a concatenation, a formatting call. What a rule that reads a URL sees of it.
   */
  record Texts(java.util.List<String> texts) {}

  /** The string constants this value is made of (see {@link Texts}). */
  java.util.List<String> texts() {
    if (tag instanceof Texts t) {
      return t.texts();
    }
    return tag instanceof NewArray na ? na.texts() : java.util.List.of();
  }

  /** A caught exception of one of {@code types} (dotted names). */
  record Caught(Set<String> types) {}

  /** A call result already bound to the local {@code slot} it is stored into next. */
  record StoredInto(int slot) {}

  /** The value of field {@code name} of class {@code owner} (read from any object). */
  record FieldValue(String name, String owner) {}

  /** {@code array.length} of the array in local {@code local}, stored for a for-each loop. */
  record ArrayLength(int local) {}

  /** The int constant 0 or 1 ({@code false}, {@code true}) pushed by iconst. */
  record IntConst(int value) {}

  /** A boolean that tells something about event variable {@code var} when it is true. */
  record Test(TestKind kind, String var) {}

  enum TestKind {
    IS_EMPTY,
    IS_CLOSED,
    NON_NULL,
    IS_NULL,
    INSTANCE_OF,
    HAS_NEXT,
    /** The boolean flag {@code var} itself (see core's {@code Event.AssignFlag}). */
    FLAG
  }

  static final int SYNTHETIC = -2;

  static final Value TOP = new Value('T', null, -1, null, false, -1);
  static final Value PRIM = new Value('P', null, -1, null, false, -1);

  static Value ref(String type, boolean bound) {
    return new Value('R', type, -1, null, bound, -1);
  }

  static Value prim(Object tag) {
    return new Value('P', null, -1, tag, false, -1);
  }

  boolean isRef() {
    return kind == 'R';
  }

  Value withLocal(int l) {
    return new Value(kind, type, l, tag, bound, scope);
  }

  Value withTag(Object t) {
    return new Value(kind, type, local, t, bound, scope);
  }

  Value withBound(boolean b) {
    return new Value(kind, type, local, tag, b, scope);
  }

  Value withScope(int s) {
    return new Value(kind, type, local, tag, bound, s);
  }

  Value withType(String t) {
    return new Value(kind, t, local, tag, bound, scope);
  }

  /** The least value that covers both. */
  static Value join(Value a, Value b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    char k = a.kind == b.kind ? a.kind : 'T';
    // what a slot holds that may need retiring is what its bound side holds
    int scope;
    if (a.bound != b.bound) {
      scope = a.bound ? a.scope : b.scope;
    } else {
      scope = a.scope == b.scope ? a.scope : -1;
    }
    String type = Objects.equals(a.type, b.type) ? a.type : null;
    if (a.bound != b.bound) {
      type = a.bound ? a.type : b.type;
    }
    if (k == 'T') {
      return a.bound || b.bound ? new Value('T', type, -1, null, true, scope) : TOP;
    }
    int local = a.local == b.local ? a.local : -1;
    Object tag = null;
    if (Objects.equals(a.tag, b.tag)) {
      tag = a.tag;
    } else if (a.tag instanceof Caught ca && b.tag instanceof Caught cb) {
      Set<String> u = new TreeSet<>(ca.types());
      u.addAll(cb.types());
      tag = new Caught(Set.copyOf(u));
    }
    return new Value(k, type, local, tag, a.bound || b.bound, scope);
  }
}
